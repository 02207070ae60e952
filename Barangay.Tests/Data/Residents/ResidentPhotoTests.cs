using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Files;
using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Barangay.Data.Security;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Data.Officials;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Residents;

/// <summary>The hall's photo of a resident: only a picture uploaded as one, set by officials who edit records, audited.</summary>
public class ResidentPhotoTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private string _dataRoot = "";
    private ResidentService Residents => _services.Get<ResidentService>();
    private FileService Files => _services.Get<FileService>();

    public async Task InitializeAsync()
    {
        _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-rph-" + Guid.NewGuid().ToString("N")[..8]);
        _services = new TestServices(database.AppConnectionString, s =>
        {
            s.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot });
            s.AddScoped<ResidentService>();
        });
        await _services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    private async Task<Guid> JuanAsync()
    {
        await using var db = await _services.DbAsync();
        return await db.Residents.Where(r => r.FirstName == "Juan" && r.LastName == "Dela Cruz").Select(r => r.Id).FirstAsync();
    }

    [Fact]
    public async Task SetPhoto_OnlyAResidentPhotoIsAccepted_SavedAuditedAndRemovable()
    {
        var juan = await JuanAsync();
        var pdf = await Files.UploadAsync(new FileUploadRequest("juan.pdf", FileKinds.Documents, FileSensitivity.Photo, ResidentService.PhotoTargetType), new MemoryStream(SampleFiles.Pdf));
        var idCard = await Files.UploadAsync(new FileUploadRequest("id.png", FileKinds.Images, FileSensitivity.IdDocument, "Registration"), new MemoryStream(SamplePhoto.Png()));
        var photo = await Files.UploadAsync(new FileUploadRequest("juan.png", FileKinds.Images, FileSensitivity.Photo, ResidentService.PhotoTargetType), new MemoryStream(SamplePhoto.Png()));

        (await Residents.SetPhotoAsync(juan, pdf.File!.Id)).Errors["Photo"].Should().Be("Photo must be a JPEG or PNG image.");
        (await Residents.SetPhotoAsync(juan, idCard.File!.Id)).Errors["Photo"].Should().Be("Photo must be a picture uploaded here as a resident's photo.");
        (await Residents.GetAsync(juan))!.PhotoFileId.Should().BeNull("a refused photo changes nothing");

        (await Residents.SetPhotoAsync(juan, photo.File!.Id)).Ok.Should().BeTrue();
        (await Residents.GetAsync(juan))!.PhotoFileId.Should().Be(photo.File.Id);
        await using (var db = await _services.DbAsync())
        {
            var audit = await db.AuditLogs.Where(a => a.TargetId == juan.ToString()).OrderByDescending(a => a.Timestamp).FirstAsync();
            audit.Details.Should().Contain("photo_url").And.Contain(photo.File.Id.ToString());
        }

        (await Residents.SetPhotoAsync(juan, null)).Ok.Should().BeTrue();
        (await Residents.GetAsync(juan))!.PhotoFileId.Should().BeNull();
    }

    [Fact]
    public async Task SetPhoto_AResidentCannotChangeAnyonesPhoto()
    {
        var juan = await JuanAsync();
        await _services.SignInAsAsync(DemoAccounts.ResidentUser);
        (await Residents.SetPhotoAsync(juan, null)).Kind.Should().Be(ResultKind.NotFound);
    }
}
