using Barangay.Data.Exports;
using Hangfire;

namespace Barangay.Jobs.Exports;

public sealed class HangfireExportDispatcher(IBackgroundJobClient jobs) : IExportDispatcher
{
    public Task DispatchAsync(Guid exportId, CancellationToken ct = default)
    {
        jobs.Enqueue<ExportJob>(j => j.RunAsync(exportId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
