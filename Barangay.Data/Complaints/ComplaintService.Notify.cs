using Barangay.Data.Localization;
using Barangay.Data.Notifications;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints;

public sealed partial class ComplaintService
{
    /// <summary>The positions that triage new complaints: the Secretary and the Punong Barangay.</summary>
    public static readonly IReadOnlyList<string> TriagePositions = [OfficialPositions.Secretary, OfficialPositions.PunongBarangay];

    /// <summary>
    /// Tells the officials who triage that a complaint came in. A confidential one goes only to the Punong Barangay
    /// and says nothing of its content.
    /// </summary>
    private static async Task NotifyTriageAsync(BarangayDbContext db, Complaint c, Guid? except, CancellationToken ct)
    {
        var positions = c.Confidential ? [OfficialPositions.PunongBarangay] : TriagePositions;
        var users = await db.Officials.AsNoTracking()
            .Where(o => positions.Contains(o.Position) && o.Status == Officials.OfficialStatuses.Active)
            .Select(o => o.UserId).Distinct().ToListAsync(ct);
        users.RemoveAll(u => u == except);
        if (users.Count == 0) return;
        var text = ConfidentialComplaints.TriageNotice(c.Confidential, c.ComplaintId, c.Subject);
        var payload = NotificationPayload.From(text, $"/complaints/{c.Id}", new Dictionary<string, string> { ["complaint"] = c.Id.ToString() });
        var sent = await NotificationService.AddAsync(db, users, NotificationType, payload, ct);
        if (!sent.Succeeded) throw new InvalidOperationException(sent.Error);
    }

    /// <summary>
    /// A notification and (when the resident allows it) an email to the complainant, for the caller's SaveChanges; about a
    /// confidential complaint both say only that there is an update (<see cref="ConfidentialComplaints.Notice"/>).
    /// </summary>
    internal static async Task<List<Guid>> NotifyComplainantAsync(BarangayDbContext db, Complaint c, Resident resident, Message subject, Message text, CancellationToken ct)
    {
        // Every notice to a complainant passes here, so a confidential complaint's subject and text never reach a lock screen or an inbox.
        (subject, text) = ConfidentialComplaints.Notice(c.Confidential, c.ComplaintId, subject, text);
        if (resident.UserId is { } user)
        {
            var payload = NotificationPayload.From(text, $"/my/complaints/{c.Id}", new Dictionary<string, string> { ["complaint"] = c.Id.ToString() });
            var sent = await NotificationService.AddAsync(db, [user], NotificationType, payload, ct);
            if (!sent.Succeeded) throw new InvalidOperationException(sent.Error);
            await NoticeTexts.QueueAsync(db, [user], text, "complaint", ct);
        }
        var email = resident.Email;
        if (string.IsNullOrWhiteSpace(email) && resident.UserId is { } uid)
            email = await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@') || !MyPrivacy.Parse(resident.PrivacySettings).AllowEmailNotifications) return [];
        // In the complainant's language (their account's choice), whoever on the hall's side caused it.
        var row = await ReaderEmail.QueueAsync(db, resident.UserId, email, subject, text, resident.FirstName, "See it any time under My complaints.",
            new Dictionary<string, object?> { ["complaint"] = c.Id }, ct);
        return [row.Id];
    }

    private static string Shorten(string text) =>
        text.Length > NotificationPayloads.MaxTextLength ? text[..(NotificationPayloads.MaxTextLength - 1)] + "…" : text;
}
