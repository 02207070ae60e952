namespace Barangay.Data.Audit;

/// <summary>The audit viewer's filter. Dates are Manila calendar dates, both ends included.</summary>
public sealed record AuditFilter(
    string? Actor = null,
    string? ActionType = null,
    string? TargetType = null,
    string? TargetId = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>One audit row as the viewer shows it; <see cref="Timestamp"/> is UTC.</summary>
public sealed record AuditRow(
    Guid Id,
    DateTime Timestamp,
    Guid? ActorUserId,
    string? ActorName,
    string ActionType,
    string? TargetType,
    string? TargetId,
    string? IpAddress,
    string? UserAgent,
    Guid? CorrelationId,
    string? Details);

/// <summary>One changed field of an update: its readable old and new values.</summary>
public sealed record AuditChange(string Field, string Old, string New);

/// <summary>One field of a created or deleted record.</summary>
public sealed record AuditValue(string Field, string Value);

/// <summary>
/// An audit row's details, readable: the changed fields of an update, the values of a create or delete, or
/// the event's JSON pretty-printed. All empty when the event has no details (a sign-in, a sign-out).
/// </summary>
public sealed record AuditDetails(IReadOnlyList<AuditChange> Changes, IReadOnlyList<AuditValue> Values, string? Json)
{
    public static readonly AuditDetails None = new([], [], null);

    public bool IsEmpty => Changes.Count == 0 && Values.Count == 0 && Json is null;
}
