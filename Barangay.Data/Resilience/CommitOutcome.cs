namespace Barangay.Data.Resilience;

/// <summary>What the leader says about a transaction whose COMMIT lost its answer (<see cref="CommitOutcomeProbe"/>).</summary>
public enum CommitOutcome
{
    Committed,
    NotCommitted,
    Unknown,
}
