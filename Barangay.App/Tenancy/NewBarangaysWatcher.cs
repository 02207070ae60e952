using Barangay.Data.Municipality;
using Barangay.Jobs;
using Hangfire;

namespace Barangay.App.Tenancy;

/// <summary>
/// A barangay added while the app runs (the municipal admin page, <c>create-barangay</c> on another machine) gets its
/// background work without a restart, in the web app and in the separate worker (<c>Barangay.App worker</c>) alike, both
/// registering it in <see cref="TenancySetup.AddBarangayTenancy"/>: every <see cref="Every"/> (the catalogue's own cache
/// age, so as soon as this process can see it) the directory is listed, and a barangay not seen before gets its copies of
/// the pollers (<see cref="PerBarangayHostedService.StartNewAsync"/>; the worker has none) and its recurring jobs
/// (<see cref="PerBarangayRecurringJobs.AddBarangay"/>).
/// </summary>
public sealed class NewBarangaysWatcher(IServiceProvider services, IBarangayDirectory directory, ILogger<NewBarangaysWatcher> log) : BackgroundService
{
    public static readonly TimeSpan Every = CatalogueDirectory.MaxAge;

    private readonly HashSet<Guid> _seen = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Notes the barangays there at start while the host starts, right after the registrars and pollers listed the same
    /// (cached) directory, so none added in between is taken for one they served. (ExecuteAsync runs apart from the
    /// host's start since .NET 10, which would leave that window open.)
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var b in await directory.ListAsync(cancellationToken)) _seen.Add(b.Id);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(ex, "Listing the barangays failed; the first check will give every barangay its work again (idempotent)");
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
        await _gate.WaitAsync(ct);
        try
        {
            return await CheckOnceAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<string>> CheckOnceAsync(CancellationToken ct)
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
