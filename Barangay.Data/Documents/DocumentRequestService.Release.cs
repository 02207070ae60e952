using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

public sealed partial class DocumentRequestService
{
    /// <summary>Whether the hall still dry-seals certificates at the window (<see cref="SettingKeys.HallSealsAtWindow"/>): then only an official releases.</summary>
    public async Task<bool> HallSealsAtWindowAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await HallSealsAtWindowAsync(db, ct);
    }

    internal static async Task<bool> HallSealsAtWindowAsync(BarangayDbContext db, CancellationToken ct) =>
        SettingJson.ReadBool(await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKeys.HallSealsAtWindow).Select(s => s.Value).FirstOrDefaultAsync(ct));
}
