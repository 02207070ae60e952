namespace Barangay.Data.Resilience;

/// <summary>
/// The connection broke while COMMIT was on its way and the database could not say whether it landed: the change may
/// have been saved. Never retried automatically (that could save it twice); the user is asked to check and try again.
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The database connection was lost while saving; the change may or may not have been saved. Please check and try again.", inner);
