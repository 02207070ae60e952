namespace Barangay.Data.Settings;

/// <summary>What the app shell and document headers show about the barangay.</summary>
public sealed record BarangayProfile(string Name, string Municipality, string Province, string Region, string? SealFileId, string HallAddress, string OfficeHours)
{
    public static readonly BarangayProfile Default = new("Barangay", "", "", "", null, "", "");

    public string Locality => string.Join(", ", new[] { Municipality, Province }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
