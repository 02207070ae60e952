using Barangay.Data.Localization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>The holder's Community Tax Certificate (cedula) as the desk reads it off the paper: number, date and place issued.</summary>
public sealed record CtcEntry(string Number, DateOnly? IssuedOn, string IssuedAt);

public sealed partial class DocumentRequestService
{
    public const int MaxCtcText = 60;
    public const string CtcAction = "RecordCtc";

    /// <summary>
    /// The treasurer or the secretary records the CTC the holder shows at the window (issue 22, item 2), before approval:
    /// kept with the request (<c>ctc_number</c>, <c>ctc_issued_on</c>, <c>ctc_issued_at</c>), frozen onto the certificate at
    /// approval and printed in its window details. Audited with the old and the new values.
    /// </summary>
    public async Task<ServiceResult<DocumentRequestDetail>> RecordCtcAsync(Guid id, Guid version, CtcEntry entry, CancellationToken ct = default)
    {
        var number = (entry.Number ?? "").Trim();
        var place = (entry.IssuedAt ?? "").Trim();
        var errors = new Dictionary<string, string>();
        if (number.Length == 0) errors["CtcNumber"] = Texts.Say("The CTC number is required.");
        else if (number.Length > MaxCtcText) errors["CtcNumber"] = Texts.Say("The CTC number is longer than {0} characters.", MaxCtcText);
        if (entry.IssuedOn is null) errors["CtcIssuedOn"] = Texts.Say("The date the CTC was issued is required.");
        else if (entry.IssuedOn > TimeZones.ManilaToday(clock)) errors["CtcIssuedOn"] = Texts.Say("The CTC's date of issue cannot be in the future.");
        if (place.Length == 0) errors["CtcIssuedAt"] = Texts.Say("The place the CTC was issued is required.");
        else if (place.Length > MaxCtcText) errors["CtcIssuedAt"] = Texts.Say("The place is longer than {0} characters.", MaxCtcText);
        if (errors.Count > 0) return ServiceResult<DocumentRequestDetail>.Invalid(errors);

        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.DocumentRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return ServiceResult<DocumentRequestDetail>.NotFound();
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == row.ResidentId, ct);
        if (!caller.Can(Permissions.Documents.Process) && !caller.Can(Permissions.Documents.Collect))
            return MayRead(caller, resident) ? Refused(Texts.Say("The treasurer or the secretary records the CTC at the window.")) : ServiceResult<DocumentRequestDetail>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var labels = await LabelsAsync(db, ct);
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        if (row.Version != version) return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(meta, row), ToDetail(row, resident, labels, now));
        if (row.Status is not (DocumentRequestStatuses.Submitted or DocumentRequestStatuses.Reviewed or DocumentRequestStatuses.Processing))
            return Refused(Texts.Say("This request is {0}: the CTC is recorded before approval, when the certificate is made.", Texts.Say(row.Status)));
        var issuedOn = entry.IssuedOn!.Value.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-PH"));
        var old = new { number = meta.Fields.GetValueOrDefault("ctc_number"), issued_on = meta.Fields.GetValueOrDefault("ctc_issued_on"), issued_at = meta.Fields.GetValueOrDefault("ctc_issued_at") };
        meta.Fields["ctc_number"] = number;
        meta.Fields["ctc_issued_on"] = issuedOn;
        meta.Fields["ctc_issued_at"] = place;
        var name = await ActorNameAsync(db, caller, ct);
        meta.History.Add(new DocumentStatusEntry("ctc", now, caller.UserId, name, $"CTC No. {number}, issued {issuedOn} at {place}"));
        row.Metadata = meta.ToJson();
        db.Record(CtcAction, TargetType, row.Id.ToString(), new { request_id = row.RequestId, old, @new = new { number, issued_on = issuedOn, issued_at = place } });
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
