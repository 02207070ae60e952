using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Messaging;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Message = Barangay.Data.Localization.Message;

namespace Barangay.Data.Complaints;

/// <summary>
/// Complaints (the data-model document's POST /complaints): residents file from their phones and follow the status
/// and the thread; officials enter walk-ins, triage, assign, prioritise and move the status; confidential complaints
/// are seen only by the assigned official, the Punong Barangay and admins, and every view of one is audited.
/// Reading side in ComplaintService.Read.cs, the hall's actions in ComplaintService.Handling.cs.
/// </summary>
public sealed partial class ComplaintService(
    BarangayDb dbs,
    IDbContextFactory<BarangayDbContext> factory,
    FileService files,
    TimeProvider clock,
    IEmailDispatcher? emails = null)
{
    public const string TargetType = "Complaint";
    public const string NotificationType = "complaint";
    public const FileKinds AttachmentKinds = FileKinds.Documents;

    /// <summary>The form's choices: categories, subcategories (with their parent) and puroks.</summary>
    public async Task<ComplaintChoices> ChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.LookupValues.AsNoTracking()
            .Where(l => !l.Retired && (l.Category == LookupCategories.ComplaintCategory || l.Category == LookupCategories.ComplaintSubcategory || l.Category == LookupCategories.Purok))
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Label)
            .Select(l => new { l.Category, l.Code, l.Label, l.Meta }).ToListAsync(ct);
        List<ComplaintChoice> Of(string category) => rows.Where(r => r.Category == category)
            .Select(r => new ComplaintChoice(r.Code, r.Label, category == LookupCategories.ComplaintSubcategory ? LookupUsage.ParentOf(r.Meta) : null)).ToList();
        return new ComplaintChoices(Of(LookupCategories.ComplaintCategory), Of(LookupCategories.ComplaintSubcategory), Of(LookupCategories.Purok));
    }

    /// <summary>Uploads a photo or a PDF to attach to a complaint (checked by content); send its id with the complaint.</summary>
    public async Task<FileUploadResult> AttachAsync(string fileName, Stream content, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Complaints.File) && !caller.Can(Permissions.Complaints.Handle)) return FileUploadResult.Refused(Localization.Texts.Say("You cannot file complaints."));
        return await files.UploadAsync(new FileUploadRequest(fileName, AttachmentKinds, FileSensitivity.ComplaintAttachment, TargetType, null, caller.UserId), content, null, ct);
    }

    /// <summary>
    /// Files a complaint: the resident's own from their account, or (with <see cref="Permissions.Complaints.Handle"/>)
    /// one entered at the hall for a resident or a non-resident. Gives a human id, an acknowledgement, a notification
    /// to the officials who triage, and a conversation between the complainant and the hall, all in one transaction.
    /// </summary>
    public async Task<ServiceResult<ComplaintAck>> FileAsync(NewComplaint input, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var hallEntry = input.ResidentId is not null || !string.IsNullOrWhiteSpace(input.ComplainantName) || input.Channel is not null;
        Resident? resident;
        if (hallEntry)
        {
            if (!caller.Can(Permissions.Complaints.Handle)) return ServiceResult<ComplaintAck>.NotFound();
            resident = input.ResidentId is { } rid ? await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
            if (input.ResidentId is not null && resident is null) return ServiceResult<ComplaintAck>.Invalid(nameof(input.ResidentId), Localization.Texts.Say("The resident was not found; choose them again."));
        }
        else
        {
            if (!caller.Can(Permissions.Complaints.File) || caller.UserId is null) return ServiceResult<ComplaintAck>.NotFound();
            resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == caller.UserId, ct);
            if (resident is null) return ServiceResult<ComplaintAck>.Invalid("Resident", Localization.Texts.Say("Your account is not linked to a record in the register yet; ask the hall."));
        }
        var errors = ComplaintValidator.Validate(input, hallEntry);
        if (errors.Count == 0) await ComplaintValidator.CheckLookupsAsync(db, input, errors, ct);
        if (errors.Count == 0) await ComplaintValidator.CheckAttachmentsAsync(db, input.AttachmentIds, caller, errors, ct);
        if (errors.Count > 0) return ServiceResult<ComplaintAck>.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = await ActorNameAsync(db, caller, ct);
        var channel = hallEntry ? input.Channel ?? ComplaintChannels.WalkIn : ComplaintChannels.App;
        var meta = new ComplaintMetadata
        {
            Channel = channel,
            EnteredBy = hallEntry ? caller.UserId : null,
            History = [new ComplaintHistoryEntry("filed", now, caller.UserId, actor, hallEntry ? (channel == ComplaintChannels.Phone ? "Phoned in to the hall" : "Walk-in at the hall") : null)],
        };
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(),
            ResidentId = resident?.Id,
            ComplainantName = resident is null ? Clean(input.ComplainantName) : null,
            Contact = Clean(input.Contact),
            Category = input.Category,
            Subcategory = Clean(input.Subcategory),
            Subject = input.Subject.Trim(),
            Description = input.Description.Trim(),
            Purok = Clean(input.Purok) ?? resident?.Purok,
            Location = Clean(input.Location),
            // RA 9262 sec. 44: a VAWC complaint is confidential whatever the form said.
            Confidential = input.Confidential || Kp.KpIntakeRules.IsVawc(input.Category),
            Attachments = input.AttachmentIds.Count == 0 ? null : JsonSerializer.Serialize(input.AttachmentIds.Distinct()),
            Status = ComplaintStatuses.New,
            Priority = ComplaintPriorities.Normal,
            ReportedAt = now,
        };
        var residentUser = resident?.UserId;

        var written = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var attempt = await factory.CreateDbContextAsync(token);
            attempt.Actor = caller.ToActor();
            await using var tx = await attempt.Database.BeginTransactionAsync(token);
            complaint.ComplaintId = await HumanIds.NextAsync(attempt, HumanIds.Complaint, ct: token);
            // No thread yet: the first one to write about the complaint opens it (MessagingService.WriteAboutComplaintAsync).
            complaint.Metadata = meta.ToJson();
            attempt.Complaints.Add(complaint);
            attempt.Record(AuditActions.Create, TargetType, complaint.Id.ToString(), new
            {
                complaint_id = complaint.ComplaintId, category = complaint.Category, confidential = complaint.Confidential, channel,
                resident_id = complaint.ResidentId, attachments = input.AttachmentIds.Count,
            });
            await NotifyTriageAsync(attempt, complaint, caller.UserId, token);
            var ids = residentUser is null || !hallEntry ? new List<Guid>() : await NotifyComplainantAsync(attempt, complaint, resident!,
                new Message("Complaint {0} received", complaint.ComplaintId), AckText(complaint), token);
            await attempt.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return ids;
        }, ct);
        await DispatchAsync(written, ct);
        return ServiceResult<ComplaintAck>.Success(new ComplaintAck(complaint.Id, complaint.ComplaintId, now, complaint.Confidential, null, AckText(complaint).English) { Text = AckText(complaint) });
    }

    private static Message AckText(Complaint c) => c.Confidential
        ? new("Complaint {0} was received on {1}. The hall will review it; you will be notified of every change. It is confidential: only the official handling it, the Punong Barangay and the administrators can see it.", c.ComplaintId, Message.At(c.ReportedAt))
        : new("Complaint {0} was received on {1}. The hall will review it; you will be notified of every change.", c.ComplaintId, Message.At(c.ReportedAt));

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A moment in a message to the person at the page (Manila time, in their language: "Dis 6, 2026" in Filipino).</summary>
    internal static string Format(DateTime utc) =>
        TimeZones.ToManila(utc).ToString("MMM d, yyyy h:mm tt", AppLanguages.Current);

    internal static string Name(Resident r) => string.Join(" ", new[] { r.FirstName, string.IsNullOrWhiteSpace(r.MiddleName) ? null : r.MiddleName.Trim()[0] + ".", r.LastName, r.NameExtension }
        .Where(s => !string.IsNullOrWhiteSpace(s)));

    internal static async Task<string> ActorNameAsync(BarangayDbContext db, Caller caller, CancellationToken ct)
    {
        if (caller.UserId is not { } id) return caller.Name ?? "the system";
        var full = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(full) ? caller.Name ?? "someone" : full;
    }

    private async Task DispatchAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count > 0 && emails is not null) await emails.DispatchAsync(ids, ct);
    }
}
