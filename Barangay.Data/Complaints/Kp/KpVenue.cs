using Barangay.Data.Localization;

namespace Barangay.Data.Complaints.Kp;

/// <summary>Where a party actually resides, or where the property, workplace or school lies: a barangay of a city or municipality.</summary>
public sealed record KpPlace(string Barangay, string Municipality)
{
    /// <summary>"Barangay San Isidro", "Brgy. San Isidro" and "san isidro" are the same barangay.</summary>
    internal static string Key(string? name)
    {
        var s = (name ?? "").Trim();
        foreach (var prefix in new[] { "barangay ", "brgy. ", "brgy " })
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) s = s[prefix.Length..].Trim();
        foreach (var prefix in new[] { "city of ", "municipality of " })
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) s = s[prefix.Length..].Trim();
        return string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    public bool SameMunicipality(KpPlace other) => Key(Municipality) == Key(other.Municipality);
    public bool Same(KpPlace other) => SameMunicipality(other) && Key(Barangay) == Key(other.Barangay);
    public override string ToString() => $"{Barangay}, {Municipality}";
}

/// <summary>What the dispute is about, for its venue (sec. 409).</summary>
public static class KpVenueKinds
{
    /// <summary>Venue by where the parties actually reside (sec. 409(a), (b)).</summary>
    public const string Residence = "residence";
    /// <summary>Real property or an interest in it: where it lies (sec. 409(c)).</summary>
    public const string RealProperty = "real_property";
    /// <summary>Arising at the workplace where the parties are employed, or the school where they study: where it is (sec. 409(d)).</summary>
    public const string WorkplaceOrSchool = "workplace";
    public static readonly IReadOnlyList<string> All = [Residence, RealProperty, WorkplaceOrSchool];
}

/// <summary>
/// The venue of a KP dispute and the residence rule of its jurisdiction (Local Government Code, secs. 408(f) and 409):
/// <list type="bullet">
/// <item>408: the Lupon brings together parties actually residing in the same city or municipality; 408(f) excepts parties
/// of barangays of different cities or municipalities unless the barangays adjoin and the parties agree;</item>
/// <item>409(a): persons actually residing in the same barangay, before the Lupon of that barangay;</item>
/// <item>409(b): residents of different barangays of the same city or municipality, in the barangay where the respondent
/// or any of the respondents actually resides, at the election of the complainant;</item>
/// <item>409(c): disputes involving real property or any interest in it, where the property or the larger part of it lies;</item>
/// <item>409(d): disputes arising at the workplace where the parties are employed or at the institution where they
/// study, where the workplace or institution is.</item>
/// </list>
/// </summary>
public static class KpVenueRules
{
    /// <summary>
    /// The reasons this barangay (<paramref name="here"/>) is not the venue, or the parties are outside its Lupon's
    /// authority; empty when the case may be taken up here.
    /// </summary>
    public static IReadOnlyList<string> Refusals(KpPlace here, KpPlace complainant, IReadOnlyList<KpPlace> respondents, string kind, KpPlace? site,
        bool adjoiningAndAgreed)
    {
        var reasons = new List<string>();
        if (respondents.Count == 0) return reasons;
        var elsewhere = respondents.Where(r => !r.SameMunicipality(complainant)).ToList();
        if (elsewhere.Count > 0 && !adjoiningAndAgreed)
        {
            // Outside every Lupon's authority: no venue to name (sec. 409 applies only to disputes sec. 408 admits).
            reasons.Add(Texts.Say("The parties actually reside in different cities or municipalities ({0}; {1}): only where their barangays adjoin and the parties agree may a Lupon take it up (sec. 408(f)).", complainant.Municipality, string.Join("; ", elsewhere.Select(e => e.Municipality).Distinct())));
            return reasons;
        }
        if (kind == KpVenueKinds.RealProperty || kind == KpVenueKinds.WorkplaceOrSchool)
        {
            var property = kind == KpVenueKinds.RealProperty;
            if (site is null || string.IsNullOrWhiteSpace(site.Barangay))
                reasons.Add(property ? Texts.Say("Record the barangay where the real property lies (sec. 409(c)).") : Texts.Say("Record the barangay where the workplace or school is (sec. 409(d))."));
            else if (!site.Same(here))
                reasons.Add(property
                    ? Texts.Say("The dispute must be brought in the barangay where the real property lies (sec. 409(c)): {0}, not {1}.", site, here)
                    : Texts.Say("The dispute must be brought in the barangay where the workplace or school is (sec. 409(d)): {0}, not {1}.", site, here));
            return reasons;
        }
        if (respondents.All(r => r.Same(complainant)))
        {
            if (!complainant.Same(here))
                reasons.Add(Texts.Say("The parties actually reside in the same barangay, {0}: the dispute must be brought before the Lupon of that barangay (sec. 409(a)).", complainant));
        }
        else if (!respondents.Any(r => r.Same(here)))
            reasons.Add(Texts.Say("The parties reside in different barangays: the dispute must be brought in the barangay where the respondent or any of the respondents actually resides, at the complainant's choice ({0}), not {1} (sec. 409(b)).", string.Join("; ", respondents.Select(r => r.ToString()).Distinct()), here));
        return reasons;
    }
}
