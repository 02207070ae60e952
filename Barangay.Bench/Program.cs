using Barangay.Bench.Benchmarks;
using Barangay.Bench.Infrastructure;

// Barangay.Bench [name ...]: runs the named benchmarks (all of them by default) against the database
// in ConnectionStrings__Default (the app role; email_delivery also uses ConnectionStrings__Jobs for Hangfire). Figures go to stdout as "BENCH name value unit [ratio=x]";
// progress and failed checks go to stderr. Exit code 0 = all ran and every check held, 1 = a check
// failed, 2 = bad usage or configuration. Run it through ./bench.sh, which prepares the database.
IBenchmark[] all =
[
    new HumanIdCounterBench(),
    new NotificationFanOutBench(),
    new EmailDeliveryBench(),
    new ResidentSearchBench(),
    new ResidentRankedSearchBench(),
    new ResidentGridBench(),
    new Barangay.Bench.Exports.ResidentExportBench(),
    new Barangay.Bench.Imports.ResidentImportBench(),
    new Barangay.Bench.Events.EventsBench(),
    new Barangay.Bench.Accounts.AccountsBench(),
    new Barangay.Bench.Accounts.OfficialHomeBench(),
    new Barangay.Bench.Documents.DocumentsBench(),
    new Barangay.Bench.Certificates.CertificatesBench(),
    new Barangay.Bench.Messaging.MessageLiveBench(),
    new Barangay.Bench.Complaints.ComplaintsBench(),
    new Barangay.Bench.Dashboard.DashboardBench(),
    new Barangay.Bench.Circuits.CircuitCapacityBench(),
    new Barangay.Bench.Circuits.FirstVisitBench(),
    new Barangay.Bench.Lighthouse.LighthouseBench(),
    new Barangay.Bench.Tenancy.TenantOpenBench(),
    new Barangay.Bench.Municipality.MunicipalBench(),
    new Barangay.Bench.Failover.FailoverLoadBench(), // scripts/drill.sh only (it waits for a stop file)
    new Barangay.Bench.Failover.ClusterBrowserBench(), // scripts/drill.sh only (it kills an app process)
];

// BENCH_LANGUAGE=fil-PH ./bench.sh accounts dashboard: the same figures with the process in Filipino (issue 26).
if (Environment.GetEnvironmentVariable("BENCH_LANGUAGE") is { Length: > 0 } benchLanguage)
    System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = Barangay.Data.Localization.AppLanguages.Culture(benchLanguage);

if (args is ["--list"])
{
    foreach (var b in all) Console.WriteLine($"{b.Name}: {b.Description}");
    return 0;
}

var unknown = args.Where(a => all.All(b => b.Name != a)).ToList();
if (unknown.Count > 0)
{
    await Console.Error.WriteLineAsync($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", all.Select(b => b.Name))}.");
    return 2;
}
var selected = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name)).ToArray();

var cs = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
if (string.IsNullOrWhiteSpace(cs))
{
    await Console.Error.WriteLineAsync("ConnectionStrings__Default is not set (run ./bench.sh).");
    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

var failed = false;
await using var database = new BenchDatabase(cs);
foreach (var bench in selected)
{
    await Console.Error.WriteLineAsync($"Running {bench.Name}: {bench.Description}");
    var outcome = await bench.RunAsync(database, cts.Token);
    foreach (var note in outcome.Notes) await Console.Error.WriteLineAsync(note);
    foreach (var result in outcome.Results) Console.WriteLine(result);
    foreach (var error in outcome.Errors) await Console.Error.WriteLineAsync($"BENCH CHECK FAILED ({bench.Name}): {error}");
    failed |= outcome.Errors.Count > 0;
}
return failed ? 1 : 0;
