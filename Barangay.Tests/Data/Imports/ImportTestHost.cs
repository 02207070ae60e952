using System.Text;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Imports;
using Barangay.Jobs.Imports;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barangay.Tests.Data.Imports;

/// <summary>The import service over a test database, with a dispatcher that remembers the commits so a test runs the job itself.</summary>
public sealed class ImportTestHost : IAsyncDisposable
{
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "imports-" + Guid.NewGuid().ToString("N"));

    public ImportTestHost(string connectionString)
    {
        Services = new TestServices(connectionString, s =>
        {
            s.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot });
            s.AddSingleton<IImportDispatcher>(Dispatched);
            s.AddScoped<ImportService>();
        });
    }

    public TestServices Services { get; }

    public RecordingDispatcher Dispatched { get; } = new();

    public ImportService Imports => Services.Get<ImportService>();

    public ImportJob Job() => new(Services.Get<IDbContextFactory<BarangayDbContext>>(), Services.Get<GeneratedFiles>(), TestClock.Running(), NullLogger<ImportJob>.Instance);

    public async Task<Guid> UploadAsync(string csv, string fileName = "residents.csv", string target = ImportTargets.Residents)
    {
        var result = await Imports.UploadAsync(target, fileName, new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        result.Ok.Should().BeTrue(result.Message);
        return result.Value;
    }

    /// <summary>Commits and runs the job to its end.</summary>
    public async Task<ImportView> CommitAndRunAsync(Guid id)
    {
        var commit = await Imports.CommitAsync(id);
        commit.Ok.Should().BeTrue(commit.Message);
        Dispatched.Ids.Should().Contain(id);
        await Job().RunAsync(id, CancellationToken.None);
        return (await Imports.GetAsync(id))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try { Directory.Delete(_dataRoot, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    public sealed class RecordingDispatcher : IImportDispatcher
    {
        public List<Guid> Ids { get; } = [];

        public Task DispatchAsync(Guid importId, CancellationToken ct = default)
        {
            lock (Ids) Ids.Add(importId);
            return Task.CompletedTask;
        }
    }
}
