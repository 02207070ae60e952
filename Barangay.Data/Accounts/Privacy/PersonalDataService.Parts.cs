using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts.Privacy;

public sealed partial class PersonalDataService
{
    private static async Task<object?> HouseholdAsync(BarangayDbContext db, Resident me, CancellationToken ct)
    {
        var householdId = me.HouseholdId
                          ?? await db.HouseholdMembers.AsNoTracking().Where(m => m.ResidentId == me.Id).Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct);
        if (householdId is null) return null;
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return null;
        // Only the members' names and relations: the household is the resident's own, the rest of their records is not.
        var members = await (from m in db.HouseholdMembers.AsNoTracking()
                             join r in db.Residents.AsNoTracking() on m.ResidentId equals r.Id
                             where m.HouseholdId == h.Id
                             orderby r.LastName, r.FirstName
                             select new { r.Id, r.FirstName, r.MiddleName, r.LastName, r.NameExtension, m.Relation }).ToListAsync(ct);
        return new
        {
            h.HouseholdId, h.Purok, h.Address, YouAreHead = h.HeadResidentId == me.Id,
            Members = members.Select(m => new
            {
                Name = string.Join(' ', new[] { m.FirstName, m.MiddleName, m.LastName, m.NameExtension }.Where(s => !string.IsNullOrWhiteSpace(s))),
                m.Relation, IsYou = m.Id == me.Id, IsHead = m.Id == h.HeadResidentId,
            }).ToList(),
        };
    }

    private static async Task<List<object>> DocumentRequestsAsync(BarangayDbContext db, Guid residentId, CancellationToken ct) =>
        (await db.DocumentRequests.AsNoTracking().Where(d => d.ResidentId == residentId).OrderBy(d => d.SubmittedAt).ToListAsync(ct))
        .Select(d => (object)new
        {
            d.RequestId, d.Type, d.Status, d.SubmittedAt, d.DueAt, d.ProcessedAt, d.UpdatedAt,
            Details = Parse(d.Metadata), Payment = Parse(d.PaymentInfo), Attachments = Parse(d.Attachments),
        }).ToList();

    /// <summary>Complaints the resident filed (read through the existing entity; the complaints feature owns the rest).</summary>
    private static async Task<List<object>> ComplaintsAsync(BarangayDbContext db, Guid residentId, CancellationToken ct) =>
        (await db.Complaints.AsNoTracking().Where(c => c.ResidentId == residentId).OrderBy(c => c.ReportedAt).ToListAsync(ct))
        .Select(c => (object)new
        {
            c.ComplaintId, c.Category, c.Subcategory, c.Subject, c.Description, c.Purok, c.Location, c.Confidential, c.Status, c.Priority,
            c.ComplainantName, c.Contact, c.ReportedAt, c.UpdatedAt, c.ResolvedAt, c.ResolutionNotes, Attachments = Parse(c.Attachments),
        }).ToList();

    private static async Task<List<object>> EventRegistrationsAsync(BarangayDbContext db, Guid residentId, CancellationToken ct) =>
        (await (from r in db.EventRegistrations.AsNoTracking()
                join e in db.Events.AsNoTracking() on r.EventId equals e.Id
                where r.ResidentId == residentId
                orderby r.RegisteredAt
                select new { Event = e.Title, r.Status, r.RegisteredAt }).ToListAsync(ct)).Cast<object>().ToList();

    /// <summary>Self-registrations: the account's own (its id is in the payload) or the ones linked to the resident record.</summary>
    private static async Task<List<object>> RegistrationsAsync(BarangayDbContext db, Guid userId, Guid? residentId, CancellationToken ct)
    {
        var byUser = $"{{\"user_id\":\"{userId}\"}}";
        var rows = await db.RegistrationsPending.AsNoTracking()
            .Where(r => EF.Functions.JsonContains(r.UserPayload, byUser) || (residentId != null && r.ReferenceResidentId == residentId))
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return rows.Select(r => (object)new { r.RegistrationId, r.Status, r.CreatedAt, r.UpdatedAt, r.EstimatedReviewEta, Submitted = Parse(r.UserPayload) }).ToList();
    }

    /// <summary>Conversations the person takes part in, with every message; the hall's side is named "Barangay hall".</summary>
    private static async Task<List<object>> ConversationsAsync(BarangayDbContext db, Guid userId, Guid? residentId, CancellationToken ct)
    {
        var ids = await db.Conversations.AsNoTracking()
            .Where(c => (residentId != null && c.ResidentId == residentId) || c.CreatedBy == userId
                        || db.ConversationParticipants.Any(p => p.ConversationId == c.Id && p.UserId == userId))
            .Select(c => c.Id).ToListAsync(ct);
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var messages = (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.ConversationId)).OrderBy(m => m.CreatedAt).ToListAsync(ct))
            .ToLookup(m => m.ConversationId);
        return conversations.Select(c => (object)new
        {
            c.Subject, c.CreatedAt, AboutType = c.LinkType,
            Messages = messages[c.Id].Select(m => new
            {
                From = m.SenderUserId == userId || (residentId != null && m.SenderResidentId == residentId) ? "You" : "Barangay hall",
                m.Body, m.CreatedAt, Attachments = Parse(m.Attachments),
            }).ToList(),
        }).ToList();
    }

    private static async Task<List<object>> NotificationsAsync(BarangayDbContext db, Guid userId, CancellationToken ct) =>
        (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).ToListAsync(ct))
        .Select(n => (object)new { n.Type, Content = Parse(n.Payload), n.Read, n.CreatedAt }).ToList();

    /// <summary>Sign-ins: when, where from and with what browser; never the token or its hash.</summary>
    private static async Task<List<object>> SessionsAsync(BarangayDbContext db, Guid userId, CancellationToken ct) =>
        (await db.Sessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.IssuedAt)
            .Select(s => new { s.IssuedAt, s.ExpiresAt, s.Revoked, s.IpAddress, s.UserAgent }).ToListAsync(ct)).Cast<object>().ToList();

    private static async Task<List<object>> CorrectionsAsync(BarangayDbContext db, Guid residentId, CancellationToken ct) =>
        (await db.AuditLogs.AsNoTracking()
            .Where(a => a.ActionType == ProfileCorrections.AuditAction && a.TargetId == residentId.ToString())
            .OrderBy(a => a.Timestamp).Select(a => new { a.Timestamp, a.Details }).ToListAsync(ct))
        .Select(a => CorrectionDetails.Parse(a.Details) is { } d
            ? (object)new { AskedAt = a.Timestamp, d.Label, d.Requested, d.Note }
            : new { AskedAt = a.Timestamp, Label = (string?)null, Requested = (string?)null, Note = (string?)null }).ToList();
}
