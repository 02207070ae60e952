using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// The deadlines a KP case stores and shows, on fixed dates (the services' <see cref="TimeProvider"/>) across weekends, the
/// holidays of the settings (Tue 8 Dec, Thu 24 and Fri 25 Dec, Wed 30 and Thu 31 Dec 2026, Fri 1 Jan 2027) and after-hours
/// filings: sec. 410(b) summons and mediation, 410(d) convening, 410(e) conciliation and its extension, 413(a)
/// arbitration, 418 repudiation, 419 transmittal, 417 execution. <see cref="KpDeadlinesTests"/> checks the clock alone;
/// this checks that the case book runs on it.
/// </summary>
public class KpCalendarTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ComplaintsTestHost _host = null!;
    private FakeTimeProvider _clock = null!;
    private KpService Kp => _host.Kp;

    public async Task InitializeAsync()
    {
        await AtAsync("2026-12-04 09:00");
        await using var db = await _host.Services.DbAsync();
        var holidays = await db.AppSettings.SingleAsync(s => s.Key == SettingKeys.Holidays);
        var list = SettingJson.ReadHolidays(holidays.Value);
        foreach (var day in new[] { new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 30),
                     new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1) })
            if (!list.Any(h => h.Date == day)) list.Add(new HolidayEntry(day, "Holiday"));
        holidays.Value = SettingJson.Holidays(list);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task AtAsync(string manila)
    {
        if (_host is not null) await _host.DisposeAsync();
        _clock = TestClock.AtManila(manila);
        _host = new ComplaintsTestHost(database.AppConnectionString, _clock);
    }

    private void To(string manila) => _clock.SetUtcNow(new DateTimeOffset(DateTime.Parse(manila, CultureInfo.InvariantCulture), TimeSpan.FromHours(8)));

    private static string Local(DateTime? utc) => utc is { } u ? TimeZones.ToManila(u).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "none";

    private static DateTime Manila(string local) => TimeZones.ManilaToUtc(DateTime.Parse(local, CultureInfo.InvariantCulture));

    private static string Due(KpCaseDetail kp, string step) => Local(kp.Steps.Single(s => s.Key == step).DueAt);

    private async Task<KpCaseDetail> OpenAsync()
    {
        await _host.AsJuanAsync();
        var filed = await _host.Complaints.FileAsync(ComplaintsTestHost.Noise());
        filed.Ok.Should().BeTrue(filed.Message);
        await _host.AsSecretaryAsync();
        var opened = await Kp.OpenAsync(filed.Value!.Id, [new KpRespondent("", await _host.OtherResidentAsync())], new KpIntake());
        opened.Ok.Should().BeTrue(opened.Message);
        return opened.Value!;
    }

    private async Task<KpCaseDetail> StoredAsync(Guid id)
    {
        await using var db = await _host.Services.DbAsync();
        var next = await db.Set<KpCase>().Where(k => k.Id == id).Select(k => k.NextDueAt).SingleAsync();
        await _host.AsSecretaryAsync();
        var kp = (await Kp.GetAsync(id))!;
        Local(next).Should().Be(Local(kp.Steps.FirstOrDefault(s => s.Current)?.DueAt), "the case book sorts by the stored deadline of the current step");
        return kp;
    }

    // Sec. 410(b), "within the next working day": the complaint counts as received at the next opening (weekend, holiday,
    // after hours), and the summons falls due at the close of the working day after that.
    [Theory]
    [InlineData("2026-12-05 11:00", "Wed 2026-12-09 17:00")] // Saturday → received Monday → Tuesday is a holiday → Wednesday
    [InlineData("2026-12-04 18:30", "Wed 2026-12-09 17:00")] // Friday after hours → received Monday → Wednesday
    [InlineData("2026-12-12 09:00", "Tue 2026-12-15 17:00")] // Saturday → received Monday → due Tuesday, as the issue says
    [InlineData("2026-12-14 17:30", "Wed 2026-12-16 17:00")] // Monday after closing → received Tuesday → Wednesday
    [InlineData("2026-12-23 16:59", "Mon 2026-12-28 17:00")] // Wednesday before Christmas Eve and Christmas → Monday
    public async Task Open_SummonsDueByTheNextWorkingDayAfterReceipt_StoredAndOverdueOnceItPasses(string filed, string due)
    {
        await AtAsync(filed);
        var kp = await OpenAsync();

        Due(kp, "summons").Should().Be(due);
        kp.Steps.Single(s => s.Key == "summons").Current.Should().BeTrue();
        (await StoredAsync(kp.Id)).Steps.Single(s => s.Key == "summons").Overdue.Should().BeFalse();
        To(due[4..]);
        (await StoredAsync(kp.Id)).Steps.Single(s => s.Key == "summons").Overdue.Should().BeFalse("due at the close of that day, not before");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var late = await StoredAsync(kp.Id);
        late.Steps.Single(s => s.Key == "summons").Overdue.Should().BeTrue();
        (await Kp.PageAsync(new KpCaseFilter(OpenOnly: true), 0, 100)).Items.Should().Contain(r => r.Id == kp.Id && r.Overdue);
    }

    [Fact]
    public async Task Mediation_Pangkat_Conciliation_Settlement_Transmittal_Execution_CalendarDaysAcrossWeekendsAndHolidays()
    {
        var kp = await OpenAsync(); // Friday 4 December, 9:00
        await _host.AsKapitanAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version, Manila("2026-12-07 10:00"))).Value!;
        To("2026-12-07 10:00"); // Monday: the first meeting before the Punong Barangay
        await _host.AsSecretaryAsync();
        kp = (await Kp.RecordHearingAsync(kp.Id, new KpHearingInput(_clock.GetUtcNow().UtcDateTime, ["Juan Dela Cruz", "Respondent"], "No agreement."), kp.Version)).Value!;
        Due(kp, "mediation").Should().Be("Tue 2026-12-22 10:00", "sec. 410(b): 15 calendar days from the first meeting, the Dec 8 holiday and two weekends included");

        To("2026-12-18 16:00"); // Friday: mediation fails, the Pangkat is constituted the same afternoon
        await _host.AsKapitanAsync();
        kp = (await Kp.FailMediationAsync(kp.Id, kp.Version)).Value!;
        // Sec. 410(d): the Lupon chairman sets the day and hour it convenes, not later than 3 days from its constitution.
        (await RefusedConstitutionAsync(kp, Manila("2026-12-21 16:01"))).Should().Contain("not later than 3 days");
        kp = await ConstituteAsync(kp, Manila("2026-12-21 09:00"));
        Due(kp, "convene").Should().Be("Mon 2026-12-21 16:00", "sec. 410(d): not later than 3 days from its constitution, a weekend between");
        kp.Steps.Should().NotContain(s => s.Key == "conciliation", "its 15 days run from the day it convenes, not from its constitution");

        To("2026-12-21 09:00"); // Monday: the Pangkat convenes
        await _host.SignInAsync("lupon.aguilar", OfficialPositions.LuponMember);
        kp = (await Kp.RecordHearingAsync(kp.Id, new KpHearingInput(_clock.GetUtcNow().UtcDateTime, ["Juan Dela Cruz", "Respondent"], "Pangkat hearing."), kp.Version)).Value!;
        Due(kp, "conciliation").Should().Be("Tue 2027-01-05 09:00", "sec. 410(e): 15 days from convening, across Christmas and New Year");
        kp = (await Kp.ExtendConciliationAsync(kp.Id, kp.Version)).Value!;
        Due(kp, "conciliation").Should().Be("Wed 2027-01-20 09:00", "extended once by 15 days");

        To("2026-12-23 15:00"); // Wednesday: settled before the Pangkat
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, "Respondent repairs the fence by 10 January.", kp.Version)).Value!;
        Due(kp, "repudiation").Should().Be("Sat 2027-01-02 15:00", "sec. 418: 10 days from the settlement; a period ending on a Saturday is not moved");
        Due(kp, "transmittal").Should().Be("Thu 2027-01-07 15:00", "sec. 419: 5 days from the lapse of the 10 days to repudiate");
        (await StoredAsync(kp.Id)).Steps.Single(s => s.Current).Key.Should().Be("transmittal");

        To("2027-01-02 15:01"); // the 10 days have lapsed: final (sec. 416), no repudiation, execution may be moved
        await _host.AsKapitanAsync();
        (await Kp.RepudiateAsync(kp.Id, "Changed my mind.", kp.Version)).Message.Should().Contain("sec. 416");
        To("2027-01-08 09:00"); // the transmittal is late by a day
        (await StoredAsync(kp.Id)).Steps.Single(s => s.Key == "transmittal").Overdue.Should().BeTrue();
        kp = (await Kp.MoveForExecutionAsync(kp.Id, kp.Version)).Value!;
        Due(kp, "execution").Should().Be("Wed 2027-06-23 15:00", "sec. 417: 6 months from the date of the settlement");
        To("2027-06-23 15:01");
        await _host.AsKapitanAsync();
        (await Kp.ExecuteAsync(kp.Id, "Fence repaired.", kp.Version)).Message.Should().Contain("court", "after six months the settlement is enforced in court (sec. 417)");
    }

    [Fact]
    public async Task Arbitration_AgreementRepudiableFiveDays_AwardWithinTenAfter_TransmittedWithinFive()
    {
        await AtAsync("2026-12-18 10:00"); // Friday
        var kp = await OpenAsync();
        await _host.AsKapitanAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version, Manila("2026-12-19 09:00"))).Value!;
        To("2026-12-19 10:00"); // Saturday: the parties agree in writing to arbitration before the Punong Barangay
        kp = (await Kp.AgreeToArbitrationAsync(kp.Id, kp.Version)).Value!;
        Due(kp, "arbitration_repudiation").Should().Be("Thu 2026-12-24 10:00", "sec. 413(a): 5 days, Christmas Eve not moved");
        Due(kp, "award").Should().Be("Sun 2027-01-03 10:00", "sec. 413(a): within 10 days after the 5 days");

        To("2026-12-24 09:59");
        (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Award, "Pay ₱3,000.", kp.Version)).Message.Should().Contain("after the 5 days");
        To("2026-12-26 11:00"); // Saturday
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Award, "Respondent pays ₱3,000 for the gate.", kp.Version)).Value!;
        (await Kp.RepudiateAsync(kp.Id, "Unfair.", kp.Version)).Message.Should().StartWith("An arbitration award cannot be repudiated (sec. 416)");
        Due(kp, "transmittal").Should().Be("Thu 2026-12-31 11:00", "sec. 419: 5 days from the date of the award");
    }

    private async Task<string> RefusedConstitutionAsync(KpCaseDetail kp, DateTime convenes)
    {
        await using var db = await _host.Services.DbAsync();
        var ids = await db.Officials.AsNoTracking().Where(o => o.Position == OfficialPositions.LuponMember).OrderBy(o => o.FullName).Select(o => o.Id).Take(3).ToListAsync();
        var refused = await Kp.ConstitutePangkatAsync(kp.Id, ids, ids[0], ids[1], kp.Version, convenes);
        refused.Ok.Should().BeFalse();
        return refused.Message!;
    }

    private async Task<KpCaseDetail> ConstituteAsync(KpCaseDetail kp, DateTime convenes)
    {
        await using var db = await _host.Services.DbAsync();
        var members = await db.Officials.AsNoTracking().Where(o => o.Position == OfficialPositions.LuponMember).OrderBy(o => o.FullName).Select(o => new { o.Id, o.FullName }).ToListAsync();
        var chair = members.Single(m => m.FullName == "Nestor G. Aguilar").Id;
        var done = await Kp.ConstitutePangkatAsync(kp.Id, members.Take(3).Select(m => m.Id).ToList(), chair, members.First(m => m.Id != chair).Id, kp.Version, convenes);
        done.Ok.Should().BeTrue(done.Message);
        return done.Value!;
    }
}
