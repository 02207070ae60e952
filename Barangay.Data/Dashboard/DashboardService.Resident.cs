using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Events;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Dashboard;

/// <summary>The resident's home: only the caller's own requests, complaints, registrations, announcements and messages.</summary>
public sealed partial class DashboardService
{
    public const int ComplaintsShown = 5;
    public const int RequestsShown = 5;
    public const int RegistrationsShown = 5;

    public async Task<ResidentHome?> GetResidentHomeAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Dashboard.Resident) || caller.UserId is not { } userId) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await db.ConversationParticipants.AsNoTracking().Where(p => p.UserId == userId).SumAsync(p => p.UnreadCount, ct);
        var feed = (await announcements.FeedPageAsync(0, ResidentHome.AnnouncementsShown, ct)).Items;
        // Only the caller's own resident record: another resident's data is never reachable from here.
        var me = await db.Residents.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.FirstName, r.LastName }).FirstOrDefaultAsync(ct);
        if (me is null) return new ResidentHome(null, [], [], [], feed, unread);

        var openRequests = db.DocumentRequests.AsNoTracking().Where(r => r.ResidentId == me.Id && DocumentRequestStatuses.Open.Contains(r.Status));
        var openRequestCount = await openRequests.CountAsync(ct);
        var requests = await openRequests
            .OrderBy(r => r.DueAt ?? r.SubmittedAt).ThenBy(r => r.Id).Take(RequestsShown)
            .Select(r => new { r.Id, r.RequestId, r.Type, r.Status, r.DueAt, r.Metadata, r.PaymentInfo }).ToListAsync(ct);
        var types = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType)
            .ToDictionaryAsync(l => l.Code, l => l.Label, ct);
        var openComplaintCount = await db.Complaints.AsNoTracking().CountAsync(c => c.ResidentId == me.Id && ComplaintStatuses.Open.Contains(c.Status), ct);
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.ResidentId == me.Id)
            .OrderByDescending(c => ComplaintStatuses.Open.Contains(c.Status)).ThenByDescending(c => c.ReportedAt).ThenBy(c => c.Id)
            .Take(ComplaintsShown)
            .Select(c => new { c.Id, c.ComplaintId, c.Category, c.Subject, c.Status, c.ReportedAt, c.Confidential }).ToListAsync(ct);
        var categories = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.ComplaintCategory)
            .ToDictionaryAsync(l => l.Code, l => l.Label, ct);
        // The same definition as the events page's "My registrations", which the card opens.
        var upcoming = from g in MyEventRegistrations.Upcoming(db, me.Id, now)
                       join e in db.Events.AsNoTracking() on g.EventId equals e.Id
                       orderby e.StartAt, e.Id
                       select new MyRegistrationCard(e.Id, e.Title, e.StartAt, e.Venue, g.Status);
        var registrationCount = await upcoming.CountAsync(ct);
        var registrations = await upcoming.Take(RegistrationsShown).ToListAsync(ct);

        return new ResidentHome(
            $"{me.FirstName} {me.LastName}",
            requests.Select(r =>
            {
                var meta = DocumentRequestMetadata.Parse(r.Metadata);
                var settled = meta.Fee <= 0 || PaymentInfo.Parse(r.PaymentInfo)?.Settled == true;
                return new MyRequestCard(r.Id, r.RequestId, meta.TypeLabel ?? types.GetValueOrDefault(r.Type, r.Type), r.Status,
                    NextStep(r.Status, settled), r.DueAt, r.DueAt < now && DocumentRequestStatuses.Pending.Contains(r.Status));
            }).ToList(),
            complaints.Select(c => new MyComplaintCard(c.Id, c.ComplaintId,
                ConfidentialComplaints.ListCategory(c.Confidential, categories.GetValueOrDefault(c.Category, c.Category)),
                ConfidentialComplaints.ListSubject(c.Confidential, c.Subject), c.Status, c.ReportedAt, c.Confidential)).ToList(),
            registrations, feed, unread)
        {
            OpenRequestCount = openRequestCount, OpenComplaintCount = openComplaintCount, RegistrationCount = registrationCount,
        };
    }

    /// <summary>What happens next to a request, as a sentence the resident's page localizes (the English text is the key).</summary>
    public static string NextStep(string status, bool feeSettled) => status switch
    {
        DocumentRequestStatuses.Approved => "Ready: claim it at the barangay hall.",
        _ when !feeSettled => "Pay the fee at the barangay hall (keep the official receipt).",
        DocumentRequestStatuses.Submitted => "The hall will review your request.",
        _ => "The hall is preparing your document.",
    };
}
