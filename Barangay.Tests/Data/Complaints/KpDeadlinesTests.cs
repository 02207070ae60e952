using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Settings;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// The KP clock (Local Government Code, secs. 410-419) on dates across weekends and holidays: Dec 8 (Immaculate
/// Conception, a Tuesday in 2026), Dec 24-25 and Dec 30-31 are holidays in this calendar.
/// </summary>
public class KpDeadlinesTests
{
    private static readonly WorkingDayClock Calendar = new([new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25),
        new DateOnly(2026, 12, 30), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)]);

    private static DateTime Manila(string local) => TimeZones.ManilaToUtc(DateTime.Parse(local, CultureInfo.InvariantCulture));

    private static string Local(DateTime utc) => TimeZones.ToManila(utc).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // Sec. 410(b): "within the next working day". A filing on a weekend, holiday or after hours is received at the next
    // opening and the summons falls due at the close of the working day after that.
    [Theory]
    [InlineData("2026-12-02 10:00", "Thu 2026-12-03 17:00")] // Wednesday in office hours → Thursday
    [InlineData("2026-12-04 10:00", "Mon 2026-12-07 17:00")] // Friday → Monday
    [InlineData("2026-12-04 18:00", "Wed 2026-12-09 17:00")] // Friday after hours → received Monday; Tuesday Dec 8 is a holiday → Wednesday
    [InlineData("2026-12-05 11:00", "Wed 2026-12-09 17:00")] // Saturday → received Monday → (Tuesday holiday) Wednesday
    [InlineData("2026-12-12 09:00", "Tue 2026-12-15 17:00")] // Saturday → received Monday → due Tuesday, as the issue says
    [InlineData("2026-12-14 07:30", "Tue 2026-12-15 17:00")] // Monday before opening → received Monday → Tuesday
    [InlineData("2026-12-14 17:30", "Wed 2026-12-16 17:00")] // Monday after closing → received Tuesday → Wednesday
    [InlineData("2026-12-23 16:30", "Mon 2026-12-28 17:00")] // before Christmas Eve and Christmas → Monday
    [InlineData("2026-12-29 16:00", "Mon 2027-01-04 17:00")] // before Dec 30, 31 and Jan 1 → Monday
    public void SummonsDue_NextWorkingDayAfterTheComplaintIsReceived(string filed, string expected) =>
        Local(KpDeadlines.SummonsDue(Calendar, Manila(filed))).Should().Be(expected);

    [Fact]
    public void Mediation_FifteenCalendarDaysFromTheFirstHearing_WeekendsAndHolidaysIncluded()
    {
        // Sec. 410(b): KP counts calendar days; a period ending on Christmas Day still ends then.
        Local(KpDeadlines.MediationDue(Manila("2026-12-10 09:00"))).Should().Be("Fri 2026-12-25 09:00");
    }

    [Fact]
    public void Pangkat_ConvenesWithinThreeDaysOfConstitution_AndItsFifteenDaysRunFromConvening()
    {
        var constituted = Manila("2026-12-04 15:00"); // a Friday
        Local(KpDeadlines.ConveneDue(constituted)).Should().Be("Mon 2026-12-07 15:00");
        var convened = Manila("2026-12-07 09:00");
        // Sec. 410(e): from the day it convenes, not from its constitution (which would give Dec 19 15:00).
        Local(KpDeadlines.ConciliationDue(convened)).Should().Be("Tue 2026-12-22 09:00");
    }

    [Fact]
    public void Arbitration_AgreementRepudiableFiveDays_AwardWithinTenDaysAfter()
    {
        var agreed = Manila("2026-12-19 10:00"); // a Saturday
        Local(KpDeadlines.ArbitrationRepudiationDue(agreed)).Should().Be("Thu 2026-12-24 10:00");
        Local(KpDeadlines.AwardDue(agreed)).Should().Be("Sun 2027-01-03 10:00");
    }

    [Fact]
    public void Settlement_RepudiableTenDays_TransmittedFiveDaysAfterThat_ExecutedWithinSixMonths()
    {
        var settled = Manila("2026-12-21 14:00");
        Local(KpDeadlines.RepudiationDue(settled)).Should().Be("Thu 2026-12-31 14:00");
        // Sec. 419: five days from the lapse of the ten days to repudiate.
        Local(KpDeadlines.TransmittalDue(KpOutcomes.Settlement, settled)).Should().Be("Tue 2027-01-05 14:00");
        // Sec. 417: six months from the date of the settlement.
        Local(KpDeadlines.ExecutionDue(settled)).Should().Be("Mon 2027-06-21 14:00");
    }

    [Fact]
    public void Award_TransmittedWithinFiveDaysOfItsDate()
    {
        var awarded = Manila("2026-12-26 11:00");
        Local(KpDeadlines.TransmittalDue(KpOutcomes.Award, awarded)).Should().Be("Thu 2026-12-31 11:00");
        Local(KpDeadlines.ExecutionDue(awarded)).Should().Be("Sat 2027-06-26 11:00");
    }
}
