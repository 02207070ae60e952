using System.Diagnostics;
using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Exports;
using Barangay.Data.Files;
using Barangay.Jobs.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Barangay.Bench.Exports;

/// <summary>
/// Exports of the 100,000-resident register (<see cref="ResidentRegister"/>) through <see cref="ExportJob"/> itself — the
/// query, the writer, the encryption and the file store, as the worker runs it, without Hangfire's queue in between —
/// as CSV and as XLSX, against a raw Npgsql <c>COPY (SELECT the same columns) TO STDOUT (FORMAT CSV)</c>. Peak memory
/// is the largest working set sampled every 20 ms while the export runs.
/// Targets: CSV ≤ 3 s and within 2× of the COPY, XLSX ≤ 10 s, peak ≤ 400 MB.
/// </summary>
internal sealed class ResidentExportBench : IBenchmark
{
    private const double CsvTargetS = 3, XlsxTargetS = 10, MaxRatio = 2, PeakTargetMb = 400;

    public string Name => "export";

    public string Description => $"export of {ResidentRegister.Count:N0} residents by the export job (CSV and XLSX), vs raw Npgsql COPY TO of the same columns";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        outcome.Notes.Add(await ResidentRegister.EnsureAsync(database, ct));
        var dataRoot = Path.Combine(Path.GetTempPath(), "barangay-bench-export-" + Guid.NewGuid().ToString("N")[..8]);
        var services = new ServiceCollection()
            .AddBarangayData(database.ConnectionString, new DatabaseOptions())
            .AddBarangayFiles(new FileStorageOptions { DataRoot = dataRoot })
            .BuildServiceProvider();
        try
        {
            var job = new ExportJob(services.GetRequiredService<IDbContextFactory<BarangayDbContext>>(), services.GetRequiredService<GeneratedFiles>(),
                TimeProvider.System, NullLogger<ExportJob>.Instance);
            var requester = await RequesterAsync(database, ct);

            // Both sides once untimed first, as in a worker that has been running: the timed runs then measure the work, not
            // the first-call costs (JIT, EF's query compilation, Npgsql's type loading) that a long-lived process pays once.
            await RawCopyAsync(database, ct);
            await TimeExportAsync(database, job, requester, ExportFormats.Csv, new BenchOutcome(), ct);
            var raw = await RawCopyAsync(database, ct);
            var (csv, csvPeak) = await TimeExportAsync(database, job, requester, ExportFormats.Csv, outcome, ct);
            var (xlsx, xlsxPeak) = await TimeExportAsync(database, job, requester, ExportFormats.Xlsx, outcome, ct);
            var peak = Math.Max(csvPeak, xlsxPeak);

            outcome.Results.Add(new BenchResult("export_csv_100k_s", csv.TotalSeconds, "s", csv / raw));
            outcome.Results.Add(new BenchResult("export_xlsx_100k_s", xlsx.TotalSeconds, "s"));
            outcome.Results.Add(new BenchResult("export_peak_mb", peak, "MB"));
            outcome.Results.Add(new BenchResult("export_csv_raw_copy_s", raw.TotalSeconds, "s"));
            if (csv.TotalSeconds > CsvTargetS) outcome.Errors.Add(Fmt($"CSV export took {csv.TotalSeconds:F2} s (target at most {CsvTargetS} s)."));
            if (csv / raw > MaxRatio) outcome.Errors.Add(Fmt($"CSV export is {csv / raw:F2} times the raw COPY (target at most {MaxRatio})."));
            if (xlsx.TotalSeconds > XlsxTargetS) outcome.Errors.Add(Fmt($"XLSX export took {xlsx.TotalSeconds:F2} s (target at most {XlsxTargetS} s)."));
            if (peak > PeakTargetMb) outcome.Errors.Add(Fmt($"peak working set {peak:F0} MB (target at most {PeakTargetMb} MB)."));
        }
        finally
        {
            await services.DisposeAsync();
            if (Directory.Exists(dataRoot)) Directory.Delete(dataRoot, recursive: true);
        }
        return outcome;
    }

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An admin's account to own the exports (the bench database has no demo accounts, and the job checks the requester's
    /// permissions when it runs: an official needs an officials row with a position that may export).
    /// </summary>
    private static async Task<Guid> RequesterAsync(BenchDatabase database, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsync("""
            INSERT INTO users (id, username, normalized_username, email, full_name, roles, status, email_confirmed, phone_number_confirmed, lockout_enabled, access_failed_count)
            VALUES (@id, @name, upper(@name), @name || '@bench.example', 'Bench Admin', ARRAY['admin'], 'active', true, false, true, 0)
            """, ct, new NpgsqlParameter<Guid>("id", id), new NpgsqlParameter<string>("name", "bench.export." + id.ToString("N")[..8]));
        return id;
    }

    private static async Task<(TimeSpan Elapsed, double PeakMb)> TimeExportAsync(BenchDatabase database, ExportJob job, Guid requester, string format, BenchOutcome outcome, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await using (var db = await database.Contexts.CreateDbContextAsync(ct))
        {
            db.Exports.Add(new DataExport
            {
                Id = id, ExportId = $"EXP-BENCH-{id.ToString("N")[..6]}", RequestedBy = requester, RequestedAt = DateTime.UtcNow,
                Dataset = ExportDatasets.Residents, Format = format, Status = ExportStatuses.Queued, Filters = "{}",
            });
            await db.SaveChangesAsync(ct);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var sampling = new CancellationTokenSource();
        var peak = 0L;
        var sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        }, CancellationToken.None);
        var start = Stopwatch.GetTimestamp();
        await job.RunAsync(id, ct);
        var elapsed = Stopwatch.GetElapsedTime(start);
        await sampling.CancelAsync();
        await sampler;

        await using var check = await database.Contexts.CreateDbContextAsync(ct);
        var row = await check.Exports.AsNoTracking().SingleAsync(e => e.Id == id, ct);
        if (row.Status != ExportStatuses.Ready || row.RecordsCount < ResidentRegister.Count)
            outcome.Errors.Add($"{format} export ended {row.Status} with {row.RecordsCount} rows ({ExportService.FiltersOf(row.Filters).Failure}).");
        var fileId = PhotoFiles.FileIdOf(row.DownloadUrl);
        var size = await check.Files.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.SizeBytes).FirstOrDefaultAsync(ct) ?? 0;
        outcome.Notes.Add(Fmt($"{format}: {row.RecordsCount:N0} rows, {size / 1024.0 / 1024.0:F1} MB, {elapsed.TotalSeconds:F2} s, peak working set {peak / 1048576.0:F0} MB"));
        return (elapsed, peak / 1048576.0);
    }

    /// <summary>The same columns, the same order, straight out of PostgreSQL as CSV.</summary>
    private static async Task<TimeSpan> RawCopyAsync(BenchDatabase database, CancellationToken ct)
    {
        const string sql = """
            COPY (SELECT r.resident_id, r.last_name, r.first_name, r.middle_name, r.name_extension, r.sex, r.dob,
                         date_part('year', age(r.dob))::int, r.marital_status, r.citizenship, r.purok, r.address, r.contact_number, r.email,
                         r.national_id_masked, r.occupation, r.is_pwd, r.is_solo_parent, r.is_four_ps, r.registration_status, h.household_id
                  FROM residents r LEFT JOIN households h ON h.id = r.household_id
                  WHERE r.deleted_at IS NULL ORDER BY r.last_name, r.first_name, r.id) TO STDOUT (FORMAT CSV, HEADER)
            """;
        await using var conn = await database.Raw.OpenConnectionAsync(ct);
        var start = Stopwatch.GetTimestamp();
        using (var reader = await conn.BeginTextExportAsync(sql, ct))
        {
            var buffer = new char[1 << 16];
            while (await reader.ReadAsync(buffer.AsMemory(), ct) > 0) { }
        }
        return Stopwatch.GetElapsedTime(start);
    }
}
