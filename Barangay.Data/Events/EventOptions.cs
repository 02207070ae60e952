using System.Data;

namespace Barangay.Data.Events;

/// <summary>Configured under <c>Events</c>.</summary>
public sealed class EventOptions
{
    /// <summary>
    /// The isolation of the registration transaction. READ COMMITTED on PostgreSQL (the seat UPDATE re-checks its
    /// condition after a wait); CockroachDB always runs SERIALIZABLE, where the loser of a race is told to retry.
    /// </summary>
    public IsolationLevel RegistrationIsolation { get; set; } = IsolationLevel.ReadCommitted;

    /// <summary>How many times one registration is tried when the database asks for a retry (SQLSTATE 40001/40P01).</summary>
    public int MaxRegistrationAttempts { get; set; } = 60;
}
