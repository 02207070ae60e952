using Barangay.Data.Localization;
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

    /// <summary>Why the move is refused, in the reader's language (the status words and verbs from the catalogue).</summary>
    public static string Refusal(string from, string to) => from switch
    {
        _ when !S.All.Contains(to) => Texts.Say("\"{0}\" is not a complaint status.", to),
        _ when from == to => Texts.Say("This complaint is already {0}.", Texts.Say(Label(from))),
        S.Closed or S.Rejected => Texts.Say("This complaint is {0} and cannot {1}.", Texts.Say(Label(from)), Texts.Say(BeVerb(to))),
        _ when NextOf(from) is { Count: > 0 } n => Texts.Say("A {0} complaint cannot {1}; it can {2}.", Texts.Say(Label(from)), Texts.Say(BeVerb(to)),
            string.Join(" " + Texts.Say("or") + " ", n.Select(x => Texts.Say(BeVerb(x))))),
        _ => Texts.Say("A {0} complaint cannot {1}.", Texts.Say(Label(from)), Texts.Say(BeVerb(to))),
    };

    /// <summary>The catalogue key of "cannot be resolved" and its kin (the infinitive differs from the status word in Filipino).</summary>
    private static string BeVerb(string status) => status switch
    {
        S.InProgress => "be moved to in progress",
        S.Resolved => "be resolved",
        S.Closed => "be closed",
        S.Rejected => "be rejected",
        _ => status,
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
