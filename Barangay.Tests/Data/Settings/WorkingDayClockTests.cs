using Barangay.Data.Common;
using Barangay.Data.Settings;

namespace Barangay.Tests.Data.Settings;

/// <summary>RA 11032 deadlines on fixed dates of 2026 (Holy Week and Christmas week included), in Manila time.</summary>
public class WorkingDayClockTests
{
    // Maundy Thursday and Good Friday 2026, Christmas Day, Rizal Day, New Year's Day 2027.
    private static readonly WorkingDayClock Clock = new([
        new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 3), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 1),
    ]);

    private static readonly WorkingDayClock NoHolidays = new([]);

    private static DateTime Manila(int month, int day, int hour, int minute = 0, int year = 2026) =>
        TimeZones.ManilaToUtc(new DateTime(year, month, day, hour, minute, 0));

    [Fact]
    public void AddWorkingDays_FridayFourPm_DueWednesdayFourPm()
    {
        var due = NoHolidays.AddWorkingDays(Manila(3, 27, 16), 3);
        due.Should().Be(Manila(4, 1, 16));
        due.Kind.Should().Be(DateTimeKind.Utc);
        due.Should().Be(new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), "4 PM in Manila is 8 AM UTC");
    }

    [Fact]
    public void AddWorkingDays_FiledSaturday_CountsFromMondayOpening()
    {
        NoHolidays.ReceivedAt(Manila(3, 28, 10)).Should().Be(new DateTime(2026, 3, 30, 8, 0, 0));
        NoHolidays.AddWorkingDays(Manila(3, 28, 10), 3).Should().Be(Manila(4, 2, 8));
    }

    [Fact]
    public void AddWorkingDays_AcrossHolyWeek_SkipsHolidaysAndWeekend()
    {
        // Wednesday 10 AM + 2: Maundy Thursday, Good Friday, Saturday and Sunday are skipped.
        Clock.AddWorkingDays(Manila(4, 1, 10), 2).Should().Be(Manila(4, 7, 10));
    }

    [Fact]
    public void AddWorkingDays_AcrossChristmasWeek_SkipsChristmasAndRizalDay()
    {
        Clock.AddWorkingDays(Manila(12, 24, 10), 3).Should().Be(Manila(12, 31, 10));
        Clock.AddWorkingDays(Manila(12, 29, 9), 2).Should().Be(Manila(1, 4, 9, year: 2027));
    }

    [Fact]
    public void AddWorkingDays_FiledAfterOfficeHours_CountsFromNextWorkingDaysOpening()
    {
        // Monday 6:30 PM is received Tuesday 8:00 AM; three working days later is Friday 8:00 AM.
        NoHolidays.AddWorkingDays(Manila(3, 30, 18, 30), 3).Should().Be(Manila(4, 3, 8));
        // Wednesday after hours before Holy Week: received Monday (Thursday and Friday are holidays).
        Clock.ReceivedAt(Manila(4, 1, 17)).Should().Be(new DateTime(2026, 4, 6, 8, 0, 0));
    }

    [Fact]
    public void AddWorkingDays_FiledBeforeOpening_CountsFromThatDaysOpening()
    {
        NoHolidays.AddWorkingDays(Manila(3, 30, 6), 1).Should().Be(Manila(3, 31, 8));
    }

    [Fact]
    public void AddWorkingDays_FiledOnHoliday_CountsFromNextWorkingDay()
    {
        Clock.AddWorkingDays(Manila(12, 25, 9), 1).Should().Be(Manila(12, 29, 8));
    }

    [Fact]
    public void AddWorkingDays_UsesManilaDateNotUtcDate()
    {
        // Friday 23:30 UTC is already Saturday 7:30 AM in Manila: not a working day.
        var fridayUtcSaturdayManila = new DateTime(2026, 3, 27, 23, 30, 0, DateTimeKind.Utc);
        NoHolidays.AddWorkingDays(fridayUtcSaturdayManila, 1).Should().Be(Manila(3, 31, 8));
    }

    [Fact]
    public void AddWorkingDays_Zero_IsTheReceivedTime_AndNegativeThrows()
    {
        NoHolidays.AddWorkingDays(Manila(3, 27, 16), 0).Should().Be(Manila(3, 27, 16));
        var negative = () => NoHolidays.AddWorkingDays(Manila(3, 27, 16), -1);
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(3, 27, 16, 3)]
    [InlineData(3, 28, 10, 5)]
    [InlineData(4, 1, 10, 2)]
    [InlineData(12, 24, 10, 7)]
    [InlineData(12, 25, 9, 1)]
    public void WorkingDaysBetween_FilingAndItsDeadline_IsTheNumberOfDays(int month, int day, int hour, int n)
    {
        var start = Manila(month, day, hour);
        Clock.WorkingDaysBetween(start, Clock.AddWorkingDays(start, n)).Should().Be(n);
    }

    [Fact]
    public void WorkingDaysBetween_FridayToTuesday_IsTwo_AndBackwardsIsZero()
    {
        NoHolidays.WorkingDaysBetween(Manila(3, 27, 16), Manila(3, 31, 10)).Should().Be(2);
        NoHolidays.WorkingDaysBetween(Manila(3, 31, 10), Manila(3, 27, 16)).Should().Be(0);
        Clock.WorkingDaysBetween(Manila(3, 31, 10), Manila(4, 6, 10)).Should().Be(2, "Wednesday and Monday; Holy Thursday and Good Friday are holidays");
    }

    [Fact]
    public void IsWorkingDay_WeekendAndHoliday_AreNot()
    {
        Clock.IsWorkingDay(new DateOnly(2026, 3, 28)).Should().BeFalse();
        Clock.IsWorkingDay(new DateOnly(2026, 3, 29)).Should().BeFalse();
        Clock.IsWorkingDay(new DateOnly(2026, 12, 25)).Should().BeFalse();
        Clock.IsWorkingDay(new DateOnly(2026, 12, 28)).Should().BeTrue();
    }
}
