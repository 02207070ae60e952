using Barangay.Data.Localization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

public sealed partial class DocumentRequestService
{
    public const int MaxReason = 500;

    public Task<ServiceResult<DocumentRequestDetail>> ReviewAsync(Guid id, Guid version, CancellationToken ct = default) =>
        MoveAsync(id, version, DocumentRequestStatuses.Reviewed, null, ct);

    public Task<ServiceResult<DocumentRequestDetail>> StartProcessingAsync(Guid id, Guid version, CancellationToken ct = default) =>
        MoveAsync(id, version, DocumentRequestStatuses.Processing, null, ct);

    /// <summary>Approves and freezes the certificate (control number, verification code, validity). Needs the fee paid or waived.</summary>
    public Task<ServiceResult<DocumentRequestDetail>> ApproveAsync(Guid id, Guid version, CancellationToken ct = default) =>
        MoveAsync(id, version, DocumentRequestStatuses.Approved, null, ct);

    /// <summary>Hands the certificate over at the hall. Needs the fee paid or waived.</summary>
    public Task<ServiceResult<DocumentRequestDetail>> ReleaseAsync(Guid id, Guid version, CancellationToken ct = default) =>
        MoveAsync(id, version, DocumentRequestStatuses.Released, null, ct);

    /// <summary>
    /// The resident takes their own approved certificate (the "Download" button on their request page, a POST): the
    /// request is released to them. An explicit action, checked against the row's version like any other move.
    /// </summary>
    public Task<ServiceResult<DocumentRequestDetail>> ReceiveAsync(Guid id, Guid version, CancellationToken ct = default) =>
        MoveAsync(id, version, DocumentRequestStatuses.Released, null, ct, byResident: true);

    public Task<ServiceResult<DocumentRequestDetail>> RejectAsync(Guid id, Guid version, string reason, CancellationToken ct = default) =>
        MoveAsync(id, version, DocumentRequestStatuses.Rejected, reason, ct);

    /// <summary>The resident cancels their own request while it is still submitted; an official may cancel an open one, with a reason.</summary>
    public Task<ServiceResult<DocumentRequestDetail>> CancelAsync(Guid id, Guid version, string? reason, CancellationToken ct = default) =>
        MoveAsync(id, version, DocumentRequestStatuses.Cancelled, reason, ct);

