using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Localization;

/// <summary>
/// A person's chosen language (<c>users.preferred_language</c>) and the barangay's default language
/// (<c>app_settings</c> "language.default"). Every request of a signed-in person asks for the first, so both are
/// cached for a minute per process; a choice made here is seen at once here and within a minute on other replicas.
/// </summary>
public sealed class LanguagePreferences(IDbContextFactory<BarangayDbContext> dbFactory, TimeProvider clock)
{
    public const string DefaultLanguageKey = "language.default";
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string? Code, DateTimeOffset At)> _cache = new();

    /// <summary>The person's language, or null when they never chose one.</summary>
    public async Task<string?> ForUserAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Key(db, "u:" + userId.ToString("N"));
        if (Fresh(key) is { } hit) return hit.Code;
        var code = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PreferredLanguage).FirstOrDefaultAsync(ct);
        code = AppLanguages.Match(code);
        _cache[key] = (code, clock.GetUtcNow());
        return code;
    }

    /// <summary>The language a first visit gets when the browser names none of ours (null: English).</summary>
    public async Task<string?> BarangayDefaultAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Key(db, "default");
        if (Fresh(key) is { } hit) return hit.Code;
        var json = await db.AppSettings.AsNoTracking().Where(s => s.Key == DefaultLanguageKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        string? code = null;
        if (!string.IsNullOrWhiteSpace(json))
        {
            try { code = AppLanguages.Match(JsonSerializer.Deserialize<string>(json)); }
            catch (JsonException) { code = AppLanguages.Match(json); }
        }
        _cache[key] = (code, clock.GetUtcNow());
        return code;
    }

    /// <summary>Keeps <paramref name="code"/> on the account (audited as a change of the user); false for an unknown language or user.</summary>
    public async Task<bool> SaveAsync(BarangayDb dbs, Guid userId, string code, CancellationToken ct = default)
    {
        var lang = AppLanguages.Match(code);
        if (lang is null) return false;
        var (db, _) = await dbs.OpenAsync(ct);
        await using (db)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null) return false;
            if (user.PreferredLanguage != lang)
            {
                user.PreferredLanguage = lang;
                await db.SaveChangesAsync(ct);
            }
            _cache[Key(db, "u:" + userId.ToString("N"))] = (lang, clock.GetUtcNow());
            return true;
        }
    }

    /// <summary>The barangay's database is part of the key: one process may serve several barangays.</summary>
    private static string Key(BarangayDbContext db, string what) => db.Database.GetDbConnection().Database + "/" + what;

    private (string? Code, DateTimeOffset At)? Fresh(string key) =>
        _cache.TryGetValue(key, out var v) && clock.GetUtcNow() - v.At < Keep ? v : null;
}
