namespace Barangay.Data.Municipality;

/// <summary>
/// One barangay of the deployment and where its database is. <paramref name="PublicUrl"/> is the address residents
/// type for it (its links are built on it, see <see cref="Common.PublicLinks"/>); null = the deployment's
/// <c>PublicBaseUrl</c> followed by <c>b/{slug}/</c>.
/// </summary>
public sealed record BarangayListing(Guid Id, string Slug, string Name, string Psgc, string Host, string Status, string ConnectionString, string? PublicUrl = null)
{
    public bool IsActive => Status == BarangayStatuses.Active;
}

public static class BarangayStatuses
{
    public const string Active = "active";
    public const string Suspended = "suspended";
}

/// <summary>The barangays this deployment serves: the municipality catalogue, or the configured single barangay.</summary>
public interface IBarangayDirectory
{
    Task<IReadOnlyList<BarangayListing>> ListAsync(CancellationToken ct = default);
    Task<BarangayListing?> FindBySlugAsync(string slug, CancellationToken ct = default);
    Task<BarangayListing?> FindByHostAsync(string host, CancellationToken ct = default);
}
