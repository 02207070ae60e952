using Barangay.Data.Localization;
using Barangay.Data.Settings;

namespace Barangay.Data.Documents;

/// <summary>
/// The RA 11032 clock of one request, in one place (docs/ra11032.md).
/// <list type="bullet">
/// <item>§4(j): processing time runs "from the receipt of an application or request with complete requirements,
/// accompanying documents and payment of fees". The clock starts at the later of the two moments: the requirements
/// found complete (an official's review, or the desk for a walk-in) and the fee paid or waived (none needed for a
/// free document). Until both have happened there is no deadline, so an unpaid request never counts against the hall.</item>
/// <item>§9(b)(1): the deadline is 3, 7 or 20 working days (<see cref="DocumentType.WorkingDays"/>) after that start.</item>
/// <item>§9(b)(2): it may be extended once, for the same number of days, with a written notice of the reason given
/// before the time lapses (<see cref="CanExtend"/>).</item>
/// <item>§10: a request whose time lapsed with complete requirements and fees paid is deemed approved
/// (<see cref="FallsUnderAutomaticApproval"/>).</item>
/// </list>
/// </summary>
public static class ServiceStandard
{
    /// <summary>When the fee was settled, or the requirements moment itself when no fee is due.</summary>
    public static DateTime? FeeSettledAt(DocumentRequestMetadata meta, PaymentInfo? payment) =>
        payment?.Settled == true ? payment.PaidAt ?? meta.RequirementsCompleteAt : meta.Fee <= 0 ? meta.RequirementsCompleteAt : null;

    /// <summary>The clock's start (§4(j)): both requirements and fee done; null while either is missing.</summary>
    public static DateTime? ClockStart(DocumentRequestMetadata meta, PaymentInfo? payment)
    {
        if (meta.RequirementsCompleteAt is not { } req) return null;
        if (FeeSettledAt(meta, payment) is not { } fee) return null;
        return fee > req ? fee : req;
    }

    /// <summary>
    /// Starts the clock when both moments are in and it has not started yet: sets <see cref="DocumentRequestMetadata.ClockStartedAt"/>
    /// and the row's due date. Returns whether it started now (the resident is told their deadline).
    /// </summary>
    public static bool TryStart(DocumentRequest row, DocumentRequestMetadata meta, PaymentInfo? payment, WorkingDayClock clock)
    {
        if (meta.ClockStartedAt is not null || ClockStart(meta, payment) is not { } start) return false;
        meta.ClockStartedAt = start;
        var days = meta.WorkingDays > 0 ? meta.WorkingDays : DocumentType.SimpleDays;
        row.DueAt = clock.AddWorkingDays(start, days);
        return true;
    }

    /// <summary>§9(b)(2): once, while still pending, before the deadline lapses. Null when allowed, else why not.</summary>
    public static string? CanExtend(DocumentRequest row, DocumentRequestMetadata meta, DateTime nowUtc)
    {
        if (!DocumentRequestStatuses.Pending.Contains(row.Status)) return Texts.Say("A request that is {0} cannot be extended.", Texts.Say(row.Status));
        if (meta.Extension is not null) return Texts.Say("The processing time was already extended once; RA 11032 allows only one extension.");
        if (row.DueAt is not { } due) return Texts.Say("The processing time has not started yet (requirements complete and fee paid), so there is nothing to extend.");
        if (due <= nowUtc) return Texts.Say("The processing time has already lapsed; an extension must be given before it does (RA 11032 §9(b)(2)).");
        return null;
    }

    /// <summary>The new deadline: the same number of working days again, counted from the old deadline.</summary>
    public static DateTime ExtendedDue(DateTime oldDueUtc, DocumentRequestMetadata meta, WorkingDayClock clock) =>
        clock.AddWorkingDays(oldDueUtc, meta.WorkingDays > 0 ? meta.WorkingDays : DocumentType.SimpleDays);

    /// <summary>
    /// §10: still pending past its deadline (which exists only once requirements were complete and the fee paid) for a
    /// type the law's automatic approval covers. The Punong Barangay should act on it at once.
    /// </summary>
    public static bool FallsUnderAutomaticApproval(string status, DateTime? dueUtc, DateTime nowUtc, DocumentType? type) =>
        dueUtc is { } due && due < nowUtc && DocumentRequestStatuses.Pending.Contains(status) && type?.AutomaticApproval != false;
}

/// <summary>The one extension of a request's processing time (RA 11032 §9(b)(2)): who, when, why, old and new deadline.</summary>
public sealed record ServiceExtension(DateTime At, Guid? ById, string ByName, string? ByPosition, string Reason, DateTime OldDue, DateTime NewDue);
