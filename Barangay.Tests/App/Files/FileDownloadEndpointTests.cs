using System.Net;
using Barangay.Data.Files;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Files;

namespace Barangay.Tests.App.Files;

/// <summary><c>GET /files/{id}</c> on the real app process.</summary>
public class FileDownloadEndpointTests : IClassFixture<FileDownloadFixture>
{
    private readonly FileDownloadFixture _f;

    public FileDownloadEndpointTests(FileDownloadFixture fixture) => _f = fixture;

    private async Task<Guid> JuanUploadsAsync(string name, byte[] content, FileKinds kinds = FileKinds.Documents, string sensitivity = FileSensitivity.ComplaintAttachment)
    {
        await _f.Host.AsJuanAsync();
        var result = await _f.Host.Files.UploadAsync(new FileUploadRequest(name, kinds, sensitivity, "Complaint", "CMP-2026-000042"), new MemoryStream(content));
        result.Succeeded.Should().BeTrue(result.Refusal);
        return result.File!.Id;
    }

    [Fact]
    public async Task Download_Owner_GetsTheBytesWithTypeAndOriginalName()
    {
        var id = await JuanUploadsAsync("Reklamo ni Niño Peñaflor.pdf", SampleFiles.Pdf);
        using var juan = await _f.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword);

        using var response = await juan.GetAsync($"/files/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(SampleFiles.Pdf);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("inline");
        disposition.FileNameStar.Should().Be("Reklamo ni Niño Peñaflor.pdf");
        string.Join(",", response.Content.Headers.GetValues("Content-Disposition")).Should().Contain("filename*=UTF-8''Reklamo%20ni%20Ni%C3%B1o%20Pe%C3%B1aflor.pdf");
        response.Headers.GetValues("X-Content-Type-Options").Should().Contain("nosniff");
        var audit = (await _f.Host.DownloadAuditsAsync(id)).Should().ContainSingle().Subject;
        audit.Detail("outcome").Should().Be("delivered");
        audit.Detail("via").Should().Be("session");
    }

    [Fact]
    public async Task Download_Csv_SavedAsAttachment()
    {
        var id = await JuanUploadsAsync("Listahan ng Purok.csv", SampleFiles.CsvWithBomAndEnye, FileKinds.Csv, FileSensitivity.Photo);
        using var juan = await _f.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword);

