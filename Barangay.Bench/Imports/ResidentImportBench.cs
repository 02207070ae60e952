using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Imports;
using Barangay.Data.Residents;
using Barangay.Jobs.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Barangay.Bench.Imports;

/// <summary>
/// An import of 100,000 residents from a CSV into the 100,000-resident register (<see cref="ResidentRegister"/>), through
/// <see cref="ImportJob"/> itself — reading the stored file, parsing, checking every row with the resident form's rules
/// and against the register for duplicates, reserving the IDs, and writing in committed chunks — against a raw Npgsql
/// binary COPY of the same rows (already built, nothing checked) into the same table in the same run. Each batch is
/// removed again afterwards (not timed). Peak memory is the largest working set sampled every 20 ms during the import.
/// Targets: at least half the COPY's rows/s (our time ≤ 2× the COPY's), peak ≤ 300 MB.
/// </summary>
internal sealed class ResidentImportBench : IBenchmark
{
    private const int Count = 100_000;
    private const double MaxRatio = 2, PeakTargetMb = 300;
    private static readonly string[] Givens = ["Amihan", "Bayani", "Dalisay", "Ligaya", "Malaya", "Marikit", "Tala", "Luningning", "Dakila", "Makisig"];
    private static readonly string[] Surnames = ["Abrenica", "Baltazar", "Cabatuan", "Dimaculangan", "Evangelista", "Fajardo", "Galang", "Hilario", "Ilagan", "Jimenez"];

    public string Name => "import";

