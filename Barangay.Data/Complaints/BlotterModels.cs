namespace Barangay.Data.Complaints;

/// <summary>
/// One line of the blotter book: a complaint reported, or a KP case filed, in time order. The complainant, respondent,
/// narrative, action taken and who recorded it are what the printed blotter shows.
/// </summary>
public sealed record BlotterEntry(DateTime At, string Kind, string Number, string Parties, string Matter, string? Purok, string Status)
{
    public string? Complainant { get; init; }
    public string? Respondent { get; init; }
    public string? Narrative { get; init; }
    public string? ActionTaken { get; init; }
    public string? RecordedBy { get; init; }
}

/// <summary>The blotter book for a date range (Manila days, both ends included).</summary>
public sealed record BlotterBook(string BarangayName, string Locality, DateOnly From, DateOnly To, IReadOnlyList<BlotterEntry> Entries, int Withheld)
{
    public string Region { get; init; } = "";
    public string Province { get; init; } = "";
    public string Municipality { get; init; } = "";
    public string? SecretaryName { get; init; }
    /// <summary>The language of the printed record's fixed words (<see cref="Reports.PrintLanguage"/>: the barangay's report language).</summary>
    public string Language { get; init; } = Localization.AppLanguages.English;
}
