namespace Barangay.Jobs.Maintenance;

/// <summary>
/// One thing the recurring purge removes besides sessions and failed logins (<see cref="SessionPurge"/>), such as
/// expired export files (<see cref="ExportFilePurge"/>): register an <c>IPurgeStep</c> and the purge runs it.
/// </summary>
public interface IPurgeStep
{
    /// <summary>Removes what has expired; returns a line for the log ("3 expired export files").</summary>
    Task<string> RunAsync(CancellationToken ct);
}
