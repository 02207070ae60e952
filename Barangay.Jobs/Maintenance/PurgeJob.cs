using Hangfire;
using Microsoft.Extensions.Logging;

namespace Barangay.Jobs.Maintenance;

/// <summary>The recurring purge: expired and revoked sessions, old failed logins, then every <see cref="IPurgeStep"/>.</summary>
public sealed class PurgeJob(SessionPurge sessions, IEnumerable<IPurgeStep> steps, ILogger<PurgeJob> log)
{
    public const string RecurringId = "purge";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Purge expired sessions, failed logins and other expired data")]
    public async Task RunAsync(CancellationToken ct)
    {
        var (s, f) = await sessions.RunAsync(ct);
        log.LogInformation("Purged {Sessions} session(s) and {FailedLogins} failed login(s)", s, f);
        foreach (var step in steps)
        {
            var line = await step.RunAsync(ct);
            log.LogInformation("Purged {What}", line);
        }
    }
}
