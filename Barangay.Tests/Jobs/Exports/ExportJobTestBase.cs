using System.Text;
using Barangay.Data.Exports;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Jobs.Exports;

/// <summary>
/// A real Hangfire worker and file store beside the services, signed in as the secretary: export tests ask for an
/// export, wait for the job, and download the file through a signed link as the browser would.
/// </summary>
public abstract class ExportJobTestBase(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private JobsTestHost _jobs = null!;
    protected TestServices Services { get; private set; } = null!;
    protected ExportService Exports => Services.Get<ExportService>();

    public async Task InitializeAsync()
    {
        _jobs = await JobsTestHost.StartAsync(database.AppConnectionString, sendGrid: null);
        Services = new TestServices(database.AppConnectionString, s =>
        {
            // The same file store and keys as the worker, as in the app.
            s.AddBarangayFiles(new FileStorageOptions { DataRoot = _jobs.DataRoot });
            s.AddSingleton(_ => _jobs.Get<IExportDispatcher>());
            s.AddScoped<ExportService>();
        });
        await Services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await _jobs.DisposeAsync();
    }

    protected async Task<ExportRow> ExportAndWaitAsync(ExportRequest request)
    {
        var started = await Exports.RequestAsync(request);
        started.Ok.Should().BeTrue(started.Message + string.Join("; ", started.Errors.Values));
        ExportRow? row = null;
        await JobsTestHost.WaitUntilAsync(async () =>
        {
            row = (await Exports.MineAsync()).Single(e => e.Id == started.Value);
            return row.Status is ExportStatuses.Ready or ExportStatuses.Failed;
        }, "the export to finish", seconds: 90);
        return row!;
    }

    protected async Task<byte[]> DownloadAsync(ExportRow row)
    {
        row.DownloadLink.Should().NotContain("?", "an export is the requester's own, downloaded in their session, never through a signed link");
        var id = Guid.Parse(row.DownloadLink!["/files/".Length..]);
        var read = await Services.Get<FileService>().ReadAsync(id);
        read.Status.Should().Be(FileReadStatus.Ok);
        return read.Content!;
    }

    /// <summary>The CSV's lines after the BOM (CRLF-separated; no test value holds a line break).</summary>
    protected static string[] CsvLines(byte[] bytes) => Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
