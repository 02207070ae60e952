using Barangay.Data.Municipality;

namespace Barangay.Data.Tenancy;

/// <summary>
/// Several barangays listed in configuration (<c>Barangays:0:Slug</c>, <c>Name</c>, <c>Host</c>, <c>ConnectionString</c>,
/// <c>Status</c>, <c>Id</c>, <c>Psgc</c>, <c>PublicUrl</c>): several barangays without the municipality catalogue, for tests and small
/// deployments. The catalogue-backed directory replaces it when the municipality database is configured.
/// </summary>
public sealed class ConfiguredBarangayDirectory(IReadOnlyList<BarangayListing> listings) : IBarangayDirectory
{
    private readonly Dictionary<string, BarangayListing> _bySlug = listings.ToDictionary(b => b.Slug, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, BarangayListing> _byHost = listings.Where(b => b.Host.Length > 0)
        .ToDictionary(b => b.Host, StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlyList<BarangayListing>> ListAsync(CancellationToken ct = default) => Task.FromResult(listings);

    public Task<BarangayListing?> FindBySlugAsync(string slug, CancellationToken ct = default) =>
        Task.FromResult(_bySlug.GetValueOrDefault(slug));

    public Task<BarangayListing?> FindByHostAsync(string host, CancellationToken ct = default) =>
        Task.FromResult(_byHost.GetValueOrDefault(host));
}

/// <summary>One entry of the <c>Barangays</c> configuration section.</summary>
public sealed class ConfiguredBarangay
{
    public Guid? Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Psgc { get; set; } = "";
    public string Host { get; set; } = "";
    public string Status { get; set; } = BarangayStatuses.Active;
    public string ConnectionString { get; set; } = "";
    public string? PublicUrl { get; set; }

    public BarangayListing ToListing() =>
        new(Id ?? SingleBarangayDirectory.IdOf(Slug), Slug, Name.Length > 0 ? Name : Slug, Psgc, Host, Status, ConnectionString,
            string.IsNullOrWhiteSpace(PublicUrl) ? null : PublicUrl.Trim());
}
