using System.Security.Cryptography;
using System.Text;
using Barangay.Data.Municipality;

namespace Barangay.Data.Tenancy;

/// <summary>Today's deployment: the one barangay of <c>ConnectionStrings:Default</c>, named by <c>Tenancy:Slug</c>/<c>Name</c>.</summary>
public sealed class SingleBarangayDirectory(string connectionString, TenancyOptions options) : IBarangayDirectory
{
    private readonly BarangayListing _only = new(IdOf(options.Slug), options.Slug, options.Name, "", "", BarangayStatuses.Active, connectionString);

    /// <summary>A stable id from the slug, so a cookie's barangay claim survives restarts without a catalogue.</summary>
    public static Guid IdOf(string slug) => new(MD5.HashData(Encoding.UTF8.GetBytes("barangay:" + slug)));

    public Task<IReadOnlyList<BarangayListing>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<BarangayListing>>([_only]);

    public Task<BarangayListing?> FindBySlugAsync(string slug, CancellationToken ct = default) =>
        Task.FromResult(string.Equals(slug, _only.Slug, StringComparison.OrdinalIgnoreCase) ? _only : null);

    /// <summary>Every host name is the one barangay's, as before there were several.</summary>
    public Task<BarangayListing?> FindByHostAsync(string host, CancellationToken ct = default) => Task.FromResult<BarangayListing?>(_only);
}
