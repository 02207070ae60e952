using Barangay.Data.Tenancy;

namespace Barangay.App.Tenancy;

/// <summary>
/// Live-update keys are per barangay: a subscriber, a signal and a poller's question all run in a barangay's flow,
/// so "notifications:{user}" of one barangay is never "notifications:{user}" of another. Unchanged on a single barangay.
/// </summary>
public static class BarangayKeys
{
    private const char Separator = '\u001f';

    public static string Of(string key) => BarangayAmbient.Current is { } b ? b.Slug + Separator + key : key;
}
