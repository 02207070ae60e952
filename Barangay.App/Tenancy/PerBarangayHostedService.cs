using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;

namespace Barangay.App.Tenancy;

/// <summary>
/// A background service that reads one database (the live-update pollers) runs once per active barangay, each copy
/// started inside its barangay's flow, so its timer loop, its queries and its signals all carry that barangay.
/// </summary>
public sealed class PerBarangayHostedService(Type service, IServiceProvider services, IBarangayDirectory directory) : IHostedService
{
    private readonly List<IHostedService> _running = [];
    private readonly HashSet<Guid> _started = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task StartAsync(CancellationToken cancellationToken) => await StartNewAsync(await directory.ListAsync(cancellationToken), cancellationToken);

    /// <summary>Starts a copy for each active barangay of <paramref name="barangays"/> that has none yet (a barangay added at run time).</summary>
    public async Task StartNewAsync(IReadOnlyList<BarangayListing> barangays, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var barangay in barangays)
            {
                if (!barangay.IsActive || _started.Contains(barangay.Id)) continue;
                var copy = (IHostedService)ActivatorUtilities.CreateInstance(services, service);
                // The loop BackgroundService starts captures this flow, and with it the barangay.
                using (BarangayAmbient.Use(barangay)) await copy.StartAsync(cancellationToken);
                _running.Add(copy);
                _started.Add(barangay.Id);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(_running.Select(s => s.StopAsync(cancellationToken)));

    /// <summary>Replaces the registrations of <paramref name="types"/> among the hosted services by per-barangay copies.</summary>
    public static void Apply(IServiceCollection services, params Type[] types)
    {
        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        foreach (var d in hosted)
        {
            Func<IServiceProvider, object> inner = d.ImplementationInstance is { } instance ? _ => instance
                : d.ImplementationFactory is { } factory ? factory
                : sp => ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);
            var index = services.IndexOf(d);
            services[index] = ServiceDescriptor.Singleton<IHostedService>(sp =>
            {
                var original = (IHostedService)inner(sp);
                return types.Contains(original.GetType())
                    ? new PerBarangayHostedService(original.GetType(), sp, sp.GetRequiredService<IBarangayDirectory>())
                    : original;
            });
        }
    }
}
