using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace Barangay.Jobs;

/// <summary>
/// Every job carries its barangay: stamped (by slug) on the job when it is created inside a barangay's flow, made the
/// ambient barangay while it runs, and checked on the way in: a barangay that is unknown or suspended now runs nothing,
/// and one whose database is known to be down (<see cref="BarangayOutages"/>) fails at once and is retried later.
/// A recurring job's barangay is the suffix of its id (<see cref="RecurringIdFor"/>), since Hangfire's scheduler creates
/// its occurrences outside any flow. With several barangays a job that carries none fails on its first database access
/// (<see cref="BarangayContextFactory"/> refuses), so nothing runs against a guessed database.
/// </summary>
public sealed class BarangayJobFilter(IBarangayDirectory directory, BarangayOutages outages) : IClientFilter, IServerFilter
{
    public const string Parameter = "Barangay";
    private const string Suffix = "@";
    private const string Previous = "barangay.previous";
    private const string Current = "barangay.current";

    public static string RecurringIdFor(string id, BarangayListing? barangay) => barangay is null ? id : id + Suffix + barangay.Slug;

    public void OnCreating(CreatingContext context)
    {
        if (BarangayAmbient.Current is { } barangay) context.SetJobParameter(Parameter, barangay.Slug);
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var slug = context.GetJobParameter<string>(Parameter, allowStale: true) ?? SlugOfRecurring(context.GetJobParameter<string>("RecurringJobId", allowStale: true));
        BarangayListing? barangay = null;
        if (slug is not null)
        {
            // Hangfire's filters are synchronous; the directory is in memory or a cached catalogue read.
            barangay = directory.FindBySlugAsync(slug).GetAwaiter().GetResult()
                ?? throw new InvalidOperationException($"The job's barangay '{slug}' is not in the directory.");
            if (!barangay.IsActive) throw new BarangaySuspendedException(barangay);
            // A barangay whose database is known to be down: fail at once (Hangfire retries later) instead of waiting out
            // the 45 s retry budget on every job and every recurring occurrence (BarangayOutages probes every 5 s).
            if (outages.StillDownAsync(barangay, CancellationToken.None).GetAwaiter().GetResult()) throw new BarangayDownException(barangay);
        }
        // Always set, even to none: a worker thread runs job after job, and one job's barangay must never linger.
        context.Items[Previous] = BarangayAmbient.Use(barangay);
        if (barangay is not null) context.Items[Current] = barangay;
    }

    public void OnPerformed(PerformedContext context)
    {
        // A job that found its barangay's database unreachable marks the barangay down for the next ones.
        if (context.Items.TryGetValue(Current, out var b) && b is BarangayListing barangay) outages.Observe(context.Exception, barangay);
        if (context.Items.TryGetValue(Previous, out var scope) && scope is BarangayAmbient.Scope s) s.Dispose();
    }

    private static string? SlugOfRecurring(string? recurringId) =>
        recurringId is not null && recurringId.LastIndexOf(Suffix, StringComparison.Ordinal) is var at and > 0 ? recurringId[(at + 1)..] : null;
}

/// <summary>Hangfire's own filters plus <see cref="BarangayJobFilter"/>, owned by this container (not Hangfire's globals).</summary>
public sealed class BarangayJobFilterProvider(BarangayJobFilter filter) : IJobFilterProvider
{
    private readonly JobFilter _filter = new(filter, JobFilterScope.Global, order: -1);

    public IEnumerable<JobFilter> GetFilters(Job job) => [_filter, .. JobFilterProviders.Providers.GetFilters(job)];
}
