namespace Barangay.Data.Email;

/// <summary>The outbox page's filter: a status (queued, sending, sent, failed) or all, and a search on address or subject.</summary>
public sealed record OutboxFilter(string? Status, string? Search = null);

public sealed record OutboxRow(Guid Id, string To, string Subject, string Status, int Attempts, string? LastResult, DateTime CreatedAt, DateTime? LastAttemptAt);

/// <summary>A message as the outbox shows it; <see cref="Secret"/> names the kind of secret its body is withheld for (<see cref="EmailSecrets"/>).</summary>
public sealed record OutboxMessage(
    Guid Id, string To, string Subject, string Body, string Status, int Attempts, string? LastResult,
    DateTime CreatedAt, DateTime? LastAttemptAt, DateTime? NextAttemptAt, string? Secret = null);

/// <summary>What an outbox action did, in words for the admin.</summary>
public sealed record OutboxResult(bool Ok, string Message);
