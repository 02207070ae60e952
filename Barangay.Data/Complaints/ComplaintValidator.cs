using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints;

/// <summary>The rules a new complaint must meet; each broken rule is a message naming the field, in the filer's language (<see cref="Texts.Say"/>).</summary>
public static class ComplaintValidator
{
    public const int MaxSubject = 150;
    public const int MaxDescription = 5000;
    public const int MaxLocation = 300;
    public const int MaxName = 150;
    public const int MaxContact = 100;
    public const int MaxAttachments = 5;
    public const int MaxNote = 2000;

    public static Dictionary<string, string> Validate(NewComplaint input, bool hallEntry)
    {
        var errors = new Dictionary<string, string>();
        var description = (input.Description ?? "").Trim();
        if (description.Length == 0) errors[nameof(input.Description)] = Texts.Say("Describe what happened: the description is required.");
        else if (description.Length > MaxDescription)
            errors[nameof(input.Description)] = Texts.Say("The description is {0:N0} characters long; keep it to {1:N0} (attach a file for more).", description.Length, MaxDescription);
        var subject = (input.Subject ?? "").Trim();
        if (subject.Length == 0) errors[nameof(input.Subject)] = Texts.Say("Give the complaint a short subject.");
        else if (subject.Length > MaxSubject) errors[nameof(input.Subject)] = Texts.Say("The subject is longer than {0} characters.", MaxSubject);
        if ((input.Location ?? "").Trim().Length > MaxLocation) errors[nameof(input.Location)] = Texts.Say("The location is longer than {0} characters.", MaxLocation);
        if (string.IsNullOrWhiteSpace(input.Category)) errors[nameof(input.Category)] = Texts.Say("Choose what the complaint is about (the category).");
        if (input.AttachmentIds.Distinct().Count() > MaxAttachments) errors[nameof(input.AttachmentIds)] = Texts.Say("Attach at most {0} files.", MaxAttachments);
        if (hallEntry)
        {
            if (input.ResidentId is null && string.IsNullOrWhiteSpace(input.ComplainantName))
                errors[nameof(input.ComplainantName)] = Texts.Say("Choose the resident, or write the name of a complainant who is not in the register.");
            if ((input.ComplainantName ?? "").Trim().Length > MaxName) errors[nameof(input.ComplainantName)] = Texts.Say("The name is longer than {0} characters.", MaxName);
            if ((input.Contact ?? "").Trim().Length > MaxContact) errors[nameof(input.Contact)] = Texts.Say("The contact is longer than {0} characters.", MaxContact);
            if (input.Channel is not null && !ComplaintChannels.Hall.Contains(input.Channel))
                errors[nameof(input.Channel)] = Texts.Say("Say whether the complaint came in person (walk-in) or by phone.");
        }
        return errors;
    }

    /// <summary>The category, subcategory and purok must be values in the lookups (and the subcategory one of its category's).</summary>
    internal static async Task CheckLookupsAsync(BarangayDbContext db, NewComplaint input, Dictionary<string, string> errors, CancellationToken ct)
    {
        var codes = new[] { input.Category, input.Subcategory, input.Purok }.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        var values = await db.LookupValues.AsNoTracking()
            .Where(l => codes.Contains(l.Code) && !l.Retired &&
                        (l.Category == LookupCategories.ComplaintCategory || l.Category == LookupCategories.ComplaintSubcategory || l.Category == LookupCategories.Purok))
            .Select(l => new { l.Category, l.Code, l.Meta }).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(input.Category) && !values.Any(v => v.Category == LookupCategories.ComplaintCategory && v.Code == input.Category))
            errors[nameof(input.Category)] = Texts.Say("Choose a category from the list.");
        if (!string.IsNullOrWhiteSpace(input.Subcategory))
        {
            var sub = values.FirstOrDefault(v => v.Category == LookupCategories.ComplaintSubcategory && v.Code == input.Subcategory);
            if (sub is null || LookupUsage.ParentOf(sub.Meta) != input.Category)
                errors[nameof(input.Subcategory)] = Texts.Say("Choose a subcategory of the chosen category.");
        }
        if (!string.IsNullOrWhiteSpace(input.Purok) && !values.Any(v => v.Category == LookupCategories.Purok && v.Code == input.Purok))
            errors[nameof(input.Purok)] = Texts.Say("Choose a purok from the list.");
    }

    /// <summary>Each attachment must be a complaint attachment the caller uploaded, a PDF or an image.</summary>
    internal static async Task CheckAttachmentsAsync(BarangayDbContext db, IReadOnlyCollection<Guid> ids, Caller caller, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var files = await db.Files.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.FileName, f.UploadedBy, f.Metadata }).ToListAsync(ct);
        foreach (var id in ids.Distinct())
        {
            var f = files.FirstOrDefault(x => x.Id == id);
            var meta = f is null ? null : FileMetadata.FromJson(f.Metadata);
            if (f is null || meta is null || f.UploadedBy != caller.UserId || meta.Sensitivity != FileSensitivity.ComplaintAttachment)
                errors[nameof(NewComplaint.AttachmentIds)] = Texts.Say("One of the attachments was not found; attach it again.");
        }
    }
}
