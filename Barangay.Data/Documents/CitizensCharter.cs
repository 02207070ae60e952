using Barangay.Data.Reports;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>One requirement of a service and where a resident gets it.</summary>
public sealed record CharterRequirement(string What, string WhereToGet);

/// <summary>One step of a service: what the client does or the office does, who is responsible, how long it takes.</summary>
public sealed record CharterStep(string Step, string Responsible, string Time);

/// <summary>One service of the Citizen's Charter, generated from its document type.</summary>
public sealed record CharterService(
    string Code, string Name, string Classification, int WorkingDays, string WhoMayAvail, IReadOnlyList<CharterRequirement> Requirements,
    string Fees, IReadOnlyList<CharterStep> Steps, string Responsible);

/// <summary>The Citizen's Charter (RA 11032 §6): the office, its hours and every service it offers.</summary>
public sealed record CitizensCharter(BarangayProfile Profile, string PunongBarangay, string Secretary, string Treasurer, IReadOnlyList<CharterService> Services);

/// <summary>
/// The Citizen's Charter every office must post (RA 11032 §6): for each service, who may avail, the checklist of
/// requirements and where to get them, the fees, the processing time, the person responsible and the steps. Generated
/// from the document types and the officials on every read, so it is always in step with the settings. Public: no
/// caller check (it is posted at the hall's entrance). Worded in a <see cref="PrintLanguage"/>: the reader's language for
/// the /charter page, the barangay's report language for the poster (issue 26); the document types' own names and
/// requirements print as recorded.
/// </summary>
public sealed class CitizensCharterService(IDbContextFactory<BarangayDbContext> factory)
{
    /// <summary>Where the common requirements are obtained; a type's meta may name its own (<c>"requirement_sources": {"…": "…"}</c>).</summary>
    private static readonly (string Contains, string Where)[] Sources =
    [
        ("cedula", "Municipal Treasurer's Office, or the Barangay Treasurer during office hours"),
        ("Community Tax", "Municipal Treasurer's Office, or the Barangay Treasurer during office hours"),
        ("Oath of Undertaking", "The barangay hall (the form is given at the Secretary's desk)"),
        ("DTI", "Department of Trade and Industry (business name) or Securities and Exchange Commission"),
        ("lease", "The owner of the place of business"),
        ("residence", "The barangay hall can confirm it from the Records of Barangay Inhabitants; or a utility bill in your name"),
        ("Valid ID", "Any government-issued ID (PhilSys National ID, driver's license, passport, UMID, postal ID, voter's ID)"),
        ("ID", "Any government-issued ID"),
    ];

    /// <summary>The charter in English.</summary>
    public Task<CitizensCharter> GetAsync(CancellationToken ct = default) => GetAsync(PrintLanguage.English, ct);

    /// <summary>The charter for the A3 poster, in the language the barangay chose for its printed reports.</summary>
    public async Task<CitizensCharter> PosterAsync(CancellationToken ct = default) =>
        await GetAsync(PrintLanguage.Of((await new BarangayProfileService(factory).GetAsync(ct)).ReportLanguage), ct);

    public async Task<CitizensCharter> GetAsync(PrintLanguage language, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var items = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType && !l.Retired)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Label).Select(l => new { l.Code, l.Label, l.Meta }).ToListAsync(ct);
        var officials = await db.Officials.AsNoTracking().Where(o => o.Status == Officials.OfficialStatuses.Active)
            .Select(o => new { o.Position, o.FullName }).ToListAsync(ct);
        string Of(string position, string fallback) => officials.FirstOrDefault(o => o.Position == position)?.FullName is { } n ? $"{n}, {fallback}" : fallback;
        var pb = Of(OfficialPositions.PunongBarangay, "Punong Barangay");
        var secretary = Of(OfficialPositions.Secretary, "Barangay Secretary");
        var treasurer = Of(OfficialPositions.Treasurer, "Barangay Treasurer");
        var profile = await new BarangayProfileService(factory).GetAsync(ct);
        var services = items.Select(i => Build(DocumentType.Parse(i.Code, i.Label, i.Meta), i.Meta, pb, secretary, treasurer, language)).ToList();
        return new CitizensCharter(profile, pb, secretary, treasurer, services);
    }

    internal static CharterService Build(DocumentType t, string? meta, string pb, string secretary, string treasurer, PrintLanguage? language = null)
    {
        var l = language ?? PrintLanguage.English;
        var own = OwnSources(meta);
        // A barangay's own source (type meta) prints as the barangay wrote it; the common ones are worded in the charter's language.
        var requirements = t.Requirements.Select(r => new CharterRequirement(r, own.GetValueOrDefault(r)
            ?? l.Say(Sources.FirstOrDefault(s => r.Contains(s.Contains, StringComparison.OrdinalIgnoreCase)).Where ?? "Bring it with you"))).ToList();
        var who = l.Say("Residents of the barangay listed in the Records of Barangay Inhabitants")
            + (t.MinResidenceMonths > 0 ? l.Say(", living in the barangay for at least {0} months", t.MinResidenceMonths) : "")
            + (t.OncePerPerson ? l.Say("; given once per person") : "")
            + (t.Category == "permit" ? l.Say("; for a business operating in the barangay") : "") + ".";
        var fee = "₱" + t.Fee.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("en-PH"));
        var fees = t.IsFree ? l.Say("None") + (t.WaiverReason is { } w ? $" ({w})" : "") : l.Say("{0}, paid at the Treasurer's window (official receipt issued)", fee);
        var steps = new List<CharterStep>
        {
            new(l.Say("File the request online (My requests) or at the hall, with the requirements; get the acknowledgement receipt"), secretary, l.Say("{0} minutes", 15)),
            new(t.IsFree ? l.Say("Requirements checked complete (the processing time starts once they are complete)")
                : l.Say("Requirements checked complete (the processing time starts once they are complete and the fee is paid)"), secretary, l.Say("1 working day")),
        };
        if (!t.IsFree) steps.Add(new CharterStep(l.Say("Pay the fee of {0}", fee), treasurer, l.Say("{0} minutes", 10)));
        steps.Add(new CharterStep(l.Say("Evaluation and approval; the certificate is signed"), pb, t.WorkingDays > 3 ? l.Say("up to {0} working days", t.WorkingDays - 1) : l.Say("1 working day")));
        steps.Add(new CharterStep(l.Say("Release: download it under My requests or receive it at the hall"), secretary, l.Say("{0} minutes", 10)));
        return new CharterService(t.Code, t.Label, l.Term(DocumentType.ClassLabel(t.ProcessingClass)), t.WorkingDays, who, requirements, fees, steps, pb);
    }

    private static Dictionary<string, string> OwnSources(string? meta)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(meta)) return map;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(meta);
            if (doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("requirement_sources", out var s)
                && s.ValueKind == System.Text.Json.JsonValueKind.Object)
                foreach (var p in s.EnumerateObject())
                    if (p.Value.ValueKind == System.Text.Json.JsonValueKind.String) map[p.Name] = p.Value.GetString()!;
        }
        catch (System.Text.Json.JsonException)
        {
            // A malformed meta falls back to the common sources.
        }
        return map;
    }
}
