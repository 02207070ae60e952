using System.Text.Json;
using Barangay.Data;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Email;

/// <summary>The From address: the <c>email.sender</c> app setting (re-read at most once a minute), else the configured default.</summary>
public sealed class EmailSenderAddress(IDbContextFactory<BarangayDbContext> factory, EmailOptions options, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    // Per barangay: each barangay's database has its own email.sender.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Address, DateTimeOffset ReadAt)> _cached = new();

    public async Task<string> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var barangay = Barangay.Data.Tenancy.BarangayAmbient.Current?.Slug ?? "";
        if (_cached.TryGetValue(barangay, out var c) && now - c.ReadAt < CacheFor) return c.Address;
        await using var db = await factory.CreateDbContextAsync(ct);
        var json = await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKeys.EmailSender).Select(s => s.Value).FirstOrDefaultAsync(ct);
        var address = Parse(json) is { Length: > 0 } a ? a : options.DefaultSender;
        _cached[barangay] = (address, now);
        return address;
    }

    private static string? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString()?.Trim() : null;
        }
        catch (JsonException)
        {
            return json.Trim();
        }
    }
}
