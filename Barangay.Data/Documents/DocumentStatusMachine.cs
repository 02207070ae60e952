using Barangay.Data.Localization;
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

    /// <summary>Why <paramref name="from"/> → <paramref name="to"/> is not allowed, in words for the official, in their language.</summary>
    public static string Refusal(string from, string to) => from switch
    {
        S.Cancelled or S.Rejected => Texts.Say("This request was {0} and cannot {1}.", Texts.Say(from), Texts.Say(BeVerb(to))),
        S.Released => Texts.Say("This request was already released and cannot {0}.", Texts.Say(BeVerb(to))),
        _ when from == to => Texts.Say("This request is already {0}.", Texts.Say(from)),
        _ when NextOf(from) is { Count: > 0 } n => Texts.Say("A request that is {0} cannot {1}; it can {2}.", Texts.Say(from), Texts.Say(BeVerb(to)), Listed(n)),
        _ => Texts.Say("A request that is {0} cannot {1}.", Texts.Say(from), Texts.Say(BeVerb(to))),
    };

    /// <summary>"be reviewed, be rejected or be cancelled" (the Filipino infinitive differs from the status word).</summary>
    private static string Listed(IReadOnlyList<string> next)
    {
        var verbs = next.Select(x => Texts.Say(BeVerb(x))).ToList();
        return verbs.Count == 1 ? verbs[0] : string.Join(", ", verbs.Take(verbs.Count - 1)) + " " + Texts.Say("or") + " " + verbs[^1];
    }

    private static string BeVerb(string status) => status switch
    {
        S.Reviewed => "be reviewed",
        S.Processing => "be moved to processing",
        S.Approved => "be approved",
        S.Released => "be released",
        S.Rejected => "be rejected",
        S.Cancelled => "be cancelled",
        _ => status,
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
