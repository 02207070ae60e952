using System.Text.Json;
using System.Text.Json.Nodes;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>A document type's certificate wording, in English and (when written) Filipino, and the fields of its own it may use.</summary>
public sealed record TemplateType(string Code, string Label, string English, string? Filipino, IReadOnlyList<string> OwnFields);

/// <summary>
/// The template editor (issue 22, item 3): the wording of each document type, per language, kept in the type's
/// lookup value (<c>template</c>, <c>template_fil</c>). A wording with a field that is not on the published list
/// (<see cref="CertificateTemplate.MergeFields"/> plus the type's own fields) is refused when saved, naming the field,
/// instead of printing a blank later. The secretary edits it (who approves may word), as may an administrator.
/// </summary>
public sealed class CertificateTemplateService(BarangayDb dbs, TimeProvider clock)
{
    public const int MaxLength = 4000;
    public const string TargetType = "CertificateTemplate";

    public static bool MayEdit(Caller caller) => caller.Can(Permissions.Settings.Manage) || caller.Can(Permissions.Documents.Release);

    public async Task<IReadOnlyList<TemplateType>> TypesAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!MayEdit(caller)) return [];
        var rows = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType && !l.Retired)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Label).Select(l => new { l.Code, l.Label, l.Meta }).ToListAsync(ct);
        return rows.Select(r => ToType(DocumentType.Parse(r.Code, r.Label, r.Meta))).ToList();
    }

    /// <summary>Why <paramref name="text"/> cannot be saved as the wording in <paramref name="language"/>, or null.</summary>
    public static string? Refusal(string? text, string language, IEnumerable<string> ownFields)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
            return language == AppLanguages.Filipino ? null : Texts.Say("Write the certificate's wording: it is the body every certificate of this type prints.");
        if (t.Length > MaxLength) return Texts.Say("The wording is {0:N0} characters; it must be at most {1:N0}.", t.Length, MaxLength);
        var own = ownFields.ToList();
        var unknown = CertificateTemplate.UnknownFields(t, own);
        if (unknown.Count == 0) return null;
        var names = string.Join(", ", unknown.Select(u => "{" + u + "}"));
        return (unknown.Count == 1 ? Texts.Say("The wording uses {0}, which is not a merge field.", names) : Texts.Say("The wording uses {0}, which are not merge fields.", names))
            + " " + Texts.Say("Use {0}.", string.Join(", ", CertificateTemplate.MergeFields.Select(m => "{" + m.Field + "}").Concat(own.Select(o => "{" + o + "}"))));
    }

    /// <summary>
    /// Saves the wording of <paramref name="code"/> in <paramref name="language"/> (a blank Filipino wording removes it:
    /// Filipino readers then get the English one). Audited with the old and the new wording.
    /// </summary>
    public async Task<ServiceResult<TemplateType>> SaveAsync(string code, string language, string? text, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!MayEdit(caller)) return ServiceResult<TemplateType>.NotFound();
        var row = await db.LookupValues.FirstOrDefaultAsync(l => l.Category == LookupCategories.DocumentType && l.Code == code, ct);
        if (row is null) return ServiceResult<TemplateType>.NotFound();
        var type = DocumentType.Parse(row.Code, row.Label, row.Meta);
        if (Refusal(text, language, type.Fields.Select(f => f.Key)) is { } why) return ServiceResult<TemplateType>.Invalid("Wording", why);
        var member = language == AppLanguages.Filipino ? "template_fil" : "template";
        JsonObject meta;
        try
        {
            meta = JsonNode.Parse(string.IsNullOrWhiteSpace(row.Meta) ? "{}" : row.Meta) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            meta = [];
        }
        var old = meta[member]?.GetValue<string>();
        var clean = text!.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (clean.Length == 0) meta.Remove(member);
        else meta[member] = clean;
        row.Meta = meta.ToJsonString();
        db.Record(AuditActions.Update, TargetType, code, new { language = member == "template" ? AppLanguages.English : AppLanguages.Filipino, old, @new = clean.Length == 0 ? null : clean });
        await db.SaveChangesAsync(ct);
        return ServiceResult<TemplateType>.Success(ToType(DocumentType.Parse(row.Code, row.Label, row.Meta)));
    }

    /// <summary>The sample holder a preview shows: every merge field filled, the type's own fields by their labels.</summary>
    public static Dictionary<string, string> SampleValues(TemplateType type, string barangay, string locality, string language)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = "JUAN P. DELA CRUZ",
            ["age"] = "30",
            ["civil_status"] = "single",
            ["address"] = "Blk 5 Lot 7, Purok 1",
            ["barangay"] = barangay,
            ["locality"] = locality,
            ["purpose"] = language == AppLanguages.Filipino ? "paghahanap ng trabaho" : "employment",
        };
        foreach (var f in type.OwnFields) values[f] = "[" + f.Replace('_', ' ') + "]";
        return values;
    }

    /// <summary>The wording as a certificate would print it for the sample holder (unknown fields left visible, to be fixed).</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\{([A-Za-z_][A-Za-z0-9_]*)\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value,
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>This barangay's name and its "municipality, province", as a certificate's <c>{barangay}</c> and <c>{locality}</c> print them.</summary>
    public async Task<(string Barangay, string Locality)> PlaceAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!MayEdit(caller)) return ("Barangay", "");
        return await PlaceAsync(db, ct);
    }

    private static async Task<(string Barangay, string Locality)> PlaceAsync(BarangayDbContext db, CancellationToken ct)
    {
        var keys = new[] { SettingKeys.BarangayName, SettingKeys.Municipality, SettingKeys.Province };
        var settings = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => SettingJson.ReadText(s.Value) ?? "", ct);
        string S(string k) => settings.GetValueOrDefault(k) ?? "";
        var barangay = S(SettingKeys.BarangayName) is { Length: > 0 } b ? b : "Barangay";
        return (barangay, string.Join(", ", new[] { S(SettingKeys.Municipality), S(SettingKeys.Province) }.Where(x => x.Length > 0)));
    }

    /// <summary>A sample certificate of <paramref name="code"/> worded with the draft <paramref name="text"/>, as a PDF, with this barangay's header.</summary>
    public async Task<ServiceResult<byte[]>> PreviewPdfAsync(string code, string language, string? text, string? paper, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!MayEdit(caller)) return ServiceResult<byte[]>.NotFound();
        var row = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType && l.Code == code)
            .Select(l => new { l.Code, l.Label, l.Meta }).FirstOrDefaultAsync(ct);
        if (row is null) return ServiceResult<byte[]>.NotFound();
        var parsed = DocumentType.Parse(row.Code, row.Label, row.Meta);
        var type = ToType(parsed);
        var keys = new[] { SettingKeys.BarangayName, SettingKeys.Municipality, SettingKeys.Province, SettingKeys.PunongBarangay, SettingKeys.DrySealLine };
        var settings = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => SettingJson.ReadText(s.Value) ?? "", ct);
        string S(string k) => settings.GetValueOrDefault(k) ?? "";
        var (barangay, locality) = await PlaceAsync(db, ct);
        var values = SampleValues(type, barangay, locality, language);
        var wording = string.IsNullOrWhiteSpace(text) ? (language == AppLanguages.Filipino ? type.Filipino ?? type.English : type.English) : text.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZones.ToManila(now));
        var c = new CertificateData("SAMPLE-" + type.Code.ToUpperInvariant(), "sample", type.Label, values["name"], values["address"], Fill(wording, values),
            values["purpose"], now, today.AddDays(180), barangay, locality, "", S(SettingKeys.PunongBarangay), null, null, 0, "Sample: not a certificate",
            Province: S(SettingKeys.Province), Municipality: S(SettingKeys.Municipality), DrySealLine: S(SettingKeys.DrySealLine) is { Length: > 0 } d ? d : null,
            Language: language == AppLanguages.Filipino ? AppLanguages.Filipino : AppLanguages.English, PhotoBox: parsed.IdPhoto);
        return ServiceResult<byte[]>.Success(CertificatePdf.Render(c, "SAMPLE — not a certificate", paper: paper));
    }

    private static TemplateType ToType(DocumentType t) =>
        new(t.Code, t.Label, t.Template, string.IsNullOrWhiteSpace(t.TemplateFil) ? null : t.TemplateFil, t.Fields.Select(f => f.Key).ToList());

}
