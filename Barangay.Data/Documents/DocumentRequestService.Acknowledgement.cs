using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>What the acknowledgement receipt (RA 11032 §9(a)) and the extension notice (§9(b)(2)) print.</summary>
public sealed record AcknowledgementData(
    string RequestId,
    string TypeLabel,
    string ClassLabel,
    int WorkingDays,
    DateTime ReceivedAt,
    bool WalkIn,
    string ResidentName,
    string? ResidentAddress,
    string Purpose,
    IReadOnlyList<string> Requirements,
    int Attachments,
    string OfficerName,
    string OfficerDesignation,
    DateTime? RequirementsCompleteAt,
    DateTime? FeeSettledAt,
    DateTime? DueAt,
    decimal Fee,
    string? WaiverReason,
    ServiceExtension? Extension,
    BarangayProfile Profile,
    string PunongBarangay)
{
    /// <summary>"en-PH" or "fil-PH": the request's language, which the receipt and the extension notice are written in.</summary>
    public string? Language { get; init; }
}

public sealed partial class DocumentRequestService
{
    /// <summary>
    /// The receipt's content for the request's resident or the hall (not found for anyone else). The responsible officer
    /// is the active Barangay Secretary, who receives requests; the due date is shown only once the clock runs.
    /// </summary>
    public async Task<AcknowledgementData?> AcknowledgementAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.DocumentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return null;
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == row.ResidentId, ct);
        if (!MayRead(caller, resident))
        {
            await RecordRefusalAsync(db, id, "acknowledgement", ct);
            return null;
        }
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        await FillTermsAsync(db, row, meta, ct);
        var item = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType && l.Code == row.Type)
            .Select(l => new { l.Code, l.Label, l.Meta }).FirstOrDefaultAsync(ct);
        var type = item is null ? null : DocumentType.Parse(item.Code, item.Label, item.Meta);
        var payment = PaymentInfo.Parse(row.PaymentInfo);
        var secretary = await db.Officials.AsNoTracking()
            .Where(o => o.Position == OfficialPositions.Secretary && o.Status == Officials.OfficialStatuses.Active)
            .Select(o => o.FullName).FirstOrDefaultAsync(ct);
        var pb = await db.Officials.AsNoTracking()
            .Where(o => o.Position == OfficialPositions.PunongBarangay && o.Status == Officials.OfficialStatuses.Active)
            .Select(o => o.FullName).FirstOrDefaultAsync(ct);
        var profile = await new BarangayProfileService(factory).GetAsync(ct);
        var attachments = string.IsNullOrWhiteSpace(row.Attachments) ? 0 : System.Text.Json.JsonSerializer.Deserialize<List<Guid>>(row.Attachments)?.Count ?? 0;
        var waiver = payment?.Waived == true ? payment.WaiverReason : type?.IsFree == true ? type.WaiverReason : null;
        return new AcknowledgementData(
            row.RequestId, meta.TypeLabel ?? type?.Label ?? row.Type, DocumentType.ClassLabel(type?.ProcessingClass ?? DocumentType.Simple),
            meta.WorkingDays > 0 ? meta.WorkingDays : type?.WorkingDays ?? DocumentType.SimpleDays, row.SubmittedAt, meta.WalkIn,
            Name(resident), resident.Purok, meta.Purpose, type?.Requirements ?? [], attachments,
            secretary ?? "The Barangay Secretary", "Barangay Secretary",
            meta.RequirementsCompleteAt, meta.Fee > 0 && payment?.Settled == true ? payment.PaidAt : null, row.DueAt, meta.Fee, waiver,
            meta.Extension, profile, pb ?? "")
        {
            // The language chosen with the request (the page's language when filed online), else the resident's account's.
            Language = Localization.AppLanguages.Match(meta.Language) ?? await Localization.RecipientLanguage.OfAsync(db, resident.UserId, ct),
        };
    }
}
