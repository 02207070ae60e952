namespace Barangay.Jobs.Maintenance;

/// <summary>
/// One thing the recurring purge removes. Sessions and failed logins are built in (<see cref="SessionPurge"/>);
/// expired export files plug in here when exports land: register an <c>IPurgeStep</c> and the purge runs it.
/// </summary>
public interface IPurgeStep
{
    /// <summary>Removes what has expired; returns a line for the log ("3 expired export files").</summary>
    Task<string> RunAsync(CancellationToken ct);
}
