using System.Diagnostics;
using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Bench.Tenancy;

/// <summary>
/// What choosing a barangay costs per context: a context opened (its connection opened and closed) through the
/// factory with a barangay current, against the same with none (the single-barangay path), on the same database.
/// Both paths in alternating rounds after a warm-up; the figure is the difference per open, the target ≤ 0.2 ms.
/// </summary>
internal sealed class TenantOpenBench : IBenchmark
{
    private const int Warmup = 2_000;
    private const int PerRound = 2_500;
    private const int Rounds = 8;
    private const double TargetMs = 0.2;

    public string Name => "tenant_open";

    public string Description => $"open a context for a barangay vs the single-barangay path: {PerRound * Rounds} opens per side in {Rounds} alternating rounds";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBarangayData(database.ConnectionString, new DatabaseOptions());
        services.AddSingleBarangay(database.ConnectionString, new TenancyOptions());
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<BarangayDbContext>>();
        var barangay = new BarangayListing(Guid.NewGuid(), "bench", "Bench", "", "", BarangayStatuses.Active, database.ConnectionString);

        async Task<TimeSpan> OpenAsync(BarangayListing? chosen, int count)
        {
            using var scope = BarangayAmbient.Use(chosen);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.CloseConnectionAsync();
            }
            return watch.Elapsed;
        }

        await OpenAsync(null, Warmup);
        await OpenAsync(barangay, Warmup);
        var single = TimeSpan.Zero;
        var tenant = TimeSpan.Zero;
        var outcome = new BenchOutcome();
        for (var round = 0; round < Rounds; round++)
        {
            TimeSpan s, t;
            if (round % 2 == 0) { s = await OpenAsync(null, PerRound); t = await OpenAsync(barangay, PerRound); }
            else { t = await OpenAsync(barangay, PerRound); s = await OpenAsync(null, PerRound); }
            single += s;
            tenant += t;
            outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"  round {round + 1}: single {s.TotalMilliseconds / PerRound:F4} ms/open, barangay {t.TotalMilliseconds / PerRound:F4} ms/open"));
        }
        var n = PerRound * Rounds;
        // Signed: within the noise of a shared machine the barangay path can come out faster.
        var overhead = (tenant - single).TotalMilliseconds / n;
        outcome.Results.Add(new BenchResult("tenant_open_overhead_ms", overhead, "ms", tenant / single, Decimals: 4));
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"  single {single.TotalMilliseconds / n:F4} ms/open, barangay {tenant.TotalMilliseconds / n:F4} ms/open"));
        if (overhead > TargetMs) outcome.Errors.Add($"choosing a barangay costs {overhead:F4} ms per open, above {TargetMs} ms");
        return outcome;
    }
}