    public string Description => $"import of {Count:N0} residents from CSV by the import job (validation included), vs raw Npgsql binary COPY of the same rows";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        outcome.Notes.Add(await ResidentRegister.EnsureAsync(database, ct));
        var dataRoot = Path.Combine(Path.GetTempPath(), "barangay-bench-import-" + Guid.NewGuid().ToString("N")[..8]);
        var services = new ServiceCollection()
            .AddBarangayData(database.ConnectionString, new DatabaseOptions())
            .AddBarangayFiles(new FileStorageOptions { DataRoot = dataRoot })
            .BuildServiceProvider();
        try
        {
            var csv = Csv();
            var raw = await RawCopyAsync(database, csv, ct);
            var (ours, peak, id) = await TimeImportAsync(database, services, csv, outcome, ct);
            await RemoveAsync(database, id, ct);

            outcome.Results.Add(new BenchResult("import_100k_s", ours.TotalSeconds, "s", ours / raw));
            outcome.Results.Add(new BenchResult("import_peak_mb", peak, "MB"));
            outcome.Results.Add(new BenchResult("import_raw_copy_s", raw.TotalSeconds, "s"));
            outcome.Notes.Add(Fmt($"import: {Count / ours.TotalSeconds:N0} rows/s, raw COPY {Count / raw.TotalSeconds:N0} rows/s ({raw / ours:P0} of COPY's rate)"));
            if (ours / raw > MaxRatio) outcome.Errors.Add(Fmt($"the import took {ours / raw:F2} times the raw COPY (target at most {MaxRatio})."));
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

    private static string Letters(int n)
    {
        var s = "";
        do { s = (char)('a' + n % 26) + s; n /= 26; } while (n > 0);
        return char.ToUpperInvariant(s[0]) + s[1..];
    }

    /// <summary>A register as a municipality would send it: Filipino headers, a BOM, semicolons, Filipino sex words, purok labels.</summary>
    private static byte[] Csv()
    {
        var sb = new StringBuilder("Apelyido;Pangalan;Gitnang pangalan;Kaarawan;Kasarian;Purok;Tirahan;Katayuang sibil\r\n");
        for (var i = 0; i < Count; i++)
        {
            sb.Append(Surnames[i % Surnames.Length]).Append(';').Append(Givens[i / 7 % Givens.Length]).Append(' ').Append(Letters(i)).Append(";Santos;")
              .Append(1950 + i % 50).Append('-').Append((i % 12 + 1).ToString("D2", CultureInfo.InvariantCulture)).Append('-').Append((i % 28 + 1).ToString("D2", CultureInfo.InvariantCulture))
              .Append(';').Append(i % 2 == 0 ? "Babae" : "Lalaki").Append(";Purok ").Append(i % 7 + 1).Append(";\"Lot ").Append(i % 40 + 1).Append("; Blk ").Append(i / 40 + 1)
              .Append("\";Single\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>The same rows, already turned into residents outside the clock, written by one binary COPY.</summary>
    private static async Task<TimeSpan> RawCopyAsync(BenchDatabase database, byte[] csv, CancellationToken ct)
    {
        var (sheet, _) = ImportFile.Open("bench.csv", csv);
        var mapping = new ImportMapping(Guid.Empty, sheet!.Headers, ImportFields.Guess(ImportTargets.Residents, sheet.Headers));
        var reader = new ResidentImportRows(mapping, new PurokNames(Enumerable.Range(1, ResidentRegister.Puroks).Select(p => ($"purok-{p}", $"Purok {p}"))), DateOnly.FromDateTime(DateTime.UtcNow));
        var rows = new List<Resident>(Count);
        var n = 0;
        foreach (var cells in sheet.Rows) rows.Add(ResidentImportRows.ToResident(reader.Read(n + 2, cells).Edit!, $"RES-RAWCOPY-{++n:D6}"));

        await using var conn = await database.Raw.OpenConnectionAsync(ct);
        var start = Stopwatch.GetTimestamp();
        await ResidentCopy.WriteAsync(conn, rows, ct);
        var elapsed = Stopwatch.GetElapsedTime(start);
        await database.ExecuteAsync("DELETE FROM residents WHERE resident_id LIKE 'RES-RAWCOPY-%'", ct);
        return elapsed;
    }

    private static async Task<(TimeSpan Elapsed, double PeakMb, Guid Id)> TimeImportAsync(BenchDatabase database, ServiceProvider services, byte[] csv, BenchOutcome outcome, CancellationToken ct)
    {
        var requester = Guid.NewGuid();
        await database.ExecuteAsync("""
            INSERT INTO users (id, username, normalized_username, email, full_name, roles, status, email_confirmed, phone_number_confirmed, lockout_enabled, access_failed_count)
            VALUES (@id, @name, upper(@name), @name || '@bench.example', 'Bench Secretary', ARRAY['official'], 'active', true, false, true, 0)
            """, ct, new NpgsqlParameter<Guid>("id", requester), new NpgsqlParameter<string>("name", "bench.import." + requester.ToString("N")[..8]));
        var files = services.GetRequiredService<GeneratedFiles>();
        var id = Guid.NewGuid();
        var stored = await files.StoreAsync("bench.csv", "text/csv", "csv", csv, FileSensitivity.Import, requester, ImportService.TargetType, id.ToString(), ct);
        var (sheet, _) = ImportFile.Open("bench.csv", csv);
        var mapping = new ImportMapping(stored.Id, sheet!.Headers, ImportFields.Guess(ImportTargets.Residents, sheet.Headers));
        await using (var db = await database.Contexts.CreateDbContextAsync(ct))
        {
            db.Imports.Add(new DataImport
            {
                Id = id, ImportId = $"IMP-BENCH-{id.ToString("N")[..6]}", RequestedBy = requester, RequestedAt = DateTime.UtcNow, DatasetTarget = ImportTargets.Residents,
                FileName = "bench.csv", Status = ImportStatuses.Validating, Mapping = JsonSerializer.Serialize(mapping, ImportService.Json), RecordsTotal = Count,
            });
            await db.SaveChangesAsync(ct);
        }
        sheet = null;
        var job = new ImportJob(services.GetRequiredService<IDbContextFactory<BarangayDbContext>>(), files, TimeProvider.System, NullLogger<ImportJob>.Instance);
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
        var row = await check.Imports.AsNoTracking().SingleAsync(i => i.Id == id, ct);
        if (row.Status != ImportStatuses.Completed || row.RecordsImported != Count)
            outcome.Errors.Add($"the import ended {row.Status} with {row.RecordsImported} rows imported and {row.RecordsFailed} rejected ({ImportService.ReportOf(row.Report)?.Failure}).");
        outcome.Notes.Add(Fmt($"import: {row.RecordsImported:N0} imported, {row.RecordsFailed:N0} rejected, {elapsed.TotalSeconds:F2} s, peak working set {peak / 1048576.0:F0} MB"));
        return (elapsed, peak / 1048576.0, id);
    }

    /// <summary>Leaves the register as it was for the next benchmark and the next run.</summary>
    private static async Task RemoveAsync(BenchDatabase database, Guid id, CancellationToken ct)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        var row = await db.Imports.AsNoTracking().SingleAsync(i => i.Id == id, ct);
        if (ImportService.ReportOf(row.Report) is not { Year: > 0 } report) return;
        var codes = ImportService.ImportedCodes(row.DatasetTarget, report, row.RecordsImported ?? 0).ToArray();
        await database.ExecuteAsync("DELETE FROM residents WHERE resident_id = ANY(@codes)", ct, new NpgsqlParameter<string[]>("codes", codes));
    }
}
