using S = Barangay.Data.Documents.DocumentRequestStatuses;

namespace Barangay.Data.Documents;

/// <summary>
/// The request's life (the data-model document): submitted → reviewed → processing → approved → released, with
/// rejected and cancelled (each with a reason) as ends. Approval may come straight after review when nothing needs
/// preparing. Every other move is refused with a message that says why.
/// </summary>
public static class DocumentStatusMachine
{
    private static readonly Dictionary<string, string[]> Next = new()
    {
        [S.Submitted] = [S.Reviewed, S.Rejected, S.Cancelled],
        [S.Reviewed] = [S.Processing, S.Approved, S.Rejected, S.Cancelled],
        [S.Processing] = [S.Approved, S.Rejected, S.Cancelled],
        [S.Approved] = [S.Released],
        [S.Released] = [],
        [S.Rejected] = [],
        [S.Cancelled] = [],
    };

    public static bool CanMove(string from, string to) => Next.TryGetValue(from, out var n) && n.Contains(to);

    public static IReadOnlyList<string> NextOf(string from) => Next.TryGetValue(from, out var n) ? n : [];

    /// <summary>Why <paramref name="from"/> → <paramref name="to"/> is not allowed, in words for the official.</summary>
    public static string Refusal(string from, string to) => from switch
    {
        S.Cancelled or S.Rejected => $"This request was {from} and cannot be {Verb(to)}.",
        S.Released => $"This request was already released and cannot be {Verb(to)}.",
        _ when from == to => $"This request is already {from}.",
        _ => $"A request that is {from} cannot be {Verb(to)}" + (NextOf(from) is { Count: > 0 } n ? $"; it can be {string.Join(", ", n.Select(Verb))}." : "."),
    };

    public static string Verb(string status) => status switch
    {
        S.Reviewed => "reviewed",
        S.Processing => "moved to processing",
        S.Approved => "approved",
        S.Released => "released",
        S.Rejected => "rejected",
        S.Cancelled => "cancelled",
        _ => status,
    };

    /// <summary>The permission an official needs to make the move.</summary>
    public static string PermissionFor(string to) => to is S.Approved or S.Released
        ? Security.Permissions.Documents.Release
        : Security.Permissions.Documents.Process;
}
