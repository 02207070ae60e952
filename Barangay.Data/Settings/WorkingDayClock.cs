using Barangay.Data.Common;

namespace Barangay.Data.Settings;

/// <summary>
/// Working-day deadlines (RA 11032, the Ease of Doing Business Act): counts Monday to Friday in Manila time,
/// skipping the holidays in settings. Get one with the current holidays from <see cref="HolidayCalendar"/>.
/// </summary>
/// <remarks>
/// A filing is "received" at its own time when it comes in on a working day during office hours. A filing
/// on a weekend or holiday, or after closing time, is received at the next working day's opening; one before
/// opening, at that day's opening. The deadline is N working days after the received day, at the received
/// time of day: Friday 4:00 PM + 3 → Wednesday 4:00 PM; Saturday + 3 → Thursday 8:00 AM (counted from Monday);
/// Monday 6:00 PM + 3 → Friday 8:00 AM (counted from Tuesday's opening). This way a request never loses
/// hours the hall was closed, and a resident filing at night waits no longer than one filing next morning.
/// </remarks>
public sealed class WorkingDayClock
{
    public static readonly TimeOnly DefaultOpening = new(8, 0);
    public static readonly TimeOnly DefaultClosing = new(17, 0);

    private readonly HashSet<DateOnly> _holidays;

    public WorkingDayClock(IEnumerable<DateOnly> holidays, TimeOnly? opening = null, TimeOnly? closing = null)
    {
        _holidays = [.. holidays];
        Opening = opening ?? DefaultOpening;
        Closing = closing ?? DefaultClosing;
        if (Closing <= Opening) throw new ArgumentException("Closing time must be after opening time.", nameof(closing));
    }

    public TimeOnly Opening { get; }
    public TimeOnly Closing { get; }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>When a filing at <paramref name="utc"/> counts as received, in Manila local time.</summary>
    public DateTime ReceivedAt(DateTime utc)
    {
        var local = TimeZones.ToManila(utc);
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (!IsWorkingDay(day) || time >= Closing) return NextWorkingDay(day).ToDateTime(Opening);
        return time < Opening ? day.ToDateTime(Opening) : local;
    }

    /// <summary>The deadline (UTC) <paramref name="workingDays"/> working days after a filing at <paramref name="utcStart"/>.</summary>
    public DateTime AddWorkingDays(DateTime utcStart, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var received = ReceivedAt(utcStart);
        var day = DateOnly.FromDateTime(received);
        for (var i = 0; i < workingDays; i++) day = NextWorkingDay(day);
        return TimeZones.ManilaToUtc(day.ToDateTime(TimeOnly.FromDateTime(received)));
    }

    /// <summary>
    /// Working days from a filing's received day to <paramref name="utcEnd"/>'s Manila date: the working days
    /// after the received day up to and including the end's day (so <c>WorkingDaysBetween(s, AddWorkingDays(s, n)) == n</c>);
    /// 0 when the end is not after the received day.
    /// </summary>
    public int WorkingDaysBetween(DateTime utcStart, DateTime utcEnd)
    {
        var from = DateOnly.FromDateTime(ReceivedAt(utcStart));
        var to = DateOnly.FromDateTime(TimeZones.ToManila(utcEnd));
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) count++;
        }
        return count;
    }

    public DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next)) next = next.AddDays(1);
        return next;
    }
}
