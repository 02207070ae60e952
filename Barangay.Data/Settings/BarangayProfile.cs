namespace Barangay.Data.Settings;

/// <summary>What the app shell and document headers show about the barangay.</summary>
public sealed record BarangayProfile(string Name, string Municipality, string Province, string Region, string? SealFileId, string HallAddress, string OfficeHours)
{
    public static readonly BarangayProfile Default = new("Barangay", "", "", "", null, "", "");

    /// <summary>The language of the hall's printed reports (<see cref="Reports.PrintLanguage"/>): "en-PH" unless the barangay chose "fil-PH".</summary>
    public string ReportLanguage { get; init; } = Localization.AppLanguages.English;

    public string Locality => string.Join(", ", new[] { Municipality, Province }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