        using var response = await juan.GetAsync($"/files/{id}");

        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentType!.ToString().Should().StartWith("text/csv");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(SampleFiles.CsvWithBomAndEnye);
    }

    [Fact]
    public async Task Download_AnotherResident_NotFoundAndAudited()
    {
        var id = await JuanUploadsAsync("ID ni Juan.jpg", SampleFiles.Jpeg, sensitivity: FileSensitivity.IdDocument);
        var (other, password) = await _f.Host.EnsureOtherResidentAsync();
        var otherId = await _f.Host.UserIdAsync(other);
        using var maria = await _f.SignInAsync(other, password);

        using var response = await maria.GetAsync($"/files/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var audit = (await _f.Host.DownloadAuditsAsync(id)).Should().ContainSingle().Subject;
        audit.ActorUserId.Should().Be(otherId);
        audit.Detail("outcome").Should().Be("refused");
    }

    [Fact]
    public async Task Download_SignedOut_SentToSignIn()
    {
        var id = await JuanUploadsAsync("a.pdf", SampleFiles.Pdf);
        using var anonymous = _f.Anonymous();

        using var response = await anonymous.GetAsync($"/files/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Identity/Account/Login");
    }

    [Fact]
    public async Task Download_ValidSignedLink_ServesTheFileWithoutSignIn()
    {
        var id = await JuanUploadsAsync("Salaysay.pdf", SampleFiles.Pdf);
        var link = await _f.Host.Files.CreateLinkAsync(id, TimeSpan.FromMinutes(5));
        using var anonymous = _f.Anonymous();

        using var response = await anonymous.GetAsync(link);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(SampleFiles.Pdf);
        var audit = (await _f.Host.DownloadAuditsAsync(id)).Should().ContainSingle().Subject;
        audit.Detail("via").Should().Be("link");
        audit.ActorUserId.Should().Be(await _f.Host.UserIdAsync(DemoAccounts.ResidentUser), "the link was issued to Juan; its downloads are audited as his");
    }

    [Fact]
    public async Task Download_SignedLinkWithAlteredSubject_NotFound()
    {
        var id = await JuanUploadsAsync("Salaysay.pdf", SampleFiles.Pdf);
        var link = (await _f.Host.Files.CreateLinkAsync(id))!;
        var juan = await _f.Host.UserIdAsync(DemoAccounts.ResidentUser);
        var admin = await _f.Host.UserIdAsync(DemoAccounts.AdminUser);
        using var anonymous = _f.Anonymous();

        using var response = await anonymous.GetAsync(link.Replace(juan.ToString("N"), admin.ToString("N"), StringComparison.Ordinal));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var audit = (await _f.Host.DownloadAuditsAsync(id)).Should().ContainSingle().Subject;
        audit.Detail("reason").Should().Be("bad_signature");
        audit.ActorUserId.Should().BeNull("an unverified subject is nobody's name to write down");
    }

    [Fact]
    public async Task Download_ExportFile_OnlyItsRequestersOwnSession()
    {
        var secretary = await _f.Host.UserIdAsync(DemoAccounts.OfficialUser);
        var file = await _f.Host.Services.Get<GeneratedFiles>().StoreAsync("EXP-2026-000001-residents.csv", "text/csv; charset=utf-8", "csv",
            SampleFiles.CsvWithBomAndEnye, FileSensitivity.Export, secretary, "Export", Guid.NewGuid().ToString());
        // What the export list used to hand out: a 30-minute link in the requester's name.
        var link = _f.Host.Services.Get<FileLinkSigner>().Sign(file.Id, TimeSpan.FromMinutes(30), secretary);
        using var anonymous = _f.Anonymous();
        await _f.Host.EnsurePasswordAsync("kapitan", Barangay.Data.Seed.DemoAccounts.KapitanPassword);
        using var kapitan = await _f.SignInAsync("kapitan", Barangay.Data.Seed.DemoAccounts.KapitanPassword);
        using var owner = await _f.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword);

        (await anonymous.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.NotFound, "holding the link is not enough");
        (await owner.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.NotFound, "not even for the requester: the link is never the way in");
        (await kapitan.GetAsync($"/files/{file.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another official's session never gets it");
        using var mine = await owner.GetAsync($"/files/{file.Id}");

        mine.StatusCode.Should().Be(HttpStatusCode.OK);
        (await mine.Content.ReadAsByteArrayAsync()).Should().Equal(SampleFiles.CsvWithBomAndEnye);
        var audits = await _f.Host.DownloadAuditsAsync(file.Id);
        audits.Select(a => (a.Detail("outcome"), a.Detail("via"))).Should().Equal(
            ("refused", "link"), ("refused", "link"), ("refused", "session"), ("delivered", "session"));
        audits.Take(2).Should().OnlyContain(a => a.Detail("reason") == "session_only" && a.ActorUserId == secretary);
        audits[2].ActorUserId.Should().Be(await _f.Host.UserIdAsync("kapitan"));
    }

    [Fact]
    public async Task Download_ExpiredSignedLink_NotFoundAndAudited()
    {
        var id = await JuanUploadsAsync("Salaysay.pdf", SampleFiles.Pdf);
        var expired = _f.Host.Services.Get<FileLinkSigner>().Sign(id, TimeSpan.FromSeconds(-5));
        using var anonymous = _f.Anonymous();

        using var response = await anonymous.GetAsync(expired);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _f.Host.DownloadAuditsAsync(id)).Should().ContainSingle().Which.Detail("reason").Should().Be("expired");
    }

    [Fact]
    public async Task Download_AlteredSignedLink_NotFoundAndAudited()
    {
        var id = await JuanUploadsAsync("Salaysay.pdf", SampleFiles.Pdf);
        var expired = _f.Host.Services.Get<FileLinkSigner>().Sign(id, TimeSpan.FromSeconds(-5));
        var exp = long.Parse(expired.Split("exp=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
        var extended = expired.Replace($"exp={exp}", $"exp={exp + 86400}", StringComparison.Ordinal);
        var otherFile = await JuanUploadsAsync("Iba.pdf", SampleFiles.Pdf);
        var valid = await _f.Host.Files.CreateLinkAsync(id);
        var movedToOtherFile = valid!.Replace(id.ToString(), otherFile.ToString(), StringComparison.Ordinal);
        using var anonymous = _f.Anonymous();

        (await anonymous.GetAsync(extended)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(movedToOtherFile)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(valid + "x")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await _f.Host.DownloadAuditsAsync(id)).Select(a => a.Detail("reason")).Should().Equal("bad_signature", "bad_signature");
        (await _f.Host.DownloadAuditsAsync(otherFile)).Should().ContainSingle().Which.Detail("reason").Should().Be("bad_signature");
    }
}
