using Barangay.Data.Municipality;
using Hangfire;
using Hangfire.Common;

namespace Barangay.Jobs;

/// <summary>
/// With several barangays, each recurring job (the sweeper, the purge, the digest, scheduled announcements…) is
/// registered once per barangay, its id suffixed with the slug, which <see cref="BarangayJobFilter"/> reads back when
/// an occurrence runs. The registrars stay as they are: they call this manager in place of Hangfire's.
/// Barangays are listed when a registrar runs (at start-up); one added later gets its recurring jobs at the next start.
/// </summary>
public sealed class PerBarangayRecurringJobs(IRecurringJobManager inner, IBarangayDirectory directory) : IRecurringJobManager
{
    public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
    {
        foreach (var b in Barangays()) inner.AddOrUpdate(BarangayJobFilter.RecurringIdFor(recurringJobId, b), job, cronExpression, options);
    }

    public void Trigger(string recurringJobId)
    {
        foreach (var b in Barangays()) inner.Trigger(BarangayJobFilter.RecurringIdFor(recurringJobId, b));
    }

    public void RemoveIfExists(string recurringJobId)
    {
        foreach (var b in Barangays()) inner.RemoveIfExists(BarangayJobFilter.RecurringIdFor(recurringJobId, b));
    }

    // Suspended barangays keep their registrations: the filter refuses each occurrence, and resuming needs no restart.
    private IReadOnlyList<BarangayListing> Barangays() => directory.ListAsync().GetAwaiter().GetResult();
}
