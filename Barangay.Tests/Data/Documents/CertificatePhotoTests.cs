using Barangay.Data.Documents;
using Barangay.Data.Files;
using Barangay.Data.Residents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Documents;

/// <summary>
/// An ID-like certificate (<c>"id_photo": true</c>, the demo's Barangay Clearance) prints the holder's photo from their
/// record in a 1×1 box; with none on record the box stays empty and says so, to paste a photo in at the window (issue 22, item 2).
/// </summary>
public class CertificatePhotoTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private static readonly (byte R, byte G, byte B) Red = (200, 20, 20);
    private DocumentsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString);
        // Stated here rather than taken from the demo seed, so the test says which types print a photo.
        await using var db = await _host.Services.DbAsync();
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE lookup_values SET meta = meta || jsonb_build_object('id_photo', true) WHERE category = 'document_type' AND code = 'barangay-clearance';
            UPDATE lookup_values SET meta = meta - 'id_photo' WHERE category = 'document_type' AND code = 'certificate-of-residency'
            """);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Juan's photo on record: a picture uploaded as a resident's photo, or one of another kind slipped in past the service.</summary>
    private async Task<Guid> SetJuansPhotoAsync(byte[] png, string sensitivity = FileSensitivity.Photo, string targetType = ResidentService.PhotoTargetType)
    {
        await _host.AsSecretaryAsync();
        var upload = await _host.Files.UploadAsync(new FileUploadRequest("juan.png", FileKinds.Images, sensitivity, targetType), new MemoryStream(png));
        upload.Refusal.Should().BeNull();
        await using var db = await _host.Services.DbAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE residents SET photo_url = {PhotoFiles.UrlOf(upload.File!.Id)} WHERE user_id = (SELECT id FROM users WHERE username = 'juan')");
        return upload.File.Id;
    }

    private async Task ClearJuansPhotoAsync()
    {
        await using var db = await _host.Services.DbAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE residents SET photo_url = NULL WHERE user_id = (SELECT id FROM users WHERE username = 'juan')");
    }

    private async Task<CertificateData> ApprovedAsync(string type = "barangay-clearance")
    {
        var (id, v) = await ReadyToApproveAsync(type);
        await _host.AsKapitanAsync();
        var approved = await _host.Requests.ApproveAsync(id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        return approved.Value!.Certificate!;
    }

    /// <summary>Juan's request, reviewed and its fee waived: all that is left is the approval.</summary>
    private async Task<(Guid Id, Guid Version)> ReadyToApproveAsync(string type = "barangay-clearance")
    {
        await _host.AsJuanAsync();
        var created = await _host.Requests.CreateAsync(new NewDocumentRequest { TypeCode = type, Purpose = "Employment" });
        created.Ok.Should().BeTrue(created.Message);
        var id = created.Value!.Id;
        await _host.AsSecretaryAsync();
        var v = (await _host.Requests.ReviewAsync(id, (await _host.Requests.GetAsync(id))!.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        v = (await _host.Requests.WaiveAsync(id, v, "Indigent")).Value!.Version;
        return (id, v);
    }

    private async Task<string?> ApprovalAuditAsync(Guid id)
    {
        await using var db = await _host.Services.DbAsync();
        var rows = await db.AuditLogs.AsNoTracking()
            .Where(a => a.TargetId == id.ToString() && a.ActionType == Barangay.Data.Audit.AuditActions.StatusChange).Select(a => a.Details).ToListAsync();
        return rows.Single(d => System.Text.Json.JsonDocument.Parse(d!).RootElement.GetProperty("to").GetString() == DocumentRequestStatuses.Approved);
    }

    [Fact]
    public async Task Warning_IdLikeTypeWithoutPhoto_NamedBeforeApproval_ApprovalAllowedAndAudited_ThenAReminderUntilReleased()
    {
        await ClearJuansPhotoAsync();
        var (id, v) = await ReadyToApproveAsync();

        await _host.AsKapitanAsync();
        var before = await _host.Requests.HolderPhotoWarningAsync(id);
        before.Should().NotBeNull("a Barangay Clearance prints the holder's photo and Juan has none on record");
        before!.Approved.Should().BeFalse();
        before.TypeLabel.Should().Be("Barangay Clearance");
        before.ResidentName.Should().Contain("Dela Cruz");

        // Issue 22 is silent on blocking: the Punong Barangay may approve knowingly, and the audit row says so.
        var approved = await _host.Requests.ApproveAsync(id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        (await ApprovalAuditAsync(id)).Should().Contain("holder_photo").And.Contain("none on record");
        (await _host.Requests.HolderPhotoWarningAsync(id)).Should().BeEquivalentTo(before with { Approved = true }, "the window is reminded to paste a photo in");

        var released = await _host.Requests.ReleaseAsync(id, approved.Value!.Version);
        released.Ok.Should().BeTrue(released.Message);
        (await _host.Requests.HolderPhotoWarningAsync(id)).Should().BeNull("it has left the hall");
    }

    [Fact]
    public async Task Warning_PhotoOnRecord_NoneAndTheAuditRowSaysNothingOfIt()
    {
        await SetJuansPhotoAsync(CertificateArtTests.Square(40, Red));
        var (id, v) = await ReadyToApproveAsync();

        await _host.AsKapitanAsync();
        (await _host.Requests.HolderPhotoWarningAsync(id)).Should().BeNull();
        (await _host.Requests.ApproveAsync(id, v)).Ok.Should().BeTrue();
        (await ApprovalAuditAsync(id)).Should().NotContain("holder_photo");
        (await _host.Requests.HolderPhotoWarningAsync(id)).Should().BeNull();
    }

    [Fact]
    public async Task Warning_PhotoOnRecordThatCannotPrint_WarnsLikeNoPhoto()
    {
        // An ID document in photo_url (set past the service) is never printed, so the page must not pretend there is a photo.
        await SetJuansPhotoAsync(CertificateArtTests.Square(40, Red), FileSensitivity.IdDocument, "Registration");
        var (id, _) = await ReadyToApproveAsync();

        await _host.AsKapitanAsync();
        (await _host.Requests.HolderPhotoWarningAsync(id)).Should().NotBeNull();
    }

    [Fact]
    public async Task Warning_TypeThatPrintsNoPhoto_OrAskedByTheResident_None()
    {
        await ClearJuansPhotoAsync();
        var (residency, _) = await ReadyToApproveAsync("certificate-of-residency");
        var (clearance, _) = await ReadyToApproveAsync();

        await _host.AsKapitanAsync();
        (await _host.Requests.HolderPhotoWarningAsync(residency)).Should().BeNull("a Certificate of Residency prints no photo");
        await _host.AsJuanAsync();
        (await _host.Requests.HolderPhotoWarningAsync(clearance)).Should().BeNull("the warning is for the hall, not the resident's page");
    }

    private async Task<byte[]> PrintAsync(CertificateData c)
    {
        var pictures = await _host.Services.Get<CertificateImages>().LoadAsync(c);
        return CertificatePdf.Render(c, "https://hall.example/verify/x", pictures.Seal, null, null, pictures.MunicipalSeal, pictures.Signature, pictures.Photo);
    }

    [Fact]
    public async Task Approve_IdLikeTypeWithPhotoOnRecord_PrintsTheHoldersPhotoFillingItsBox()
    {
        // A portrait photo (taller than wide) still fills the square box: trimmed, not shrunk.
        var photoId = await SetJuansPhotoAsync(CertificateArtTests.Picture(60, 90, Red));

        var c = await ApprovedAsync();
        var pdf = await PrintAsync(c);

        c.PhotoBox.Should().BeTrue();
        c.PhotoFileId.Should().Be(photoId.ToString(), "the photo on record at approval is frozen with the certificate");
        await CertificateArtTests.PngAsync(pdf, Path.Combine(Screenshots.Directory, "certificate-with-photo"));
        var text = await CertificateSigningTests.PdfTextAsync(pdf);
        text.Should().Contain("Photo of holder").And.NotContain("No photo on record");
        var bounds = (await CertificateArtTests.FirstPageAsync(pdf)).BoundsOf(Red);
        bounds.Should().NotBeNull("the holder's photo is printed");
        var (left, top, right, bottom) = bounds!.Value;
        (right - left + 1).Should().BeInRange(70, 74, "1×1 inch wide");
        (bottom - top + 1).Should().BeInRange(70, 74, "1×1 inch high");
    }

    [Fact]
    public async Task Approve_IdLikeTypeWithoutPhoto_PrintsAnEmptyBoxThatSaysSo()
    {
        await ClearJuansPhotoAsync();

        var c = await ApprovedAsync();
        var pdf = await PrintAsync(c);

        c.PhotoBox.Should().BeTrue();
        c.PhotoFileId.Should().BeNull();
        await CertificateArtTests.PngAsync(pdf, Path.Combine(Screenshots.Directory, "certificate-without-photo"));
        var text = await CertificateSigningTests.PdfTextAsync(pdf);
        text.Should().Contain("Photo of holder").And.Contain("No photo on record").And.Contain("signs across it");
    }

    [Fact]
    public async Task Approve_TypeThatIsNotIdLike_PrintsNoPhotoBox()
    {
        await SetJuansPhotoAsync(CertificateArtTests.Square(40, Red));

        var c = await ApprovedAsync("certificate-of-residency");
        var pdf = await PrintAsync(c);

        c.PhotoBox.Should().BeFalse();
        c.PhotoFileId.Should().BeNull();
        (await CertificateSigningTests.PdfTextAsync(pdf)).Should().NotContain("Photo of holder");
        (await CertificateArtTests.FirstPageAsync(pdf)).BoundsOf(Red).Should().BeNull();
    }

    [Fact]
    public async Task Print_PhotoOnRecordThatIsNotAResidentsPhoto_NotPrinted()
    {
        // An ID document put in photo_url past the service (PhotoFiles refuses it there) never prints on a certificate.
        await SetJuansPhotoAsync(CertificateArtTests.Square(40, Red), FileSensitivity.IdDocument, "Registration");

        var c = await ApprovedAsync();

        (await _host.Services.Get<CertificateImages>().LoadAsync(c)).Photo.Should().BeNull();
        (await CertificateSigningTests.PdfTextAsync(await PrintAsync(c))).Should().Contain("No photo on record");
    }

    [Fact]
    public async Task Print_PhotoChangedAfterApproval_ReprintShowsThePhotoOfTheApproval()
    {
        var first = await SetJuansPhotoAsync(CertificateArtTests.Square(40, Red));
        var c = await ApprovedAsync();
        await SetJuansPhotoAsync(CertificateArtTests.Square(40, (20, 40, 200)));

        var pictures = await _host.Services.Get<CertificateImages>().LoadAsync(c);

        c.PhotoFileId.Should().Be(first.ToString());
        pictures.Photo.Should().Equal(CertificateArtTests.Square(40, Red));
    }
}
