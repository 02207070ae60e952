using Barangay.Data.Localization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>RA 11032 on a request: its terms, the one extension (§9(b)(2)) and the refund that lets a resident cancel a paid request.</summary>
public sealed partial class DocumentRequestService
{
    /// <summary>
    /// A request filed before its terms were kept in its metadata (older rows, imports) takes the type's current fee and
    /// working days, so the fee check cannot wave an unpaid ₱100 clearance through as "free".
    /// </summary>
    internal static async Task FillTermsAsync(BarangayDbContext db, DocumentRequest row, DocumentRequestMetadata meta, CancellationToken ct)
    {
        if (meta.WorkingDays > 0) return;
        var item = await db.LookupValues.AsNoTracking()
            .Where(l => l.Category == Settings.LookupCategories.DocumentType && l.Code == row.Type)
            .Select(l => new { l.Code, l.Label, l.Meta }).FirstOrDefaultAsync(ct);
        if (item is null) return;
        var type = DocumentType.Parse(item.Code, item.Label, item.Meta);
        meta.Fee = Math.Max(meta.Fee, type.Fee);
        meta.WorkingDays = type.WorkingDays;
        meta.TypeLabel ??= type.Label;
    }

    /// <summary>
    /// Extends the processing time once, for the same number of working days, with the written reason the resident is
    /// sent (a notification and an email) and can print (RA 11032 §9(b)(2)). Only who may approve may extend, and only
    /// before the deadline lapses. Audited.
    /// </summary>
    public async Task<ServiceResult<DocumentRequestDetail>> ExtendAsync(Guid id, Guid version, string reason, CancellationToken ct = default)
    {
        var why = (reason ?? "").Trim();
        if (why.Length == 0) return ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("Give the reason for the extension; the resident receives it in writing."));
        if (why.Length > MaxReason) return ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("The reason is longer than {0} characters.", MaxReason));
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.DocumentRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return ServiceResult<DocumentRequestDetail>.NotFound();
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == row.ResidentId, ct);
        if (!caller.Can(Permissions.Documents.Release)) return MayRead(caller, resident) ? Refused(Texts.Say("You may not extend requests.")) : ServiceResult<DocumentRequestDetail>.NotFound();
        var delegated = await DocumentApprovers.DelegatedAsync(db, ct);
        var position = await DocumentApprovers.PositionOfAsync(db, caller.UserId, ct);
        if (!DocumentApprovers.MayApprove(position, delegated)) return Refused(DocumentApprovers.Refusal(delegated));

        var now = clock.GetUtcNow().UtcDateTime;
        var labels = await LabelsAsync(db, ct);
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        await FillTermsAsync(db, row, meta, ct);
        if (row.Version != version) return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(meta, row), ToDetail(row, resident, labels, now));
        if (ServiceStandard.CanExtend(row, meta, now) is { } refusal) return ServiceResult<DocumentRequestDetail>.Invalid("Status", refusal);

        var oldDue = row.DueAt!.Value;
        var newDue = ServiceStandard.ExtendedDue(oldDue, meta, await calendar.ClockAsync(ct));
        var actor = await ActorNameAsync(db, caller, ct);
        meta.Extension = new ServiceExtension(now, caller.UserId, actor, position, why, oldDue, newDue);
        meta.History.Add(new DocumentStatusEntry("extended", now, caller.UserId, actor, $"Processing time extended to {Format(newDue)}: {why}", position));
        row.DueAt = newDue;
        row.Metadata = meta.ToJson();
        db.Record("Extension", TargetType, row.Id.ToString(), new { request_id = row.RequestId, old_due = oldDue, new_due = newDue, reason = why });
        var label = meta.TypeLabel ?? labels.GetValueOrDefault(row.Type, row.Type);
        var emailIds = await NotifyResidentAsync(db, resident, row, new Message("{0}: processing time extended", row.RequestId),
            new Message("The processing time of your {0} request {1} was extended once, to {2} (RA 11032). Reason: {3}. The written notice can be printed from the request's page.", label, row.RequestId, Message.At(newDue), why), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var current = await fresh.DocumentRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(DocumentRequestMetadata.Parse(current.Metadata), current), ToDetail(current, resident, labels, now));
        }
        await DispatchAsync(emailIds, ct);
        return ServiceResult<DocumentRequestDetail>.Success(ToDetail(row, resident, labels, now));
    }

    /// <summary>
    /// The treasurer records giving back a paid fee on a request that is still open (before it is approved): afterwards
    /// the fee counts as unpaid and the resident may cancel. Audited.
    /// </summary>
    public async Task<ServiceResult<DocumentRequestDetail>> RefundAsync(Guid id, Guid version, string reason, CancellationToken ct = default)
    {
        var why = (reason ?? "").Trim();
        if (why.Length == 0) return ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("Give the reason for the refund."));
        if (why.Length > MaxReason) return ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("The reason is longer than {0} characters.", MaxReason));
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.DocumentRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return ServiceResult<DocumentRequestDetail>.NotFound();
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == row.ResidentId, ct);
        if (!caller.Can(Permissions.Documents.Collect))
            return MayRead(caller, resident) ? Refused(Texts.Say("Only the treasurer records refunds.")) : ServiceResult<DocumentRequestDetail>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var labels = await LabelsAsync(db, ct);
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        if (row.Version != version) return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(meta, row), ToDetail(row, resident, labels, now));
        var payment = PaymentInfo.Parse(row.PaymentInfo);
        if (payment?.PaidWithReceipt != true) return Refused(Texts.Say("There is no paid fee on this request to refund."));
        if (!DocumentRequestStatuses.Pending.Contains(row.Status)) return Refused(Texts.Say("This request is {0}; a refund is recorded only on a request still being processed.", Texts.Say(row.Status)));
        var actor = await ActorNameAsync(db, caller, ct);
        row.PaymentInfo = (payment with { RefundedAt = now, RefundedByName = actor, RefundReason = why }).ToJson();
        meta.History.Add(new DocumentStatusEntry("refunded", now, caller.UserId, actor, $"Refunded ₱{payment.Amount:N2} (OR {payment.OrNumber}): {why}"));
        row.Metadata = meta.ToJson();
        db.Record("Refund", TargetType, row.Id.ToString(), new { request_id = row.RequestId, amount = payment.Amount, or_number = payment.OrNumber, reason = why });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var current = await fresh.DocumentRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(DocumentRequestMetadata.Parse(current.Metadata), current), ToDetail(current, resident, labels, now));
        }
        return ServiceResult<DocumentRequestDetail>.Success(ToDetail(row, resident, labels, now));
    }
}
