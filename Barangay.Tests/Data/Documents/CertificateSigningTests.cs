using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Documents;
using Barangay.Data.Documents.Verification;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Documents;

/// <summary>Approval signs the QR payload with the barangay's key; keys rotate; an official revokes, audited (issue 22, item 4).</summary>
public class CertificateSigningTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private DocumentsTestHost _host = null!;
    private DocumentRequestService Requests => _host.Requests;

    public Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<DocumentRequestDetail> ApprovedAsync(bool bySecretary = false)
    {
        await _host.AsJuanAsync();
        var id = (await Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!.Id;
        await _host.AsSecretaryAsync();
        var v = (await Requests.ReviewAsync(id, (await Requests.GetAsync(id))!.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        v = (await Requests.WaiveAsync(id, v, "Indigent")).Value!.Version;
        if (bySecretary)
        {
            // The Punong Barangay delegated approving to the secretary (RA 11032 issue 23's setting): she signs "For the Punong Barangay".
            await using (var db = await _host.Services.DbAsync())
            {
                if (!await db.AppSettings.AnyAsync(x => x.Key == SettingKeys.DocumentApprovers))
                {
                    db.AppSettings.Add(new AppSetting { Key = SettingKeys.DocumentApprovers, Value = DocumentApprovers.Write(["Secretary"]) });
                    await db.SaveChangesAsync();
                }
            }
            await _host.AsSecretaryAsync();
        }
        else await _host.AsKapitanAsync();
        var approved = await Requests.ApproveAsync(id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        return approved.Value!;
    }

    private async Task<Dictionary<string, byte[]>> PublishedAsync() =>
        (await Requests.SigningKeysAsync()).ToDictionary(k => k.KeyId, k => Convert.FromBase64String(k.PublicKey));

    [Fact]
    public async Task Approve_SignsThePayloadWithAPublishedKey_PrivateKeyEncryptedAtRest()
    {
        var r = await ApprovedAsync();

        var c = r.Certificate!;
        var check = CertificatePayload.Read(c.SignedPayload, await PublishedAsync());
        check.Outcome.Should().Be(PayloadOutcome.Genuine);
        check.Claims!.ControlNumber.Should().Be(c.ControlNumber);
        check.Claims.HolderName.Should().Be(c.HolderName);
        check.Claims.ValidUntil.Should().Be(c.ValidUntil);
        c.KeyFingerprint.Should().Be((await Requests.SigningKeysAsync()).Single(k => k.KeyId == check.KeyId).Fingerprint);
        await using var db = await _host.Services.DbAsync();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT private_key AS \"Value\" FROM certificate_signing_keys").ToListAsync();
        stored.Should().NotBeEmpty().And.OnlyContain(s => s.StartsWith(ColumnCipher.Prefix), "the private key is never stored in the clear");
    }

    [Fact]
    public async Task RotateSigningKey_OldCertificateStillVerifies_NewOneUsesTheNewKey()
    {
        var before = await ApprovedAsync();
        await _host.SignInAsync("admin");

        var rotated = await Requests.RotateSigningKeyAsync();

        rotated.Ok.Should().BeTrue(rotated.Message);
        var after = await ApprovedAsync();
        var published = await PublishedAsync();
        CertificatePayload.Read(before.Certificate!.SignedPayload, published).Outcome.Should().Be(PayloadOutcome.Genuine);
        var check = CertificatePayload.Read(after.Certificate!.SignedPayload, published);
        check.Outcome.Should().Be(PayloadOutcome.Genuine);
        check.KeyId.Should().Be(rotated.Value!.KeyId);
        (await Requests.SigningKeysAsync()).Where(k => k.RetiredAt is null).Should().ContainSingle();
    }

    [Fact]
    public async Task RotateSigningKey_BySecretary_NotFound()
    {
        await _host.AsSecretaryAsync();
        (await Requests.RotateSigningKeyAsync()).Kind.Should().Be(ResultKind.NotFound);
    }

    [Fact]
    public async Task Revoke_ByPunongBarangayWithReason_StatusSaysRevokedAuditedAndNoLongerPrints()
    {
        var r = await ApprovedAsync();
        (await Requests.StatusAsync(r.Certificate!.ControlNumber)).Should().Be(new CertificateStatus(true, false, null));

        var noReason = await Requests.RevokeAsync(r.Id, r.Version, "  ");
        var revoked = await Requests.RevokeAsync(r.Id, r.Version, "Issued to the wrong person");

        noReason.Kind.Should().Be(ResultKind.Invalid);
        revoked.Ok.Should().BeTrue(revoked.Message);
        revoked.Value!.Revocation!.Reason.Should().Be("Issued to the wrong person");
        revoked.Value.HasCertificate.Should().BeFalse();
        var status = await Requests.StatusAsync(r.Certificate.ControlNumber);
        status.Revoked.Should().BeTrue();
        status.RevokedOn.Should().Be(TimeZones.ManilaToday(_host.Services.Get<TimeProvider>()));
        (await Requests.PrintAsync(r.Id)).Should().BeNull("a revoked certificate is not printed again");
        await using var db = await _host.Services.DbAsync();
        var audit = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == r.Id.ToString() && a.ActionType == DocumentRequestService.RevokeAction).ToListAsync();
        audit.Should().ContainSingle().Which.Details.Should().Contain("Issued to the wrong person");
    }

    [Fact]
    public async Task Revoke_ByTreasurerOrResident_Refused()
    {
        var r = await ApprovedAsync();

        await _host.AsTreasurerAsync();
        (await Requests.RevokeAsync(r.Id, r.Version, "No")).Message.Should().Be("You may not revoke certificates.");
        // Juan may read his own request, so he is told he may not, rather than "not found".
        await _host.AsJuanAsync();
        (await Requests.RevokeAsync(r.Id, r.Version, "No")).Message.Should().Be("You may not revoke certificates.");
        (await Requests.StatusAsync(r.Certificate!.ControlNumber)).Revoked.Should().BeFalse();
    }

    [Fact]
    public async Task Status_UnknownOrMadeUpControlNumber_NotKnown()
    {
        (await Requests.StatusAsync("SAN-ISIDRO-REQ-2099-999999")).Known.Should().BeFalse();
        (await Requests.StatusAsync("nothing")).Known.Should().BeFalse();
        (await Requests.StatusAsync(null)).Known.Should().BeFalse();
    }

    /// <summary>The text of a PDF as poppler's pdftotext reads it (what a reader of the page sees).</summary>
    internal static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), "cert-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", ["-layout", path, "-"]) { RedirectStandardOutput = true })!;
            var text = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Approve_BySecretary_CertificateSaysForThePunongBarangayWithHerNameAndPosition()
    {
        var r = await ApprovedAsync(bySecretary: true);

        var signer = r.Certificate!.Signatory!;
        signer.ForPunongBarangay.Should().BeTrue();
        signer.Position.Should().Be(OfficialPositions.Secretary);
        var png = Barangay.Tests.Data.Officials.SamplePhoto.Png(160);
        var pdf = CertificatePdf.Render(r.Certificate, "https://hall.example/verify/x", png, null, "https://hall.example/verify#" + r.Certificate.SignedPayload, png, png);
        Directory.CreateDirectory(Screenshots.Directory);
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "certificate-for-the-punong-barangay.pdf"), pdf);
        var text = await PdfTextAsync(pdf);
        text.Should().Contain("For the Punong Barangay:");
        text.Should().Contain(signer.Name.ToUpperInvariant());
        text.Should().Contain("Secretary");
        text.Should().NotContain(r.Certificate.PunongBarangay.ToUpperInvariant(), "the Punong Barangay did not sign this one");
        text.Should().Contain("Republic of the Philippines").And.Contain("Province of").And.Contain("OFFICE OF THE PUNONG BARANGAY");
    }

    [Fact]
    public async Task Approve_ByPunongBarangay_SignsAsPunongBarangay()
    {
        var r = await ApprovedAsync();

        var signer = r.Certificate!.Signatory!;
        signer.ForPunongBarangay.Should().BeFalse();
        signer.Position.Should().Be(OfficialPositions.PunongBarangay);
        var text = await PdfTextAsync(CertificatePdf.Render(r.Certificate, "https://hall.example/verify/x"));
        text.Should().NotContain("For the Punong Barangay");
        text.Should().Contain(signer.Name.ToUpperInvariant());
    }

    [Fact]
    public async Task Approve_CivilStatusNotRecorded_PrintsBlankNeverFilipino()
    {
        await using (var db = await _host.Services.DbAsync())
            await db.Database.ExecuteSqlRawAsync("UPDATE residents SET marital_status = NULL WHERE user_id = (SELECT id FROM users WHERE username = 'juan')");

        var r = await ApprovedAsync();

        r.Certificate!.Body.Should().NotContain("Filipino").And.NotContain(", ,").And.Contain("years old, ");
    }

    private async Task<ServiceResult<Guid>> UploadSignatureAsync(byte[] png)
    {
        using var content = new MemoryStream(png);
        var upload = await _host.Files.UploadAsync(new FileUploadRequest("signature.png", FileKinds.Images, FileSensitivity.Signature, CertificateImages.SignatureTargetType), content);
        upload.Refusal.Should().BeNull();
        return await _host.Services.Get<CertificateImages>().SetSignatureAsync(upload.File!.Id);
    }

    [Fact]
    public async Task Signature_PlacedOnlyOnWhatItsOfficialApproved_OversizeRefusedWithTheReason()
    {
        await _host.AsKapitanAsync();
        var oversize = Barangay.Tests.Data.Officials.SamplePhoto.Png().Concat(new byte[CertificateImages.MaxSignatureBytes]).ToArray();
        var refused = await UploadSignatureAsync(oversize);
        refused.Kind.Should().Be(ResultKind.Invalid);
        refused.Message.Should().Contain("at most 512 KB");
        (await UploadSignatureAsync(Barangay.Tests.Data.Officials.SamplePhoto.Png(80))).Ok.Should().BeTrue();

        var byKapitan = await ApprovedAsync();
        var bySecretary = await ApprovedAsync(bySecretary: true);

        var images = _host.Services.Get<CertificateImages>();
        (await images.LoadAsync(byKapitan.Certificate!)).Signature.Should().NotBeNull("the Punong Barangay approved this one");
        (await images.LoadAsync(bySecretary.Certificate!)).Signature.Should().BeNull("the secretary approved this one and has no signature; the Punong Barangay's is never placed on it");
    }

    [Fact]
    public async Task Receive_WhereTheHallSealsAtTheWindow_ResidentSeesItButOnlyAnOfficialReleases()
    {
        await using (var db = await _host.Services.DbAsync())
            await db.Database.ExecuteSqlRawAsync("INSERT INTO app_settings (key, value) VALUES ('documents.hall_seals_at_window', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'");
        try
        {
            var r = await ApprovedAsync();
            await _host.AsJuanAsync();

            var received = await Requests.ReceiveAsync(r.Id, r.Version);

            received.Ok.Should().BeTrue(received.Message);
            (await Requests.GetAsync(r.Id))!.Status.Should().Be(DocumentRequestStatuses.Approved, "downloading is not releasing where the hall seals at the window");
            (await Requests.PrintAsync(r.Id)).Should().NotBeNull("the resident still sees the certificate");
            await _host.AsKapitanAsync();
            (await Requests.ReleaseAsync(r.Id, r.Version)).Value!.Status.Should().Be(DocumentRequestStatuses.Released);
        }
        finally
        {
            await using var db = await _host.Services.DbAsync();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM app_settings WHERE key = 'documents.hall_seals_at_window'");
        }
    }
}
