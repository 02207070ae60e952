using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Security;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// Issue 21, item 4 (LGC secs. 399, 404, 410-419): the Punong Barangay's steps (summons, mediation, arbitration, the
/// settlement he attests, repudiation sworn before him, the Pangkat's constitution, execution) and the Lupon secretary's
/// (taking up the complaint, certifying, transmitting) are refused, through the service, to a Tanod, a Lupon member
/// outside the Pangkat, a Kagawad and an admin, each with the reason; nothing on the case changes.
/// </summary>
public partial class KpServiceTests
{
    [Theory]
    [InlineData("tanod.galang", OfficialPositions.Tanod)]
    [InlineData("lupon.ramos", OfficialPositions.LuponMember)]
    [InlineData("kgd.reyes", OfficialPositions.Kagawad)]
    [InlineData("admin", null)]
    public async Task Steps_OfThePunongBarangayAndTheLuponSecretary_RefusedToAnyoneElse_CaseUnchanged(string user, string? position)
    {
        // One settled 11 days ago with a motion for execution (to transmit and execute); a complaint to take up; a case to
        // summon; a heard case; one settled today (repudiable); a repudiated one (to certify); one whose mediation failed.
        var old = await SettledAsync();
        _clock.Advance(TimeSpan.FromDays(11));
        await _host.AsSecretaryAsync();
        old = (await Kp.MoveForExecutionAsync(old.Id, old.Version)).Value!;
        await _host.AsJuanAsync();
        var complaint = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        var fresh = await OpenCaseAsync();
        var heard = await HeardAsync();
        var settled = await SettledAsync();
        var repudiated = await SettledAsync();
        await _host.AsKapitanAsync();
        repudiated = (await Kp.RepudiateAsync(repudiated.Id, "Forced to sign.", repudiated.Version)).Value!;
        var failed = await HeardAsync();
        await _host.AsKapitanAsync();
        failed = (await Kp.FailMediationAsync(failed.Id, failed.Version)).Value!;
        var cases = new[] { fresh, heard, settled, repudiated, failed, old };

        await _host.SignInAsync(user, position);
        var now = _clock.GetUtcNow().UtcDateTime;
        var attempts = new (string What, Func<Task<ServiceResult<KpCaseDetail>>> Act)[]
        {
            ("take up the complaint", () => Kp.OpenAsync(complaint.Id, [new KpRespondent("Pedro Cruz")], new KpIntake())),
            ("summon", () => Kp.IssueSummonsAsync(fresh.Id, fresh.Version, now.AddDays(1))),
            ("minute a mediation hearing", () => Kp.RecordHearingAsync(heard.Id, Hearing(), heard.Version)),
            ("declare mediation failed", () => Kp.FailMediationAsync(heard.Id, heard.Version)),
            ("take the agreement to arbitrate", () => Kp.AgreeToArbitrationAsync(heard.Id, heard.Version)),
            ("attest a settlement", () => Kp.RecordOutcomeAsync(heard.Id, KpOutcomes.Settlement, "Pays.", heard.Version)),
            ("receive a repudiation", () => Kp.RepudiateAsync(settled.Id, "Fraud.", settled.Version)),
            ("certify to file action", () => Kp.IssueCertificateAsync(repudiated.Id, repudiated.Version)),
            ("constitute the Pangkat", () => Kp.ConstitutePangkatAsync(failed.Id, [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()], Guid.Empty, Guid.Empty, failed.Version, now.AddDays(1))),
            ("transmit to the court", () => Kp.TransmitAsync(old.Id, "Municipal Trial Court", old.Version)),
            ("execute", () => Kp.ExecuteAsync(old.Id, "Paid.", old.Version)),
        };
        foreach (var (what, act) in attempts)
        {
            var r = await act();
            r.Kind.Should().Be(ResultKind.Invalid, $"{user} may not {what}");
            r.Message.Should().StartWith("Only ", $"the refusal to {what} names who may");
        }

        await _host.AsSecretaryAsync();
        foreach (var before in cases)
        {
            var after = (await Kp.GetAsync(before.Id))!;
            after.Version.Should().Be(before.Version, "nothing was done on the case");
            after.Stage.Should().Be(before.Stage);
        }
        (await _host.Complaints.GetAsync(complaint.Id))!.KpCaseId.Should().BeNull("the complaint was not taken up");
    }

    /// <summary>A case settled before the Punong Barangay today.</summary>
    private async Task<KpCaseDetail> SettledAsync()
    {
        var kp = await HeardAsync();
        await _host.AsKapitanAsync();
        var done = await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, "Respondent pays ₱1,000 by Friday.", kp.Version);
        done.Ok.Should().BeTrue(done.Message);
        return done.Value!;
    }
}
