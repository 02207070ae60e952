using Barangay.Data.Imports;
using Hangfire;

namespace Barangay.Jobs.Imports;

public sealed class HangfireImportDispatcher(IBackgroundJobClient jobs) : IImportDispatcher
{
    public Task DispatchAsync(Guid importId, CancellationToken ct = default)
    {
        jobs.Enqueue<ImportJob>(j => j.RunAsync(importId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
