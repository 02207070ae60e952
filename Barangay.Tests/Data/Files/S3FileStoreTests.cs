using System.Text;
using Barangay.Data.Files;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Files;

public class S3FileStoreTests : IClassFixture<DemoDatabase>
{
    private readonly DemoDatabase _database;

    public S3FileStoreTests(DemoDatabase database) => _database = database;

    private static S3StorageOptions Options(FakeS3 s3) => new()
    {
        ServiceUrl = s3.Url, Bucket = "barangay", AccessKey = "AKIDBARANGAY", SecretKey = "secret-for-tests", Prefix = "san-isidro/",
    };

    [Fact]
    public async Task PutGetDelete_AgainstAnS3Endpoint_RoundTrips()
    {
        await using var s3 = await FakeS3.StartAsync("AKIDBARANGAY");
        using var store = new S3FileStore(Options(s3));
        var key = FileStoreKeys.New();

        await store.PutAsync(key, new MemoryStream(SampleFiles.Png));

        s3.Objects.Should().ContainKey($"barangay/san-isidro/{key}").WhoseValue.Should().Equal(SampleFiles.Png);
        s3.PayloadHashes.Should().Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SampleFiles.Png)));
        await using (var read = await store.OpenReadAsync(key))
        {
            using var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            copy.ToArray().Should().Equal(SampleFiles.Png);
        }
        await store.DeleteAsync(key);
        s3.Objects.Should().BeEmpty();
        (await store.OpenReadAsync(key)).Should().BeNull();
    }

    [Fact]
    public async Task Upload_ThroughFileServiceOnS3_ObjectIsCiphertextAndReadsBack()
    {
        await using var s3 = await FakeS3.StartAsync("AKIDBARANGAY");
        await using var host = FilesTestHost.Start(_database.AppConnectionString,
            new FileStorageOptions { Provider = "S3", S3 = Options(s3) });
        await host.AsJuanAsync();

        var result = await host.Files.UploadAsync(new FileUploadRequest("reklamo.pdf", FileKinds.Pdf, FileSensitivity.ComplaintAttachment), new MemoryStream(SampleFiles.Pdf));

        result.Succeeded.Should().BeTrue(result.Refusal);
        var stored = s3.Objects.Should().ContainSingle().Subject.Value;
        Encoding.Latin1.GetString(stored).Should().NotContain("CONFIDENTIAL").And.NotContain("%PDF");
        Directory.Exists(host.Options.FilesRoot).Should().BeFalse("the S3 store writes nothing to the local disk");
        (await host.Files.ReadAsync(result.File!.Id)).Content.Should().Equal(SampleFiles.Pdf);
    }

    [Fact]
    public async Task Keys_NotOfTheStoresShape_Refused()
    {
        FileStoreKeys.IsValid("../etc/passwd").Should().BeFalse();
        FileStoreKeys.IsValid("ab/../../x").Should().BeFalse();
        FileStoreKeys.IsValid(FileStoreKeys.New()).Should().BeTrue();
        var local = new LocalFileStore(new FileStorageOptions { DataRoot = Path.GetTempPath() });
        var act = () => local.PutAsync("../escape", new MemoryStream([1]));
        await act.Should().ThrowAsync<ArgumentException>();
    }
}
