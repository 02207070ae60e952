using Barangay.App.Live;
using Barangay.Data;
using Barangay.Data.Dashboard;
using Barangay.Data.Replicas;
using Barangay.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Barangay.App.Dashboard;

/// <summary>
/// Makes the official's cards live: while at least one official home is open in this process, reads
/// <see cref="DashboardPulse"/> every <see cref="DashboardPollOptions.Interval"/> and signals
/// <see cref="DashboardKeys.Official"/> when the reading changed. One query per process per tick, however many
/// homes are open; none when nobody is looking. No LISTEN/NOTIFY (CockroachDB has none). The counts are the homes' own,
/// so they are read where the homes read them: a replica, where one is configured (<see cref="StaleReadContextFactory"/>).
/// </summary>
public sealed class DashboardPoller(
    StaleReadContextFactory factory, LiveNotifier live, DashboardPollOptions options, ILogger<DashboardPoller> logger,
    BarangayOutages? outages = null) : BackgroundService
{
    private string? _last;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A database hiccup only delays the cards; the next tick tries again.
                logger.LogWarning(ex, "Polling the dashboard counts failed");
            }
        }
    }

    /// <summary>One tick: skipped at once while this barangay's database is known to be down (<see cref="BarangayOutages"/>).</summary>
    internal Task<bool> TickAsync(CancellationToken ct) => BarangayOutages.RunCycleAsync(outages, PollOnceAsync, ct);

    /// <summary>One poll; true when the homes were signalled.</summary>
    internal async Task<bool> PollOnceAsync(CancellationToken ct)
    {
        if (live.KeysStartingWith(DashboardKeys.Official).Count == 0)
        {
            _last = null;
            return false;
        }
        var reading = await DashboardPulse.ReadAsync(factory, ct);
        // The first reading since someone started watching also signals: a home that loaded its numbers before this
        // reading could otherwise miss a change made in between (this reading would become the baseline).
        var changed = reading != _last;
        _last = reading;
        if (changed) await live.NotifyAsync(DashboardKeys.Official);
        return changed;
    }
}

/// <summary><c>Dashboard:PollSeconds</c> (default 5).</summary>
public sealed class DashboardPollOptions
{
    public double PollSeconds { get; set; } = 5;

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(0.2, PollSeconds));
}

public static class DashboardKeys
{
    /// <summary>The official's home: any card count changed.</summary>
    public const string Official = "dashboard:official";
}
