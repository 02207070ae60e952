namespace Barangay.Data.Tenancy;

/// <summary>The <c>Tenancy</c> configuration section.</summary>
public sealed class TenancyOptions
{
    /// <summary>The single barangay's slug (its <c>/b/{slug}/</c> prefix and file folder) when no directory lists several.</summary>
    public string Slug { get; set; } = "san-isidro";

    /// <summary>The single barangay's display name.</summary>
    public string Name { get; set; } = "San Isidro";

    /// <summary>
    /// The most PostgreSQL connections the app may hold to all barangay databases together. Each barangay's pool
    /// gets <c>Max Pool Size = max(1, TotalConnections / ExpectedBarangays)</c> (docs/municipality.md, "Connections").
    /// </summary>
    public int TotalConnections { get; set; } = 200;

    /// <summary>How many barangays the budget is shared by; 0 = the number the directory lists at start.</summary>
    public int ExpectedBarangays { get; set; }

    /// <summary>Set when a directory of several barangays is registered: then no data access runs without a barangay.</summary>
    public bool RequireBarangay { get; set; }

    public int PoolPerBarangay(int barangays) => Math.Max(1, TotalConnections / Math.Max(1, barangays));
}
