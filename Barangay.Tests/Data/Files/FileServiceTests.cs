using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Files;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Files;

public class FileServiceTests : IClassFixture<DemoDatabase>
{
    private readonly DemoDatabase _database;

    public FileServiceTests(DemoDatabase database) => _database = database;

    private static FileUploadRequest Request(string name, FileKinds allowed = FileKinds.Documents, string sensitivity = FileSensitivity.ComplaintAttachment) =>
        new(name, allowed, sensitivity, "Complaint", "CMP-2026-000001");

    [Fact]
    public async Task Upload_Pdf_StoredEncryptedAndReadBackByUploader()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        var juan = await host.AsJuanAsync();

        var result = await host.Files.UploadAsync(Request("Sinumpaang Salaysay ni Peñaflor.pdf"), new MemoryStream(SampleFiles.Pdf));

        result.Succeeded.Should().BeTrue(result.Refusal);
        var row = await host.RowAsync(result.File!.Id);
        row.FileName.Should().Be("Sinumpaang Salaysay ni Peñaflor.pdf");
        row.ContentType.Should().Be("application/pdf");
        row.SizeBytes.Should().Be(SampleFiles.Pdf.Length);
        row.UploadedBy.Should().Be(juan.UserId);
        row.Url.Should().MatchRegex("^[0-9a-f]{2}/[0-9a-f]{32}$").And.NotContain("Salaysay");
        var metadata = JsonDocument.Parse(row.Metadata).RootElement;
        metadata.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Pdf)));
        metadata.GetProperty("sensitivity").GetString().Should().Be("complaint_attachment");
        metadata.GetProperty("target_id").GetString().Should().Be("CMP-2026-000001");
        metadata.GetProperty("encryption").GetString().Should().Be("AES-256-GCM");
        metadata.GetProperty("key_id").GetString().Should().NotBeNullOrEmpty();
        Convert.FromBase64String(metadata.GetProperty("nonce").GetString()!).Should().HaveCount(12);

        var onDisk = await File.ReadAllBytesAsync(Path.Combine(host.Options.FilesRoot, row.Url));
        onDisk.Should().NotEqual(SampleFiles.Pdf);
        Encoding.Latin1.GetString(onDisk).Should().NotContain("CONFIDENTIAL").And.NotContain("%PDF");

        var read = await host.Files.ReadAsync(row.Id);
        read.Status.Should().Be(FileReadStatus.Ok);
        read.Content.Should().Equal(SampleFiles.Pdf);
        read.ContentType.Should().Be("application/pdf");
    }

    [Fact]
    public async Task Upload_KeyFileCreatedOnFirstUse_OwnerOnlyPermissions()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        await host.AsJuanAsync();

        (await host.Files.UploadAsync(Request("id.png"), new MemoryStream(SampleFiles.Png))).Succeeded.Should().BeTrue();

        var keyFile = Directory.GetFiles(host.Options.KeysRoot, "file-*.key").Should().ContainSingle().Subject;
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(keyFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Should().HaveCount(32);
    }

    [Fact]
    public async Task Read_TamperedCiphertext_RefusedAsDamaged()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        await host.AsJuanAsync();
        var id = (await host.Files.UploadAsync(Request("clearance.pdf"), new MemoryStream(SampleFiles.Pdf))).File!.Id;
        var path = Path.Combine(host.Options.FilesRoot, (await host.RowAsync(id)).Url);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[10] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var read = await host.Files.ReadAsync(id);

        read.Status.Should().Be(FileReadStatus.Damaged);
        read.Content.Should().BeNull();
        (await host.DownloadAuditsAsync(id)).Should().ContainSingle().Which.Detail("outcome").Should().Be("damaged");
    }

    [Fact]
    public async Task Upload_OverTheSettingsLimit_RefusedAndNothingStored()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        await using (var db = await host.Services.DbAsync())
        {
            var setting = await db.AppSettings.FindAsync(SettingKeys.UploadMaxMb);
            if (setting is null) db.AppSettings.Add(new AppSetting { Key = SettingKeys.UploadMaxMb, Value = "1" });
            else setting.Value = "1";
            await db.SaveChangesAsync();
        }
        try
        {
            await host.AsJuanAsync();
            var big = new byte[(1024 * 1024) + 1];
            SampleFiles.Pdf.CopyTo(big, 0);

            var result = await host.Files.UploadAsync(Request("big.pdf"), new MemoryStream(big));

            result.Succeeded.Should().BeFalse();
            result.Refusal.Should().Be("This file is larger than 1 MB, the most that can be uploaded.");
            Directory.Exists(host.Options.FilesRoot).Should().BeFalse("nothing is written for a refused upload");
            (await host.Files.UploadAsync(Request("small.pdf"), new MemoryStream(big[..(1024 * 1024)]))).Succeeded.Should().BeTrue();
        }
        finally
        {
            await using var db = await host.Services.DbAsync();
            db.AppSettings.Remove((await db.AppSettings.FindAsync(SettingKeys.UploadMaxMb))!);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task MaxBytes_NoSetting_TenMegabytes()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        (await host.Files.MaxBytesAsync()).Should().Be(10L * 1024 * 1024);
    }

    [Fact]
    public async Task Upload_ExeRenamedPdf_RefusedWithTheReason()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        await host.AsJuanAsync();

        var result = await host.Files.UploadAsync(Request("resibo.pdf"), new MemoryStream(SampleFiles.WindowsProgram));

        result.Refusal.Should().Be("This file is not a PDF: its content looks like a Windows program.");
    }

    [Fact]
    public async Task Upload_PathInTheName_NameKeptForDisplayOnly()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        await host.AsJuanAsync();

        var result = await host.Files.UploadAsync(Request("../../keys/..\\evil.png"), new MemoryStream(SampleFiles.Png));

        result.File!.FileName.Should().Be("evil.png");
        Directory.GetFiles(host.Options.DataRoot, "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName).Should().NotContain(n => n!.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_AnotherResidentsFile_NotFoundAndAudited()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        await host.AsJuanAsync();
        var id = (await host.Files.UploadAsync(Request("id.jpg", sensitivity: FileSensitivity.IdDocument), new MemoryStream(SampleFiles.Jpeg))).File!.Id;
        var (other, _) = await host.EnsureOtherResidentAsync();
        var maria = await host.SignInAsync(other);

        var read = await host.Files.ReadAsync(id);

        read.Status.Should().Be(FileReadStatus.NotFound);
        (await host.Files.GetAsync(id)).Should().BeNull();
        (await host.Files.CreateLinkAsync(id)).Should().BeNull();
        var audit = (await host.DownloadAuditsAsync(id)).Should().ContainSingle().Subject;
        audit.ActorUserId.Should().Be(maria.UserId);
        audit.Detail("outcome").Should().Be("refused");
        audit.Detail("reason").Should().Be("not_allowed");
    }

    [Fact]
    public async Task Read_OfficialWhoReviewsIdDocuments_GetsItAndTheDownloadIsAudited()
    {
        // (A complaint attachment is read by its complaint's rule: ComplaintAttachmentAccessTests.)
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        await host.AsJuanAsync();
        var id = (await host.Files.UploadAsync(Request("photo of the fence.png", sensitivity: FileSensitivity.IdDocument), new MemoryStream(SampleFiles.Png))).File!.Id;
        var secretary = await host.AsSecretaryAsync();

        var read = await host.Files.ReadAsync(id);

        read.Content.Should().Equal(SampleFiles.Png);
        var audit = (await host.DownloadAuditsAsync(id)).Should().ContainSingle().Subject;
        audit.ActorUserId.Should().Be(secretary.UserId);
        audit.Detail("outcome").Should().Be("delivered");
        audit.Detail("file_name").Should().Be("photo of the fence.png");
    }

    [Fact]
    public async Task Read_ExportOfSomeoneElse_NotFoundEvenForAnOfficial()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        await host.SignInAsync(Barangay.Data.Seed.DemoAccounts.AdminUser);
        var id = (await host.Files.UploadAsync(Request("residents.csv", FileKinds.Csv, FileSensitivity.Export), new MemoryStream(SampleFiles.CsvWithBomAndEnye))).File!.Id;
        (await host.Files.ReadAsync(id)).Content.Should().Equal(SampleFiles.CsvWithBomAndEnye);
        await host.AsSecretaryAsync();

        (await host.Files.ReadAsync(id)).Status.Should().Be(FileReadStatus.NotFound);
    }

    [Fact]
    public async Task Read_AfterKeyRotation_OldFilesStillReadWithTheirKey()
    {
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var root = Path.Combine(Path.GetTempPath(), "barangay-files-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Guid id;
            await using (var before = FilesTestHost.Start(_database.AppConnectionString, new FileStorageOptions { DataRoot = root, EncryptionKey = Convert.ToBase64String(oldKey), EncryptionKeyId = "k2025" }))
            {
                await before.AsJuanAsync();
                id = (await before.Files.UploadAsync(Request("old.pdf"), new MemoryStream(SampleFiles.Pdf))).File!.Id;
            }
            // Rotation: the old key is kept as a key file, the configured key is a new one.
            Directory.CreateDirectory(Path.Combine(root, "keys"));
            await File.WriteAllTextAsync(Path.Combine(root, "keys", "file-k2025.key"), Convert.ToBase64String(oldKey));
            await using var after = FilesTestHost.Start(_database.AppConnectionString, new FileStorageOptions { DataRoot = root, EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), EncryptionKeyId = "k2026" });
            await after.AsJuanAsync();

            (await after.Files.ReadAsync(id)).Content.Should().Equal(SampleFiles.Pdf);
            var newer = (await after.Files.UploadAsync(Request("new.pdf"), new MemoryStream(SampleFiles.Pdf))).File!.Id;
            JsonDocument.Parse((await after.RowAsync(newer)).Metadata).RootElement.GetProperty("key_id").GetString().Should().Be("k2026");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Upload_Anonymous_Refused()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);

        (await host.Files.UploadAsync(Request("a.pdf"), new MemoryStream(SampleFiles.Pdf))).Refusal.Should().Be("Sign in to upload files.");
    }

    [Fact]
    public async Task Upload_AuditsTheNewFile()
    {
        await using var host = FilesTestHost.Start(_database.AppConnectionString);
        var juan = await host.AsJuanAsync();
        var id = (await host.Files.UploadAsync(Request("a.pdf"), new MemoryStream(SampleFiles.Pdf))).File!.Id;

        await using var db = await host.Services.DbAsync();
        var audit = db.AuditLogs.Where(a => a.TargetId == id.ToString() && a.ActionType == AuditActions.Create).ToList();
        audit.Should().ContainSingle().Which.ActorUserId.Should().Be(juan.UserId);
    }
}
