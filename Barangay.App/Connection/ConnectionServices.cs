using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;

namespace Barangay.App.Connection;

/// <summary>Circuit limits, the circuit counter and its diagnostics endpoint (issue 29).</summary>
public static class ConnectionServices
{
    public static void AddCircuitLimits(this WebApplicationBuilder builder)
    {
        var limits = new CircuitLimits();
        builder.Configuration.GetSection("Circuits").Bind(limits);
        builder.Services.AddSingleton(limits);
        builder.Services.Configure<CircuitOptions>(o =>
        {
            o.DisconnectedCircuitRetentionPeriod = limits.DisconnectedRetention;
            o.DisconnectedCircuitMaxRetained = limits.DisconnectedMaxRetained;
            o.PersistedCircuitInMemoryRetentionPeriod = limits.PersistedStateRetention;
            o.PersistedCircuitInMemoryMaxRetained = limits.PersistedStateMaxRetained;
            o.JSInteropDefaultCallTimeout = limits.JSInteropTimeout;
            o.MaxBufferedUnacknowledgedRenderBatches = limits.MaxBufferedUnacknowledgedRenderBatches;
        });
        builder.Services.AddSingleton<CircuitCounter>();
        builder.Services.AddSingleton<PagesPerPerson>();
        builder.Services.AddSingleton<PageLimitHubFilter>();
        builder.Services.AddSignalR(o => o.AddFilter<PageLimitHubFilter>());
        builder.Services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        JsInteropMetadata.Use(builder.Services);
        builder.Services.AddTransient<IStartupFilter, NegotiationConnectionFilter>();
    }

    /// <summary>Counts and memory of this process, for the end-to-end tests and the capacity bench; never a user's data.</summary>
    public static void MapCircuitDiagnostics(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<CircuitLimits>().Diagnostics) return;
        // ?collect=true: a full compacting collection first; ?collect=true&aggressive=true then also an aggressive one,
        // which gives the free memory the GC keeps committed back to the system (as it does by itself near a memory
        // limit): the working set is then what the open pages need, not what the GC keeps at hand.
        app.MapGet("/_diag/circuits", (CircuitCounter c, bool? collect, bool? aggressive) =>
        {
            if (collect == true)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                if (aggressive == true) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
            return Results.Json(new
            {
                open = c.Open,
                connected = c.Connected,
                closed = c.Closed,
                managedBytes = GC.GetTotalMemory(false),
                workingSetBytes = Environment.WorkingSet,
            });
        }).AllowAnonymous();
        // Answers once the counts say so (woken by each change, no polling): ?open=0 (every page evicted), or
        // ?connected=0&openAtLeast=1 (the server noticed the drop and keeps the page); 408 if not within ?seconds.
        app.MapGet("/_diag/circuits/wait", async (CircuitCounter c, long? open, long? connected, long? openAtLeast, int? seconds, CancellationToken ct) =>
        {
            var met = await c.WaitUntilAsync(
                x => (open is null || x.Open == open) && (connected is null || x.Connected == connected) && (openAtLeast is null || x.Open >= openAtLeast),
                TimeSpan.FromSeconds(seconds ?? 90), ct);
            return Results.Json(new { open = c.Open, connected = c.Connected, closed = c.Closed }, statusCode: met ? 200 : 408);
        }).AllowAnonymous();
    }
}
