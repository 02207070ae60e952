using Barangay.Data.Audit;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Messaging;

/// <summary>The reading half: a participant's conversations, the hall inbox, one conversation (marked read), badges.</summary>
public sealed partial class MessagingService
{
    public const int MaxPageSize = 100;
    public const int MaxMessagesShown = 500;
    private const int PreviewLength = 120;

    /// <summary>Unread messages over all of the caller's conversations (the badge on "Messages").</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me || !caller.Can(Permissions.Messaging.Use)) return 0;
        return await db.ConversationParticipants.AsNoTracking().Where(p => p.UserId == me).SumAsync(p => p.UnreadCount, ct);
    }

    /// <summary>Hall conversations whose last message is the resident's (the badge on "Hall inbox").</summary>
    public async Task<int> AwaitingReplyCountAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        return await HallInboxVisible(db, caller).CountAsync(c => c.AwaitingReply, ct);
    }

    /// <summary>
    /// The hall inbox's visibility rule, the one filter behind the inbox list and every count of it (the menu badge, the
    /// official home's card): nothing without the hall-inbox permission, and a confidential complaint's thread only for
    /// its participants, the official it is assigned to and those who may see confidential complaints.
    /// </summary>
    internal static IQueryable<Conversation> HallInboxVisible(BarangayDbContext db, Caller caller)
    {
        var q = WrittenIn(db, db.Conversations.AsNoTracking());
        if (caller.UserId is not { } me || !caller.Can(Permissions.Messaging.HallInbox)) return q.Where(_ => false);
        var seesConfidential = caller.Can(Permissions.Complaints.ViewConfidential);
        // A VAWC complaint's thread follows the complaint's own rule (RA 9262, sec. 44: ComplaintService.HallMaySee): the
        // Punong Barangay (view_vawc) and the assigned official, not every holder of view_confidential.
        var seesVawc = caller.Can(Permissions.Complaints.ViewVawc);
        if (seesConfidential && seesVawc) return q;
        var vawc = Complaints.Kp.KpIntakeRules.VawcCategory;
        return q.Where(c => c.LinkType != ConversationLinks.Complaint || db.ConversationParticipants.Any(p => p.ConversationId == c.Id && p.UserId == me)
            || !db.Complaints.Any(k => k.Id == c.LinkId && k.AssignedTo != me && ((k.Confidential && !seesConfidential) || (k.Category == vawc && !seesVawc))));
    }

    /// <summary>
    /// Conversations someone wrote in. Threads opened by the system alone (complaints filed before a complaint's thread
    /// waited for its first message, whose only message has no sender) are listed nowhere.
    /// </summary>
    private static IQueryable<Conversation> WrittenIn(BarangayDbContext db, IQueryable<Conversation> q) =>
        q.Where(c => db.Messages.Any(m => m.ConversationId == c.Id && m.SenderUserId != null));

    /// <summary>The caller's conversations, unread first, then the most recent.</summary>
    public async Task<IReadOnlyList<ConversationRow>> ListMineAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me || !caller.Can(Permissions.Messaging.Use)) return [];
        var q = WrittenIn(db, db.Conversations.AsNoTracking())
            .Where(c => db.ConversationParticipants.Any(p => p.ConversationId == c.Id && p.UserId == me))
            .OrderByDescending(c => c.LastMessageAt).ThenBy(c => c.Id);
        var rows = await Project(db, q, me).Take(MaxPageSize).ToListAsync(ct);
        return rows.Select(Row).OrderByDescending(r => r.Unread > 0).ThenByDescending(r => r.LastMessageAt).ToList();
    }

    /// <summary>The hall's shared inbox: unanswered first, then the most recent; filters by resident, purok and linked item.</summary>
    public async Task<HallInboxList> ListHallInboxAsync(HallInboxFilter filter, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me || !caller.Can(Permissions.Messaging.HallInbox)) return new HallInboxList([], 0, 0);
        size = Math.Clamp(size, 1, MaxPageSize);
        page = Math.Max(0, page);
        var q = HallInboxVisible(db, caller);
        if (filter.ResidentId is { } rid) q = q.Where(c => c.ResidentId == rid);
        if (!string.IsNullOrWhiteSpace(filter.Purok))
            q = q.Where(c => db.Residents.IgnoreQueryFilters().Any(r => r.Id == c.ResidentId && r.Purok == filter.Purok));
        if (filter.Link is { } link) q = q.Where(c => c.LinkType == link.Kind && c.LinkId == link.Id);
        foreach (var term in NameTerms(filter.Name))
        {
            // Every word of the name must be in the resident's first, middle or last name ("dela cruz juan" finds Juan Dela Cruz).
            var like = "%" + term + "%";
            q = q.Where(c => db.Residents.IgnoreQueryFilters().Any(r => r.Id == c.ResidentId &&
                (EF.Functions.ILike(r.LastName, like) || EF.Functions.ILike(r.FirstName, like) || EF.Functions.ILike(r.MiddleName ?? "", like))));
        }
        var awaiting = await q.CountAsync(c => c.AwaitingReply, ct);
        if (filter.OnlyAwaiting) q = q.Where(c => c.AwaitingReply);
        var total = await q.CountAsync(ct);
        var ordered = q.OrderByDescending(c => c.AwaitingReply).ThenByDescending(c => c.LastMessageAt).ThenBy(c => c.Id)
            .Skip(page * size).Take(size);
        var rows = await Project(db, ordered, me).ToListAsync(ct);
        return new HallInboxList(rows.Select(Row).ToList(), total, awaiting);
    }

    /// <summary>One conversation with its messages (oldest first, newest at the bottom); marks it read for a participant.</summary>
    public async Task<ConversationView?> OpenAsync(Guid conversationId, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me) return null;
        var access = caller.Can(Permissions.Messaging.Use) ? await AccessAsync(db, caller, conversationId, ct) : null;
        if (access is null)
        {
            db.Record(AuditActions.View, TargetType, conversationId.ToString(), new { outcome = "refused", action = "open" });
            await db.SaveChangesAsync(ct);
            return null;
        }
        var head = await Project(db, db.Conversations.AsNoTracking().Where(c => c.Id == conversationId), me).FirstAsync(ct);
        var messages = await (from m in db.Messages.AsNoTracking()
                              where m.ConversationId == conversationId
                              orderby m.CreatedAt descending, m.Id descending
                              select new
                              {
                                  m.Id, m.SenderUserId, m.SenderResidentId, m.Body, m.Attachments, m.CreatedAt,
                                  Name = db.Users.IgnoreQueryFilters().Where(u => u.Id == m.SenderUserId).Select(u => u.FullName).FirstOrDefault(),
                              })
            .Take(MaxMessagesShown).ToListAsync(ct);
        messages.Reverse();
        var rows = messages.Select(m => new MessageRow(
            m.Id, conversationId, m.Name ?? "Former user", m.SenderUserId != access.ResidentUserId, m.SenderUserId == me,
            m.Body ?? "", DateTime.SpecifyKind(m.CreatedAt, DateTimeKind.Utc), Links(MessageAttachments.Parse(m.Attachments), me),
            System: m.SenderUserId is null)).ToList();

        if (access.IsParticipant && head.Unread > 0) await MarkReadCoreAsync(db, conversationId, me, ct);
        var r = Row(head);
        return new ConversationView(conversationId, r.Subject, access.ResidentId, r.ResidentName, r.ResidentCode, r.Purok, r.Link,
            r.AwaitingReply, access.IsParticipant, rows);
    }

    /// <summary>The words of a name search, with LIKE's wildcards escaped; at most five.</summary>
    private static IEnumerable<string> NameTerms(string? name) =>
        (name ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5)
            .Select(t => t.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_"));

    /// <summary>Marks the conversation read for the caller (when a message arrives while it is open).</summary>
    public async Task MarkReadAsync(Guid conversationId, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me) return;
        await MarkReadCoreAsync(db, conversationId, me, ct);
    }

    private async Task MarkReadCoreAsync(BarangayDbContext db, Guid conversationId, Guid me, CancellationToken ct)
    {
        var now = Common.ContextClock.UtcNow(db);
        var changed = await db.ConversationParticipants.Where(p => p.ConversationId == conversationId && p.UserId == me && p.UnreadCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnreadCount, 0).SetProperty(p => p.LastReadAt, now), ct);
        if (changed > 0) await live.ReadAsync(me, conversationId);
    }

    private sealed record Projected(
        Conversation c, string? First, string? Middle, string? Last, string? Code, string? Purok, string? LastBody,
        string? LastAttachments, string? LastSender, int Unread, bool Confidential);

    private static IQueryable<Projected> Project(BarangayDbContext db, IQueryable<Conversation> q, Guid me) =>
        q.Select(c => new Projected(
            c,
            db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.FirstName).FirstOrDefault(),
            db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.MiddleName).FirstOrDefault(),
            db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.LastName).FirstOrDefault(),
            db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.ResidentId).FirstOrDefault(),
            db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId)
                .Select(r => db.LookupValues.Where(l => l.Category == LookupCategories.Purok && l.Code == r.Purok).Select(l => l.Label).FirstOrDefault() ?? r.Purok)
                .FirstOrDefault(),
            db.Messages.Where(m => m.ConversationId == c.Id).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => m.Body).FirstOrDefault(),
            db.Messages.Where(m => m.ConversationId == c.Id).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => m.Attachments).FirstOrDefault(),
            db.Messages.Where(m => m.ConversationId == c.Id).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                .Select(m => db.Users.IgnoreQueryFilters().Where(u => u.Id == m.SenderUserId).Select(u => u.FullName).FirstOrDefault()).FirstOrDefault(),
            db.ConversationParticipants.Where(p => p.ConversationId == c.Id && p.UserId == me).Select(p => p.UnreadCount).FirstOrDefault(),
            c.LinkType == ConversationLinks.Complaint && db.Complaints.Any(k => k.Id == c.LinkId && k.Confidential)));

    /// <summary>The list's fixed texts (catalogue keys: the page shows them in the reader's language).</summary>
    public const string UnknownResident = "Unknown resident", AttachmentPreview = "(attachment)";

    private static ConversationRow Row(Projected p)
    {
        var name = p.Last is null ? UnknownResident : $"{p.Last}, {p.First}{(string.IsNullOrWhiteSpace(p.Middle) ? "" : " " + p.Middle)}";
        var preview = (p.LastBody ?? "").ReplaceLineEndings(" ");
        if (preview.Length == 0 && MessageAttachments.Parse(p.LastAttachments).Count > 0) preview = AttachmentPreview;
        if (preview.Length > PreviewLength) preview = preview[..(PreviewLength - 1)] + "…";
        // A confidential complaint's thread says nothing of itself in a list (a shared family phone): its subject is already neutral.
        if (p.Confidential) preview = Complaints.ConfidentialComplaints.HiddenPreview;
        var link = p.c.LinkType is { } kind && p.c.LinkId is { } id ? new ConversationLink(kind, id) : null;
        return new ConversationRow(p.c.Id, p.c.Subject ?? "", name, p.Code, p.Purok, link, p.LastSender ?? "", preview,
            p.c.LastMessageAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, p.c.AwaitingReply, p.Unread);
    }

    /// <summary>Links issued to <paramref name="reader"/>, who was just checked to be allowed the conversation: their downloads are audited in their name.</summary>
    private IReadOnlyList<AttachmentLink> Links(IReadOnlyList<MessageAttachment> items, Guid reader) =>
        items.Select(a => new AttachmentLink(a.FileId, a.FileName, a.ContentType, a.SizeBytes, links.Sign(a.FileId, AttachmentLinkLifetime, reader))).ToList();
}
