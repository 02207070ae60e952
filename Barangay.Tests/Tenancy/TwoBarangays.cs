using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Tenancy;

/// <summary>Two barangay databases cloned from the demo template ("a" and "b"), and the <c>Barangays</c> settings that list them.</summary>
public sealed class TwoBarangays : IAsyncLifetime
{
    public DemoDatabase A { get; } = new();
    public DemoDatabase B { get; } = new();

    public BarangayListing ListingA => Listing("a", A);
    public BarangayListing ListingB => Listing("b", B);

    private static BarangayListing Listing(string slug, TestDatabase db) => new ConfiguredBarangay
    {
        Slug = slug, Name = "Barangay " + slug.ToUpperInvariant(), Host = slug + ".test", ConnectionString = db.AppConnectionString,
    }.ToListing();

    /// <summary>The configuration listing both (and, when asked, a suspended third, "c", on A's database).</summary>
    public Dictionary<string, string?> Settings(bool withSuspended = false)
    {
        var s = new Dictionary<string, string?>();
        var i = 0;
        foreach (var (slug, db) in new[] { ("a", A), ("b", B) })
        {
            s[$"Barangays:{i}:Slug"] = slug;
            s[$"Barangays:{i}:Name"] = "Barangay " + slug.ToUpperInvariant();
            s[$"Barangays:{i}:Host"] = slug + ".test";
            s[$"Barangays:{i}:ConnectionString"] = db.AppConnectionString;
            i++;
        }
        if (withSuspended)
        {
            s[$"Barangays:{i}:Slug"] = "c";
            s[$"Barangays:{i}:Name"] = "Barangay C";
            s[$"Barangays:{i}:Status"] = BarangayStatuses.Suspended;
            s[$"Barangays:{i}:ConnectionString"] = A.AppConnectionString;
        }
        return s;
    }

    public async Task InitializeAsync()
    {
        await A.InitializeAsync();
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