    /// <summary>
    /// One status change: the caller's right, the status machine, the row's version (optimistic concurrency: of two
    /// officials approving at once, one wins and the other is told who did it), the history entry, the audit row,
    /// the resident's notification and email — all in one SaveChanges.
    /// </summary>
    private async Task<ServiceResult<DocumentRequestDetail>> MoveAsync(Guid id, Guid version, string to, string? reason, CancellationToken ct, bool byResident = false)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.DocumentRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return ServiceResult<DocumentRequestDetail>.NotFound();
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == row.ResidentId, ct);
        var own = caller.UserId is not null && resident.UserId == caller.UserId;
        var official = caller.Can(DocumentStatusMachine.PermissionFor(to));
        var residentCancel = own && to == DocumentRequestStatuses.Cancelled;
        // Only through ReceiveAsync: an official's "Mark released" stays theirs to make with their own permission.
        var residentReceive = own && byResident && to == DocumentRequestStatuses.Released;
        if (byResident && !residentReceive) return ServiceResult<DocumentRequestDetail>.NotFound();
        if (!official && !residentCancel && !residentReceive) return MayRead(caller, resident) ? Refused(Action(to)) : ServiceResult<DocumentRequestDetail>.NotFound();
        // Where the hall still dry-seals at the window, the resident's download shows the certificate but releasing
        // it stays an official's act (issue 22, item 5): nothing changes, and the caller shows the PDF.
        if (residentReceive && row.Status == DocumentRequestStatuses.Approved && await HallSealsAtWindowAsync(db, ct))
            return ServiceResult<DocumentRequestDetail>.Success(ToDetail(row, resident, await LabelsAsync(db, ct), clock.GetUtcNow().UtcDateTime));

        var now = clock.GetUtcNow().UtcDateTime;
        var labels = await LabelsAsync(db, ct);
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        await FillTermsAsync(db, row, meta, ct);
        if (row.Version != version)
            return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(meta, row), ToDetail(row, resident, labels, now));
        string? position = null;
        if (to == DocumentRequestStatuses.Approved)
        {
            // Approval is the Punong Barangay's unless a setting delegates it (DocumentApprovers); checked here, not only on the page.
            var delegated = await DocumentApprovers.DelegatedAsync(db, ct);
            position = await DocumentApprovers.PositionOfAsync(db, caller.UserId, ct);
            if (!DocumentApprovers.MayApprove(position, delegated)) return Refused(DocumentApprovers.Refusal(delegated));
            // RA 11261: six months' residence, read from the register (ResidencyRule).
            if (await ResidencyRule.RefusalAsync(db, row.Type, resident, TimeZones.ManilaToday(clock), ct) is { } residency)
                return ServiceResult<DocumentRequestDetail>.Invalid("ResidentSince", residency);
        }
        if (!DocumentStatusMachine.CanMove(row.Status, to))
            return ServiceResult<DocumentRequestDetail>.Invalid("Status", DocumentStatusMachine.Refusal(row.Status, to));
        if (residentCancel && !official && row.Status != DocumentRequestStatuses.Submitted)
            return ServiceResult<DocumentRequestDetail>.Invalid("Status", Texts.Say("The hall is already working on this request ({0}); ask the hall to cancel it.", Texts.Say(row.Status)));
        // A paid fee is the treasurer's to give back: the resident cancels a paid request only after the refund is recorded.
        if (residentCancel && !official && PaymentInfo.Parse(row.PaymentInfo)?.PaidWithReceipt == true)
            return ServiceResult<DocumentRequestDetail>.Invalid("Status", Texts.Say("This request is paid: ask the treasurer to record the refund of your fee first, then cancel it."));
        var cleanReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (to == DocumentRequestStatuses.Rejected && cleanReason is null) return ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("Give the reason for rejecting the request; the resident will see it."));
        if (to == DocumentRequestStatuses.Cancelled && cleanReason is null && !residentCancel) return ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("Give the reason for cancelling the request; the resident will see it."));
        if (cleanReason is { Length: > MaxReason }) return ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("The reason is longer than {0} characters.", MaxReason));
        var payment = PaymentInfo.Parse(row.PaymentInfo);
        if (to is DocumentRequestStatuses.Approved or DocumentRequestStatuses.Released && meta.Fee > 0 && payment?.Settled != true)
            return ServiceResult<DocumentRequestDetail>.Invalid("Payment",
                Texts.Say("The fee of ₱{0:N2} is not paid: record the official receipt (OR) number or a waiver before the request is {1}.", meta.Fee, Texts.Say(DocumentStatusMachine.Verb(to))));

        var actor = await ActorNameAsync(db, caller, ct);
        var from = row.Status;
        row.Status = to;
        row.ProcessedBy = caller.UserId;
        row.ProcessedAt = now;
        if (cleanReason is not null && to is DocumentRequestStatuses.Rejected or DocumentRequestStatuses.Cancelled) meta.Reason = cleanReason;
        position ??= official ? await DocumentApprovers.PositionOfAsync(db, caller.UserId, ct) : null;
        meta.History.Add(new DocumentStatusEntry(to, now, caller.UserId, actor, residentReceive ? "Downloaded by the resident" : cleanReason, position));
        // RA 11032 §4(j): the review is where the hall finds the requirements complete; with the fee paid the clock starts.
        var started = false;
        if (to == DocumentRequestStatuses.Reviewed && meta.RequirementsCompleteAt is null)
        {
            meta.RequirementsCompleteAt = now;
            started = ServiceStandard.TryStart(row, meta, payment, await calendar.ClockAsync(ct));
        }
        if (to == DocumentRequestStatuses.Approved)
            meta.Certificate = await CertificateFactory.FreezeAsync(db, row, resident, meta, payment, codes.Create(row.Id), now, ct);
        row.Metadata = meta.ToJson();
        db.Record(AuditActions.StatusChange, TargetType, row.Id.ToString(), residentReceive
            ? new { request_id = row.RequestId, from, to, reason = cleanReason, via = "resident_download" }
            // Approved knowingly without the holder's photo (the page warned): the audit row says so (issue 22).
            : meta.Certificate is { PhotoBox: true, PhotoFileId: null } && to == DocumentRequestStatuses.Approved
                ? new { request_id = row.RequestId, from, to, reason = cleanReason, holder_photo = "none on record: printed with an empty 1x1 box" }
                : (object)new { request_id = row.RequestId, from, to, reason = cleanReason });
        var label = meta.TypeLabel ?? labels.GetValueOrDefault(row.Type, row.Type);
        var (subject, text) = StatusMessage(row, label, to, cleanReason);
        // RA 11032 §4(j): the clock started now, so the resident learns the due date with the review.
        if (started) text = new("Your {0} request {1} was reviewed by the hall. Requirements complete and fee settled: due {2}.", label, row.RequestId, Message.At(row.DueAt!.Value));
        // The resident who just took their certificate needs no message telling them so.
        IReadOnlyList<Guid> emailIds = residentReceive ? [] : await NotifyResidentAsync(db, resident, row, subject, text, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed it between our read and our write: tell who, with the row as it is now.
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var current = await fresh.DocumentRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(DocumentRequestMetadata.Parse(current.Metadata), current), ToDetail(current, resident, labels, now));
        }
        await DispatchAsync(emailIds, ct);
        return ServiceResult<DocumentRequestDetail>.Success(ToDetail(row, resident, labels, now));
    }

    private static ServiceResult<DocumentRequestDetail> Refused(string message) => ServiceResult<DocumentRequestDetail>.Invalid("Status", message);

    private static string Action(string to) => to switch
    {
        DocumentRequestStatuses.Approved => Texts.Say("You may not approve requests."),
        DocumentRequestStatuses.Released => Texts.Say("You may not release requests."),
        DocumentRequestStatuses.Rejected => Texts.Say("You may not reject requests."),
        DocumentRequestStatuses.Cancelled => Texts.Say("You may not cancel requests."),
        _ => Texts.Say("You may not process requests."),
    };

    /// <summary>"Already approved by Ricardo M. Dela Cruz at 2:15 PM." — what the losing official is told.</summary>
    private static string ChangedBy(DocumentRequestMetadata meta, DocumentRequest row)
    {
        var last = meta.History.LastOrDefault();
        var who = last?.ByName ?? Texts.Say("another user");
        if (last is null) return Texts.Say("Someone else changed this request; it is now {0}. Nothing was changed; check it and try again.", Texts.Say(row.Status));
        var when = TimeZones.ToManila(last.At).ToString("ddd, MMM d, yyyy h:mm tt", AppLanguages.Current);
        return last.Status == row.Status
            ? Texts.Say("This request was already {0} by {1} on {2}. Nothing was changed; the page now shows the request as it is.", Texts.Say(DocumentStatusMachine.Verb(row.Status)), who, when)
            : Texts.Say("{0} changed this request on {1}; it is now {2}. Nothing was changed; check it and try again.", who, when, Texts.Say(row.Status));
    }

    // Keys are the English templates in Localization/Texts.resx; the resident reads them in their own language.
    private static (Message Subject, Message Text) StatusMessage(DocumentRequest row, string label, string to, string? reason) => to switch
    {
        DocumentRequestStatuses.Reviewed => (new("{0} reviewed", row.RequestId), new("Your {0} request {1} was reviewed by the hall.", label, row.RequestId)),
        DocumentRequestStatuses.Processing => (new("{0} being prepared", row.RequestId), new("Your {0} request {1} is being prepared.", label, row.RequestId)),
        DocumentRequestStatuses.Approved => (new("{0} approved", row.RequestId), new("Your {0} ({1}) was approved. You can download it under My requests or get it at the hall.", label, row.RequestId)),
        DocumentRequestStatuses.Released => (new("{0} released", row.RequestId), new("Your {0} ({1}) was released.", label, row.RequestId)),
        DocumentRequestStatuses.Rejected => (new("{0} rejected", row.RequestId), new("Your {0} request {1} was rejected. Reason: {2}", label, row.RequestId, reason ?? "")),
        DocumentRequestStatuses.Cancelled => (new("{0} cancelled", row.RequestId), reason is null
            ? new("Your {0} request {1} was cancelled.", label, row.RequestId)
            : new("Your {0} request {1} was cancelled. Reason: {2}", label, row.RequestId, reason)),
        _ => (new("{0} updated", row.RequestId), new("Your {0} request {1} is now {2}.", label, row.RequestId, Message.Text(to))),
    };
}
