using Barangay.Data.Municipality;

namespace Barangay.Data.Tenancy;

/// <summary>
/// The barangay the current flow of work belongs to: set by the request pipeline, a circuit's inbound activity and
/// the Hangfire job filter, and read by <see cref="BarangayContextFactory"/> (so by every context, raw SQL, COPY and
/// batch, which all take their connection from a context). An AsyncLocal, so it follows awaits and the tasks a flow
/// starts, and never leaks into a flow that did not set it.
/// </summary>
public static class BarangayAmbient
{
    private static readonly AsyncLocal<BarangayListing?> Value = new();
    private static readonly AsyncLocal<bool> Home = new();

    public static BarangayListing? Current => Value.Value;

    /// <summary>True inside <see cref="UseHome"/>: the deployment's own database, on purpose (the shared key ring).</summary>
    public static bool IsHome => Home.Value && Value.Value is null;

    /// <summary>The deployment's own database (<c>ConnectionStrings:Default</c>) for what all barangays share.</summary>
    public static HomeScope UseHome()
    {
        var previous = Value.Value;
        Value.Value = null;
        Home.Value = true;
        return new HomeScope(previous);
    }

    public readonly struct HomeScope(BarangayListing? previous) : IDisposable
    {
        public void Dispose()
        {
            Home.Value = false;
            Value.Value = previous;
        }
    }

    /// <summary>Makes <paramref name="barangay"/> current until the returned scope is disposed (null = the deployment's home database).</summary>
    public static Scope Use(BarangayListing? barangay)
    {
        var previous = Value.Value;
        Value.Value = barangay;
        return new Scope(previous);
    }

    public readonly struct Scope(BarangayListing? previous) : IDisposable
    {
        public void Dispose() => Value.Value = previous;
    }
}
