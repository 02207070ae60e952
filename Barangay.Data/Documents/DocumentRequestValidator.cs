using System.Globalization;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>The rules a new request must meet; each broken rule is a message naming the field.</summary>
public static class DocumentRequestValidator
{
    public static Dictionary<string, string> Validate(NewDocumentRequest input, DocumentType type, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var purpose = (input.Purpose ?? "").Trim();
        if (purpose.Length == 0) errors[nameof(input.Purpose)] = "Purpose is required (for example: employment, school, bank account).";
        else if (purpose.Length > DocumentRequestService.MaxPurpose) errors[nameof(input.Purpose)] = $"Purpose is longer than {DocumentRequestService.MaxPurpose} characters.";
        foreach (var field in type.Fields)
        {
            var value = input.Fields.TryGetValue(field.Key, out var v) ? (v ?? "").Trim() : "";
            if (value.Length == 0)
            {
                if (field.Required) errors[field.Key] = $"{field.Label} is required for {type.Label}.";
                continue;
            }
            if (value.Length > DocumentField.MaxLength) errors[field.Key] = $"{field.Label} is longer than {DocumentField.MaxLength} characters.";
            else if (field.Kind == DocumentField.Date)
            {
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    errors[field.Key] = $"{field.Label} must be a date (YYYY-MM-DD).";
                else if (d > today) errors[field.Key] = $"{field.Label} cannot be in the future.";
                else if (field.Key == "resident_since" && type.MinResidenceMonths > 0 && d > today.AddMonths(-type.MinResidenceMonths))
                    errors[field.Key] = $"{type.Label} needs at least {type.MinResidenceMonths} months' residence in the barangay (since {today.AddMonths(-type.MinResidenceMonths):MMM d, yyyy} or earlier).";
            }
        }
        if (type.NeedsOath && !input.Oath) errors[nameof(input.Oath)] = $"{type.Label} needs the Oath of Undertaking: tick the box to take it.";
        if (input.AttachmentIds.Distinct().Count() > DocumentRequestService.MaxAttachments)
            errors[nameof(input.AttachmentIds)] = $"Attach at most {DocumentRequestService.MaxAttachments} files.";
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
                errors[nameof(NewDocumentRequest.AttachmentIds)] = "One of the attachments was not found; upload it again.";
            else if (!allowed.Contains(f.ContentType ?? ""))
                errors[nameof(NewDocumentRequest.AttachmentIds)] = $"\"{f.FileName}\" is not a PDF or an image; attach {FileKindInfo.List(DocumentRequestService.AttachmentKinds)} files only.";
        }
    }
}
