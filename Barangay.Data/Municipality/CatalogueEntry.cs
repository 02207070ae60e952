namespace Barangay.Data.Municipality;

/// <summary>
/// A row of the municipality's <c>barangays</c> catalogue. Where the database is: <see cref="Server"/> names a server
/// whose connection strings are configuration (<c>Municipality:Servers:{name}:Default|Owner</c>; null = the
/// deployment's own <c>ConnectionStrings:Default|Owner</c>) and <see cref="DatabaseName"/> the database on it, so the
/// catalogue holds no passwords and a barangay moves to another server by changing one column.
/// </summary>
public class CatalogueEntry
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Psgc { get; set; } = "";
    public string Host { get; set; } = "";
    /// <summary>
    /// The address residents type for this barangay (<c>https://sanisidro.santamaria.gov.ph/</c>), which every link it
    /// emails or prints starts with; null = the deployment's PublicBaseUrl + <c>b/{slug}/</c> (docs/municipality.md, "Public addresses").
    /// </summary>
    public string? PublicUrl { get; set; }
    public string Status { get; set; } = BarangayStatuses.Active;
    public string? Server { get; set; }
    public string DatabaseName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SuspendedAt { get; set; }
    /// <summary>The newest audit entry seen in the barangay's database when the admin page last looked.</summary>
    public DateTime? LastActivityAt { get; set; }
    /// <summary>Inhabitants on the register when the admin page last looked.</summary>
    public int? Population { get; set; }
}
