using S = Barangay.Data.Complaints.ComplaintStatuses;

namespace Barangay.Data.Complaints;

/// <summary>
/// new → in_progress → resolved → closed; new or in_progress → rejected (with a reason); a resolved complaint may be
/// reopened (back to in_progress) before it is closed. Every other move is refused with a message that says why.
/// </summary>
public static class ComplaintStatusMachine
{
    private static readonly Dictionary<string, string[]> Next = new()
    {
        [S.New] = [S.InProgress, S.Rejected],
        [S.InProgress] = [S.Resolved, S.Rejected],
        [S.Resolved] = [S.Closed, S.InProgress],
        [S.Closed] = [],
        [S.Rejected] = [],
    };

    public static bool CanMove(string from, string to) => Next.TryGetValue(from, out var n) && n.Contains(to);

    public static IReadOnlyList<string> NextOf(string from) => Next.TryGetValue(from, out var n) ? n : [];

    public static string Refusal(string from, string to) => from switch
    {
        _ when !S.All.Contains(to) => $"\"{to}\" is not a complaint status.",
        _ when from == to => $"This complaint is already {Label(from)}.",
        S.Closed or S.Rejected => $"This complaint is {Label(from)} and cannot be {Verb(to)}.",
        _ => $"A {Label(from)} complaint cannot be {Verb(to)}" + (NextOf(from) is { Count: > 0 } n ? $"; it can be {string.Join(" or ", n.Select(Verb))}." : "."),
    };

    public static string Label(string status) => status switch
    {
        S.New => "new",
        S.InProgress => "in progress",
        _ => status,
    };

    public static string Verb(string status) => status switch
    {
        S.InProgress => "moved to in progress",
        S.Resolved => "resolved",
        S.Closed => "closed",
        S.Rejected => "rejected",
        _ => status,
    };
}
