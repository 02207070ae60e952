using Barangay.Data.Municipality;
using Hangfire;
using Hangfire.Common;

namespace Barangay.Jobs;

/// <summary>
/// With several barangays, each recurring job (the sweeper, the purge, the digest, scheduled announcements…) is
/// registered once per barangay, its id suffixed with the slug, which <see cref="BarangayJobFilter"/> reads back when
/// an occurrence runs. The registrars stay as they are: they call this manager in place of Hangfire's.
/// Barangays are listed when a registrar runs (at start-up); the registrations are remembered, so a barangay added
/// while the app runs gets them all from <see cref="AddBarangay"/> (called by the app's NewBarangaysWatcher), no restart.
/// </summary>
public sealed class PerBarangayRecurringJobs(IRecurringJobManager inner, IBarangayDirectory directory) : IRecurringJobManager
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Job Job, string Cron, RecurringJobOptions Options)> _registered = new();

    public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
    {
        _registered[recurringJobId] = (job, cronExpression, options);
        foreach (var b in Barangays()) inner.AddOrUpdate(BarangayJobFilter.RecurringIdFor(recurringJobId, b), job, cronExpression, options);
    }

    /// <summary>Every recurring job registered in this process, for <paramref name="barangay"/> too (idempotent).</summary>
    public void AddBarangay(BarangayListing barangay)
    {
        foreach (var (id, r) in _registered) inner.AddOrUpdate(BarangayJobFilter.RecurringIdFor(id, barangay), r.Job, r.Cron, r.Options);
    }

    public void Trigger(string recurringJobId)
    {
        foreach (var b in Barangays()) inner.Trigger(BarangayJobFilter.RecurringIdFor(recurringJobId, b));
    }

    public void RemoveIfExists(string recurringJobId)
    {
        _registered.TryRemove(recurringJobId, out _);
        foreach (var b in Barangays()) inner.RemoveIfExists(BarangayJobFilter.RecurringIdFor(recurringJobId, b));
    }

    // Suspended barangays keep their registrations: the filter refuses each occurrence, and resuming needs no restart.
    private IReadOnlyList<BarangayListing> Barangays() => directory.ListAsync().GetAwaiter().GetResult();
}
