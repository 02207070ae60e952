using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Municipality;

/// <summary>
/// Adds a barangay to the municipality: validates the catalogue entry, creates its database on its server, migrates
/// it with <see cref="DatabaseMigrator"/>, seeds the lookups, holidays and profile settings (as the demo seed does,
/// without the demo's people), then records it in the catalogue and audits it. Resumable: a database left by an
/// interrupted run is migrated and seeded, not created again. The command and the municipal admin page both call this.
/// </summary>
public sealed partial class BarangayProvisioner(
    IDbContextFactory<MunicipalityDbContext> municipality, BarangayServers servers, BarangayContexts contexts, CatalogueDirectory directory, TimeProvider clock)
{
    public async Task<ServiceResult<CatalogueEntry>> CreateAsync(NewBarangay input, string actor, Guid? accountId = null, CancellationToken ct = default)
    {
        var name = input.Name?.Trim() ?? "";
        var psgc = input.Psgc?.Trim() ?? "";
        var host = CatalogueDirectory.NormalizeHost(input.Host ?? "");
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? SlugOf(name) : input.Slug.Trim().ToLowerInvariant();
        var errors = new Dictionary<string, string>();
        if (name.Length is 0 or > 120) errors["Name"] = Texts.Say("Give the barangay's name (up to 120 characters).");
        if (Psgc.Problem(psgc) is { } p) errors["Psgc"] = p;
        if (!HostName().IsMatch(host)) errors["Host"] = Texts.Say("Give the host name residents will type (for example sanisidro.santamaria.gov.ph).");
        if (!SlugPattern().IsMatch(slug)) errors["Slug"] = Texts.Say("The short name is lower-case letters, digits and hyphens (for example san-isidro).");
        var publicUrl = string.IsNullOrWhiteSpace(input.PublicUrl) ? null : input.PublicUrl.Trim().TrimEnd('/') + "/";
        if (publicUrl is not null && PublicAddressProblem(publicUrl))
            errors["PublicUrl"] = Texts.Say("Give the address residents type, as an absolute https address without a query (for example https://sanisidro.santamaria.gov.ph/); plain http only on this machine (127.0.0.1).");
        if (!servers.Knows(input.Server)) errors["Server"] = Texts.Say("Database server '{0}' is not configured.", input.Server);
        if (errors.Count > 0) return ServiceResult<CatalogueEntry>.Invalid(errors);

        await using (var db = await municipality.CreateDbContextAsync(ct))
        {
            var taken = await db.Barangays.AsNoTracking().Where(b => b.Slug == slug || b.Host == host || b.Psgc == psgc)
                .Select(b => new { b.Slug, b.Host, b.Psgc, b.Name }).ToListAsync(ct);
            foreach (var t in taken)
            {
                if (t.Psgc == psgc) errors["Psgc"] = $"PSGC {psgc} is already {t.Name}'s.";
                if (t.Host == host) errors["Host"] = $"{host} is already {t.Name}'s address.";
                if (t.Slug == slug) errors["Slug"] = Texts.Say("The short name {0} is already {1}'s.", slug, t.Name);
            }
            if (errors.Count > 0) return ServiceResult<CatalogueEntry>.Invalid(errors);
        }

        var database = servers.DatabaseNameFor(slug);
        await CreateDatabaseAsync(input.Server, database, ct);
        await DatabaseMigrator.MigrateAsync(servers.OwnerConnectionString(input.Server, database), contexts.Options, ct);
        var (municipalityName, province, region) = await ProfileAsync(ct);
        await SeedAsync(servers.AppConnectionString(input.Server, database), name, municipalityName, province, region, ct);

        var entry = new CatalogueEntry
        {
            Id = Guid.NewGuid(), Slug = slug, Name = name, Psgc = psgc, Host = host, Status = BarangayStatuses.Active,
            Server = input.Server, DatabaseName = database, PublicUrl = publicUrl, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using (var db = await municipality.CreateDbContextAsync(ct))
        {
            db.Barangays.Add(entry);
            db.Audit.Add(MunicipalAudit.Entry(clock, actor, accountId, "BarangayAdded", slug, new { name, psgc, host, database, server = input.Server, publicUrl }));
            await db.SaveChangesAsync(ct);
        }
        directory.Invalidate();
        return ServiceResult<CatalogueEntry>.Success(entry);
    }

    /// <summary>
    /// A barangay's public address starts every link its emails, SMS and certificates carry, and residents sign in there:
    /// https, so passwords and reset links never cross the network in clear; plain http only on the loopback address,
    /// where a local run or test has no certificate. No query, fragment or credentials (<see cref="PublicLinks.Problem"/>).
    /// </summary>
    public static bool PublicAddressProblem(string url) =>
        PublicLinks.Problem(url) is not null
        || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
        || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && System.Net.IPAddress.TryParse(uri.Host, out var ip) && System.Net.IPAddress.IsLoopback(ip)));

    /// <summary>The app-role connection string of a catalogued barangay's database.</summary>
    public string ConnectionStringOf(CatalogueEntry entry) => servers.AppConnectionString(entry.Server, entry.DatabaseName);

    /// <summary>"San José del Monte" → "san-jose-del-monte".</summary>
    public static string SlugOf(string name)
    {
        var plain = new StringBuilder();
        foreach (var c in name.Replace("Barangay ", "", StringComparison.OrdinalIgnoreCase).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = Hyphens().Replace(plain.ToString(), "-").Trim('-');
        return slug.Length > 50 ? slug[..50].TrimEnd('-') : slug;
    }

    private async Task CreateDatabaseAsync(string? server, string database, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(servers.Maintenance(server));
        await conn.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn))
        {
            exists.Parameters.AddWithValue("n", database);
            if (await exists.ExecuteScalarAsync(ct) is not null) return; // an interrupted run left it: migrate and seed it
        }
        // The name is built from a validated slug ([a-z0-9-]); quoted all the same.
        await using var create = new NpgsqlCommand($"CREATE DATABASE {new NpgsqlCommandBuilder().QuoteIdentifier(database)}", conn);
        await create.ExecuteNonQueryAsync(ct);
    }

    private async Task<(string Municipality, string Province, string Region)> ProfileAsync(CancellationToken ct)
    {
        await using var db = await municipality.CreateDbContextAsync(ct);
        var s = await db.Settings.AsNoTracking().ToDictionaryAsync(x => x.Key, x => x.Value, ct);
        return (s.GetValueOrDefault(MunicipalSettingKeys.Municipality, ""), s.GetValueOrDefault(MunicipalSettingKeys.Province, ""),
            s.GetValueOrDefault(MunicipalSettingKeys.Region, ""));
    }

    /// <summary>Lookups, holidays and the profile (settings that are missing only, so a resumed run changes nothing).</summary>
    private async Task SeedAsync(string connectionString, string name, string municipalityName, string province, string region, CancellationToken ct)
    {
        await using var db = contexts.Open(connectionString, Audit.AuditActor.System("create-barangay"));
        var settings = new List<AppSetting>
        {
            Setting(SettingKeys.BarangayName, name.StartsWith("Barangay ", StringComparison.OrdinalIgnoreCase) ? name : "Barangay " + name),
            Setting(SettingKeys.Municipality, municipalityName), Setting(SettingKeys.Province, province), Setting(SettingKeys.Region, region),
        };
        string[] shared = [SettingKeys.Holidays, SettingKeys.OfficeHours, SettingKeys.RegistrationReviewDays, SettingKeys.UploadMaxMb, SettingKeys.PrivacyNotice];
        var fullName = name.StartsWith("Barangay ", StringComparison.OrdinalIgnoreCase) ? name : "Barangay " + name;
        settings.AddRange(Seed.DemoLookups.Settings().Where(s => shared.Contains(s.Key))
            .Select(s => s.Key == SettingKeys.PrivacyNotice ? new AppSetting { Key = s.Key, Value = (s.Value ?? "").Replace("Barangay San Isidro", fullName, StringComparison.Ordinal) } : s));
        var keys = await db.AppSettings.Select(s => s.Key).ToListAsync(ct);
        db.AppSettings.AddRange(settings.Where(s => !keys.Contains(s.Key)));
        var existing = (await db.LookupValues.Select(l => new { l.Category, l.Code }).ToListAsync(ct)).Select(l => (l.Category, l.Code)).ToHashSet();
        db.LookupValues.AddRange(Seed.DemoLookups.All().Where(l => !existing.Contains((l.Category, l.Code))));
        await db.SaveChangesAsync(ct);
    }

    private static AppSetting Setting(string key, string text) => new() { Key = key, Value = System.Text.Json.JsonSerializer.Serialize(text) };

    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex HostName();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
