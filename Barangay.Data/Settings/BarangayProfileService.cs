using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Settings;

/// <summary>Reads the barangay's name, locality and seal from <c>app_settings</c>. Public information, no caller check.</summary>
public sealed class BarangayProfileService(IDbContextFactory<BarangayDbContext> factory)
{
    public async Task<BarangayProfile> GetAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = new[] { SettingKeys.BarangayName, SettingKeys.Municipality, SettingKeys.Province, SettingKeys.Region, SettingKeys.SealFileId, SettingKeys.HallAddress, SettingKeys.OfficeHours, SettingKeys.ReportLanguage };
        var rows = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        string Get(string k) => rows.TryGetValue(k, out var v) && v is not null ? AsText(v) : "";
        return new BarangayProfile(
            Get(SettingKeys.BarangayName) is { Length: > 0 } n ? n : BarangayProfile.Default.Name,
            Get(SettingKeys.Municipality), Get(SettingKeys.Province), Get(SettingKeys.Region),
            Get(SettingKeys.SealFileId) is { Length: > 0 } s ? s : null,
            Get(SettingKeys.HallAddress), Get(SettingKeys.OfficeHours))
        {
            ReportLanguage = Reports.PrintLanguage.Of(Get(SettingKeys.ReportLanguage)).Code,
        };
    }

    private static string AsText(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString() ?? "" : doc.RootElement.ToString();
    }
}
