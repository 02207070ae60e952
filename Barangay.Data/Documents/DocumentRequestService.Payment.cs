using Barangay.Data.Localization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

public sealed partial class DocumentRequestService
{
    public const int MaxOrNumber = 30;

    /// <summary>The treasurer records the official receipt: amount, OR number, paid now, collected by the caller.</summary>
    public Task<ServiceResult<DocumentRequestDetail>> RecordPaymentAsync(Guid id, Guid version, PaymentEntry entry, CancellationToken ct = default)
    {
        var or = (entry.OrNumber ?? "").Trim();
        if (or.Length == 0) return Task.FromResult(ServiceResult<DocumentRequestDetail>.Invalid("OrNumber", Texts.Say("The official receipt (OR) number is required.")));
        if (or.Length > MaxOrNumber) return Task.FromResult(ServiceResult<DocumentRequestDetail>.Invalid("OrNumber", Texts.Say("The OR number is longer than {0} characters.", MaxOrNumber)));
        if (entry.Amount <= 0) return Task.FromResult(ServiceResult<DocumentRequestDetail>.Invalid("Amount", Texts.Say("The amount must be more than ₱0.00; for a free document record a waiver instead.")));
        return SettleAsync(id, version, (caller, name, now, meta) =>
            entry.Amount < meta.Fee
                ? (null, Texts.Say("The amount ₱{0:N2} is less than the fee of ₱{1:N2}.", entry.Amount, meta.Fee))
                : (new PaymentInfo(entry.Amount, or, now, caller.UserId, name, false, null), null), ct);
    }

    /// <summary>Waives the fee with a reason (an indigent resident, a first-time jobseeker).</summary>
    public Task<ServiceResult<DocumentRequestDetail>> WaiveAsync(Guid id, Guid version, string reason, CancellationToken ct = default)
    {
        var why = (reason ?? "").Trim();
        if (why.Length == 0) return Task.FromResult(ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("Give the reason for the waiver (for example: indigent, first-time jobseeker under RA 11261).")));
        if (why.Length > MaxReason) return Task.FromResult(ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("The reason is longer than {0} characters.", MaxReason)));
        return SettleAsync(id, version, (caller, name, now, _) => (new PaymentInfo(0, null, now, caller.UserId, name, true, why), null), ct);
    }

    private async Task<ServiceResult<DocumentRequestDetail>> SettleAsync(Guid id, Guid version,
        Func<Caller, string, DateTime, DocumentRequestMetadata, (PaymentInfo? Payment, string? Error)> make, CancellationToken ct)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.DocumentRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return ServiceResult<DocumentRequestDetail>.NotFound();
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == row.ResidentId, ct);
        if (!caller.Can(Permissions.Documents.Collect))
            return MayRead(caller, resident) ? Refused(Texts.Say("Only the treasurer records payments and waivers.")) : ServiceResult<DocumentRequestDetail>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var labels = await LabelsAsync(db, ct);
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        if (row.Version != version) return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(meta, row), ToDetail(row, resident, labels, now));
        if (row.Status is DocumentRequestStatuses.Cancelled or DocumentRequestStatuses.Rejected or DocumentRequestStatuses.Released)
            return Refused(Texts.Say("This request was {0}; no payment can be recorded.", Texts.Say(row.Status)));
        var existing = PaymentInfo.Parse(row.PaymentInfo);
        if (existing?.Settled == true)
            return Refused(existing.Waived ? Texts.Say("The fee was already waived ({0}).", existing.WaiverReason) : Texts.Say("Already paid: OR {0} recorded by {1}.", existing.OrNumber, existing.CollectedByName));
        var name = await ActorNameAsync(db, caller, ct);
        var (payment, error) = make(caller, name, now, meta);
        if (payment is null) return ServiceResult<DocumentRequestDetail>.Invalid("Amount", error!);
        var orJson = payment.OrNumber is null ? null : System.Text.Json.JsonSerializer.Serialize(new { or_number = payment.OrNumber });
        if (orJson is not null && await db.DocumentRequests.AsNoTracking().AnyAsync(r => r.Id != id && r.PaymentInfo != null && EF.Functions.JsonContains(r.PaymentInfo, orJson), ct))
            return ServiceResult<DocumentRequestDetail>.Invalid("OrNumber", Texts.Say("OR number {0} is already recorded on another request.", payment.OrNumber));
        row.PaymentInfo = payment.ToJson();
        meta.History.Add(new DocumentStatusEntry(payment.Waived ? "waived" : "paid", now, caller.UserId, name,
            payment.Waived ? $"Fee waived: {payment.WaiverReason}" : $"Paid ₱{payment.Amount:N2}, OR {payment.OrNumber}"));
        // RA 11032 §4(j): with the requirements already complete, the fee settled starts the processing time.
        await FillTermsAsync(db, row, meta, ct);
        ServiceStandard.TryStart(row, meta, payment, await calendar.ClockAsync(ct));
        row.Metadata = meta.ToJson();
        db.Record(payment.Waived ? "Waiver" : "Payment", TargetType, row.Id.ToString(),
            new { request_id = row.RequestId, amount = payment.Amount, or_number = payment.OrNumber, waiver = payment.WaiverReason });
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
