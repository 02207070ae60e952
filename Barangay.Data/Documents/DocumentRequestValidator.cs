using System.Globalization;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>The rules a new request must meet; each broken rule is a message naming the field, in the requester's language (<see cref="Texts.Say"/>).</summary>
public static class DocumentRequestValidator
{
    public static Dictionary<string, string> Validate(NewDocumentRequest input, DocumentType type, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var purpose = (input.Purpose ?? "").Trim();
        if (purpose.Length == 0) errors[nameof(input.Purpose)] = Texts.Say("Purpose is required (for example: employment, school, bank account).");
        else if (purpose.Length > DocumentRequestService.MaxPurpose) errors[nameof(input.Purpose)] = Texts.Say("Purpose is longer than {0} characters.", DocumentRequestService.MaxPurpose);
        foreach (var field in type.Fields)
        {
            var value = input.Fields.TryGetValue(field.Key, out var v) ? (v ?? "").Trim() : "";
            if (value.Length == 0)
            {
                if (field.Required) errors[field.Key] = Texts.Say("{0} is required for {1}.", Texts.Say(field.Label), type.Label);
                continue;
            }
            if (value.Length > DocumentField.MaxLength) errors[field.Key] = Texts.Say("{0} is longer than {1} characters.", Texts.Say(field.Label), DocumentField.MaxLength);
            else if (field.Kind == DocumentField.Date)
            {
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    errors[field.Key] = Texts.Say("{0} must be a date (YYYY-MM-DD).", Texts.Say(field.Label));
                else if (d > today) errors[field.Key] = Texts.Say("{0} cannot be in the future.", Texts.Say(field.Label));
                else if (field.Key == "resident_since" && type.MinResidenceMonths > 0 && d > today.AddMonths(-type.MinResidenceMonths))
                    errors[field.Key] = Texts.Say("{0} needs at least {1} months' residence in the barangay (since {2:MMM d, yyyy} or earlier).", type.Label, type.MinResidenceMonths, today.AddMonths(-type.MinResidenceMonths));
            }
        }
        if (type.NeedsOath && !input.Oath) errors[nameof(input.Oath)] = Texts.Say("{0} needs the Oath of Undertaking: tick the box to take it.", type.Label);
        if (input.AttachmentIds.Distinct().Count() > DocumentRequestService.MaxAttachments)
            errors[nameof(input.AttachmentIds)] = Texts.Say("Attach at most {0} files.", DocumentRequestService.MaxAttachments);
        return errors;
    }

    /// <summary>Each attachment must be a file the caller uploaded (or may read) and a PDF or an image.</summary>
    internal static async Task CheckAttachmentsAsync(BarangayDbContext db, IReadOnlyCollection<Guid> ids, Caller caller, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var files = await db.Files.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.FileName, f.ContentType, f.UploadedBy, f.Metadata }).ToListAsync(ct);
        var allowed = FileKindInfo.All.Where(k => DocumentRequestService.AttachmentKinds.HasFlag(k.Kind)).Select(k => k.ContentType).ToHashSet();
        foreach (var id in ids.Distinct())
        {
            var f = files.FirstOrDefault(x => x.Id == id);
            if (f is null || !FileSensitivity.CanRead(caller, f.UploadedBy, FileMetadata.FromJson(f.Metadata)))
                errors[nameof(NewDocumentRequest.AttachmentIds)] = Texts.Say("One of the attachments was not found; upload it again.");
            else if (!allowed.Contains(f.ContentType ?? ""))
                errors[nameof(NewDocumentRequest.AttachmentIds)] = Texts.Say("\"{0}\" is not a PDF or an image; attach {1} files only.", f.FileName, FileKindInfo.List(DocumentRequestService.AttachmentKinds));
        }
    }
}
