using Barangay.Data.Municipality;
using Barangay.Jobs;
using Hangfire;

namespace Barangay.App.Tenancy;

/// <summary>
/// A barangay added while the app runs (the municipal admin page, <c>create-barangay</c> on another machine) gets its
/// background work without a restart: every <see cref="Every"/> (the catalogue's own cache age, so as soon as this
/// process can see it) the directory is listed, and a barangay not seen before gets its copies of the pollers
/// (<see cref="PerBarangayHostedService.StartNewAsync"/>) and its recurring jobs (<see cref="PerBarangayRecurringJobs.AddBarangay"/>).
/// </summary>
public sealed class NewBarangaysWatcher(IServiceProvider services, IBarangayDirectory directory, ILogger<NewBarangaysWatcher> log) : BackgroundService
{
    public static readonly TimeSpan Every = CatalogueDirectory.MaxAge;

    private readonly HashSet<Guid> _seen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The ones there at start were given their work by the hosted services and registrars themselves.
            foreach (var b in await directory.ListAsync(stoppingToken)) _seen.Add(b.Id);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning(ex, "Listing the barangays failed; the first check will give every barangay its work again (idempotent)");
        }
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "Looking for barangays added at run time failed; trying again in {Every}", Every);
            }
        }
    }

    /// <summary>Gives each barangay not seen before its pollers and recurring jobs; returns their slugs.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken ct = default)
    {
        var all = await directory.ListAsync(ct);
        var added = all.Where(b => b.IsActive && !_seen.Contains(b.Id)).ToList();
        foreach (var hosted in services.GetServices<IHostedService>().OfType<PerBarangayHostedService>()) await hosted.StartNewAsync(all, ct);
        if (added.Count == 0) return [];
        var recurring = services.GetService<IRecurringJobManager>() as PerBarangayRecurringJobs;
        foreach (var b in added)
        {
            recurring?.AddBarangay(b);
            _seen.Add(b.Id);
            log.LogInformation("Barangay {Slug} added at run time: its pollers and recurring jobs started", b.Slug);
        }
        return added.Select(b => b.Slug).ToList();
    }
}
