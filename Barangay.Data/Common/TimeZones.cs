namespace Barangay.Data.Common;

/// <summary>Everything is stored in UTC and shown in Philippine time (UTC+8, no daylight saving).</summary>
public static class TimeZones
{
    public static readonly TimeZoneInfo Manila = Find();

    private static TimeZoneInfo Find()
    {
        foreach (var id in new[] { "Asia/Manila", "Singapore Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz)) return tz;
        }
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Manila", TimeSpan.FromHours(8), "Philippine Time", "PHT");
    }

    public static DateTime ToManila(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Manila);

    public static DateOnly ManilaToday(TimeProvider? clock = null) =>
        DateOnly.FromDateTime(ToManila((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime));

    public static DateTime ManilaToUtc(DateTime manilaLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(manilaLocal, DateTimeKind.Unspecified), Manila);
}
