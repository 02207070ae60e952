using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Settings;

/// <summary>
/// Hands features a <see cref="WorkingDayClock"/> over the holidays currently in settings. Public information:
/// no caller check. Reads the one settings row each time (cheap), so a saved holiday counts at once.
/// </summary>
public sealed class HolidayCalendar(IDbContextFactory<BarangayDbContext> factory)
{
    public async Task<IReadOnlyList<HolidayEntry>> HolidaysAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var json = await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKeys.Holidays).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return SettingJson.ReadHolidays(json);
    }

    public async Task<WorkingDayClock> ClockAsync(CancellationToken ct = default) =>
        new((await HolidaysAsync(ct)).Select(h => h.Date));
}
