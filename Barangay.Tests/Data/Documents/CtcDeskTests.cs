using Barangay.Data.Common;
using Barangay.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Documents;

/// <summary>The treasurer records the holder's CTC (cedula) at the window; the certificate prints it (issue 22, item 2).</summary>
public class CtcDeskTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private DocumentsTestHost _host = null!;
    private DocumentRequestService Requests => _host.Requests;

    public Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RecordCtc_ByTreasurer_PrintedOnTheCertificateAndAudited()
    {
        await _host.AsJuanAsync();
        var id = (await Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!.Id;
        await _host.AsTreasurerAsync();
        var v = (await Requests.GetAsync(id))!.Version;

        var refused = await Requests.RecordCtcAsync(id, v, new CtcEntry("", TestClock.ManilaToday.AddDays(3), " "));
        refused.Kind.Should().Be(ResultKind.Invalid);
        refused.Errors.Keys.Should().BeEquivalentTo(["CtcNumber", "CtcIssuedOn", "CtcIssuedAt"]);
        refused.Errors["CtcIssuedOn"].Should().Contain("future");

        var recorded = await Requests.RecordCtcAsync(id, v, new CtcEntry(" CCI2026-0099001 ", new DateOnly(2026, 1, 15), "Santa Maria, Bulacan"));
        recorded.Ok.Should().BeTrue(recorded.Message);
        v = (await Requests.WaiveAsync(id, recorded.Value!.Version, "Indigent")).Value!.Version;
        await _host.AsSecretaryAsync();
        v = (await Requests.ReviewAsync(id, v)).Value!.Version;
        await _host.AsKapitanAsync();
        var approved = await Requests.ApproveAsync(id, v);
        approved.Ok.Should().BeTrue(approved.Message);

        approved.Value!.Certificate!.Ctc.Should().Be(new CertificateCtc("CCI2026-0099001", "January 15, 2026", "Santa Maria, Bulacan"));
        var text = await CertificateSigningTests.PdfTextAsync(CertificatePdf.Render(approved.Value.Certificate, "https://hall.example/verify/x"));
        text.Should().Contain("CCI2026-0099001").And.Contain("January 15, 2026").And.Contain("Santa Maria, Bulacan");
        await using var db = await _host.Services.DbAsync();
        (await db.AuditLogs.AsNoTracking().CountAsync(a => a.ActionType == DocumentRequestService.CtcAction && a.TargetId == id.ToString())).Should().Be(1);

        await _host.AsTreasurerAsync();
        (await Requests.RecordCtcAsync(id, approved.Value.Version, new CtcEntry("X", new DateOnly(2026, 1, 1), "Y"))).Message.Should().Contain("before approval");
    }

    [Fact]
    public async Task RecordCtc_Resident_NotAllowed()
    {
        await _host.AsJuanAsync();
        var id = (await Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!.Id;

        var result = await Requests.RecordCtcAsync(id, (await Requests.GetAsync(id))!.Version, new CtcEntry("CCI1", new DateOnly(2026, 1, 1), "Here"));

        result.Ok.Should().BeFalse();
        result.Message.Should().Contain("treasurer or the secretary");
    }
}
