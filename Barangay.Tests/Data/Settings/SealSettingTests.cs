using Barangay.Data.Files;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Data.Officials;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Settings;

/// <summary>The seal heads every page and certificate, for anyone to see: only a picture uploaded as the seal is accepted.</summary>
public class SealSettingTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private string _dataRoot = "";

    public async Task InitializeAsync()
    {
        _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-seal-" + Guid.NewGuid().ToString("N")[..8]);
        _services = new TestServices(database.AppConnectionString, s => s.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot }));
        await _services.SignInAsAsync(DemoAccounts.AdminUser);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    [Fact]
    public async Task Seal_PrivateFileRefused_SealUploadSavedAndShownInTheProfile()
    {
        var files = _services.Get<FileService>();
        var settings = _services.Get<SettingsService>();
        var idCard = await files.UploadAsync(new FileUploadRequest("id.png", FileKinds.Images, FileSensitivity.IdDocument, "Registration"), new MemoryStream(SamplePhoto.Png()));
        var seal = await files.UploadAsync(new FileUploadRequest("seal.png", FileKinds.Images, FileSensitivity.Public, SettingsService.SealTargetType), new MemoryStream(SamplePhoto.Png()));

        var edit = await settings.GetAsync();
        edit!.SealFileId = idCard.File!.Id.ToString();
        (await settings.UpdateAsync(edit)).Errors[nameof(SettingsEdit.SealFileId)].Should().Be("Seal image must be a picture uploaded here as the seal.");
        edit.SealFileId = "not-a-file";
        (await settings.UpdateAsync(edit)).Errors[nameof(SettingsEdit.SealFileId)].Should().Be("Seal image: upload the seal picture again.");
        (await _services.Get<BarangayProfileService>().GetAsync()).SealFileId.Should().BeNull("nothing was saved");

        edit.SealFileId = seal.File!.Id.ToString();
        (await settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();
        (await _services.Get<BarangayProfileService>().GetAsync()).SealFileId.Should().Be(seal.File.Id.ToString());
    }
}
