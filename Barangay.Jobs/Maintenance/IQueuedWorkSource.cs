namespace Barangay.Jobs.Maintenance;

/// <summary>
/// A table of work rows (emails; later exports, imports, notification fan-outs) that the sweeper checks for rows
/// left without a job. Register one per table as <c>IQueuedWorkSource</c>; the sweeper runs them all.
/// </summary>
public interface IQueuedWorkSource
{
    /// <summary>For the log.</summary>
    string Name { get; }

    /// <summary>
    /// Enqueues a job for each row that should be in progress but may have no job: due on or before
    /// <paramref name="dueBefore"/> (now minus a grace period, so rows whose job is just being enqueued are
    /// left alone), or held by a claim that expired before <paramref name="now"/>. At most <paramref name="limit"/>
    /// rows; returns how many were enqueued. Enqueueing a row that has a job must be harmless.
    /// </summary>
    Task<int> RequeueDueAsync(DateTime now, DateTime dueBefore, int limit, CancellationToken ct);
}
