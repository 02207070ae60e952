using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Messaging;

/// <summary>
/// Conversations between residents and the barangay hall: a resident writes to "the hall", officials with the
/// hall-inbox permission share those conversations and become participants when they reply; officials can also
/// write to a resident first (from the resident's, a complaint's or a request's page). Reading side in
/// MessagingService.Read.cs, the transaction that stores a message in MessagingService.Write.cs.
/// </summary>
public sealed partial class MessagingService(BarangayDb dbs, FileService files, FileLinkSigner links, IMessagingLive live, IEmailDispatcher email)
{
    public const string TargetType = "Conversation";
    public const string NotificationType = "message.new";
    public static readonly TimeSpan AttachmentLinkLifetime = TimeSpan.FromHours(1);

    /// <summary>A resident starts a conversation with the barangay hall (a subject and a first message).</summary>
    public async Task<ServiceResult<MessageSent>> StartWithHallAsync(string subject, NewMessage first, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (caller.UserId is not { } me || !caller.Can(Permissions.Messaging.Use)) return ServiceResult<MessageSent>.NotFound();
        if (await AlreadySentAsync(me, first.SendKey, ct) is { } sent) return ServiceResult<MessageSent>.Success(sent);
        var errors = MessageValidator.Check(subject, first, needsSubject: true);
        if (errors.Count > 0) return ServiceResult<MessageSent>.Invalid(errors);

        await using var probe = (await dbs.OpenAsync(ct)).Db;
        var resident = await probe.Residents.AsNoTracking().Where(r => r.UserId == me)
            .Select(r => new { r.Id }).FirstOrDefaultAsync(ct);
        if (resident is null)
            return ServiceResult<MessageSent>.Invalid("Resident", Localization.Texts.Say("Only a resident with a record in the barangay can write to the hall."));
        var attachments = await AttachmentsAsync(probe, me, first.AttachmentIds, ct);
        if (attachments.Error is not null) return ServiceResult<MessageSent>.Invalid("Attachments", attachments.Error);

        var start = new NewConversation(MessageValidator.CleanSubject(subject), resident.Id, null, [me], AwaitingReply: true);
        return await WriteAsync(caller, start, null, MessageValidator.CleanBody(first.Body), attachments.Items, resident.Id, ct, first.SendKey);
    }

    /// <summary>
    /// An official writes to a resident first, optionally about a complaint or a document request
    /// (<c>link</c>: <see cref="ConversationLinks"/> kind and the row's id, which must be that resident's).
    /// </summary>
    public async Task<ServiceResult<MessageSent>> StartWithResidentAsync(
        Guid residentId, string subject, string firstMessage, (string Kind, Guid Id)? link = null,
        IReadOnlyList<Guid>? attachmentIds = null, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (caller.UserId is not { } me || !caller.Can(Permissions.Messaging.HallInbox)) return ServiceResult<MessageSent>.NotFound();
        var first = new NewMessage(firstMessage, attachmentIds);
        var errors = MessageValidator.Check(subject, first, needsSubject: true);
        if (errors.Count > 0) return ServiceResult<MessageSent>.Invalid(errors);

        await using var probe = (await dbs.OpenAsync(ct)).Db;
        var resident = await probe.Residents.AsNoTracking().Where(r => r.Id == residentId)
            .Select(r => new { r.Id, r.UserId }).FirstOrDefaultAsync(ct);
        if (resident is null) return ServiceResult<MessageSent>.NotFound();
        if (resident.UserId is not { } residentUser)
            return ServiceResult<MessageSent>.Invalid("Resident", Localization.Texts.Say("This resident has no account on the app, so they cannot receive messages. Reach them by phone or at the hall."));
        ConversationLink? linked = null;
        if (link is { } l)
        {
            var linkError = await CheckLinkAsync(probe, residentId, l.Kind, l.Id, ct);
            if (linkError is not null) return ServiceResult<MessageSent>.Invalid("Link", linkError);
            linked = new ConversationLink(l.Kind, l.Id);
        }
        var attachments = await AttachmentsAsync(probe, me, first.AttachmentIds, ct);
        if (attachments.Error is not null) return ServiceResult<MessageSent>.Invalid("Attachments", attachments.Error);

        var start = new NewConversation(MessageValidator.CleanSubject(subject), residentId, linked, [me, residentUser], AwaitingReply: false);
        return await WriteAsync(caller, start, null, MessageValidator.CleanBody(firstMessage), attachments.Items, null, ct);
    }

    /// <summary>A reply in a conversation the caller may read; an official who replies becomes a participant.</summary>
    public async Task<ServiceResult<MessageSent>> SendAsync(Guid conversationId, NewMessage message, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (caller.UserId is not { } me) return ServiceResult<MessageSent>.NotFound();

        await using var probe = (await dbs.OpenAsync(ct)).Db;
        var access = caller.Can(Permissions.Messaging.Use) ? await AccessAsync(probe, caller, conversationId, ct) : null;
        if (access is null)
        {
            await RecordRefusalAsync(conversationId, "send", ct);
            return ServiceResult<MessageSent>.NotFound();
        }
        var errors = MessageValidator.Check(null, message, needsSubject: false);
        if (errors.Count > 0) return ServiceResult<MessageSent>.Invalid(errors);
        var attachments = await AttachmentsAsync(probe, me, message.AttachmentIds, ct);
        if (attachments.Error is not null) return ServiceResult<MessageSent>.Invalid("Attachments", attachments.Error);

        return await WriteAsync(caller, null, access, MessageValidator.CleanBody(message.Body), attachments.Items,
            access.CallerIsResident ? access.ResidentId : null, ct);
    }

    /// <summary>Uploads a file to attach to a message (PDF, JPEG or PNG, checked by content); send its id with the message.</summary>
    public async Task<FileUploadResult> AttachAsync(string fileName, Stream content, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Messaging.Use)) return FileUploadResult.Refused(Localization.Texts.Say("You cannot send messages."));
        return await files.UploadAsync(new FileUploadRequest(fileName, AllowedAttachments, FileSensitivity.MessageAttachment, "Message", null, caller.UserId), content, null, ct);
    }

    public const FileKinds AllowedAttachments = FileKinds.Documents;

    /// <summary>Who the caller is to a conversation, or null when they may not see it.</summary>
    private sealed record Access(Guid ConversationId, string Subject, Guid? ResidentId, Guid? ResidentUserId, bool IsParticipant, bool CallerIsResident);

    private static async Task<Access?> AccessAsync(BarangayDbContext db, Caller caller, Guid conversationId, CancellationToken ct)
    {
        if (caller.UserId is not { } me) return null;
        var c = await db.Conversations.AsNoTracking().Where(x => x.Id == conversationId)
            .Select(x => new
            {
                x.Id, x.Subject, x.ResidentId,
                ResidentUser = db.Residents.IgnoreQueryFilters().Where(r => r.Id == x.ResidentId).Select(r => r.UserId).FirstOrDefault(),
                Participant = db.ConversationParticipants.Any(p => p.ConversationId == x.Id && p.UserId == me),
                Confidential = x.LinkType == ConversationLinks.Complaint && db.Complaints.Any(k => k.Id == x.LinkId && k.Confidential && k.AssignedTo != me),
                Vawc = x.LinkType == ConversationLinks.Complaint && db.Complaints.Any(k => k.Id == x.LinkId && k.Category == Complaints.Kp.KpIntakeRules.VawcCategory && k.AssignedTo != me),
            })
            .FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var isResident = c.ResidentUser == me;
        if (!c.Participant && !isResident && !caller.Can(Permissions.Messaging.HallInbox)) return null;
        // The thread of a confidential complaint is for its parties, the assigned official and those who may see confidential complaints.
        if (c.Confidential && !c.Participant && !isResident && !caller.Can(Permissions.Complaints.ViewConfidential)) return null;
        // A VAWC complaint's thread: only the Punong Barangay (view_vawc) beside them (RA 9262, sec. 44; ComplaintService.HallMaySee).
        if (c.Vawc && !c.Participant && !isResident && !caller.Can(Permissions.Complaints.ViewVawc)) return null;
        return new Access(c.Id, c.Subject ?? "", c.ResidentId, c.ResidentUser, c.Participant, isResident);
    }

    private async Task RecordRefusalAsync(Guid conversationId, string what, CancellationToken ct)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        db.Record(AuditActions.View, TargetType, conversationId.ToString(), new { outcome = "refused", action = what });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<string?> CheckLinkAsync(BarangayDbContext db, Guid residentId, string kind, Guid id, CancellationToken ct)
    {
        if (!ConversationLinks.All.Contains(kind)) return $"A conversation can be about a complaint or a document request, not \"{kind}\".";
        var found = kind switch
        {
            ConversationLinks.Complaint => await db.Complaints.AsNoTracking().AnyAsync(x => x.Id == id && x.ResidentId == residentId, ct),
            ConversationLinks.DocumentRequest => await db.DocumentRequests.AsNoTracking().AnyAsync(x => x.Id == id && x.ResidentId == residentId, ct),
            _ => false,
        };
        return found ? null : Localization.Texts.Say("The complaint or request this conversation is about was not found for this resident.");
    }

    private sealed record AttachmentCheck(IReadOnlyList<MessageAttachment> Items, string? Error);

    /// <summary>The files must be the sender's own uploads made for messages (PDF, JPEG or PNG).</summary>
    private static async Task<AttachmentCheck> AttachmentsAsync(BarangayDbContext db, Guid me, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        var wanted = ids?.Distinct().ToArray() ?? [];
        if (wanted.Length == 0) return new AttachmentCheck([], null);
        var rows = await db.Files.AsNoTracking().Where(f => wanted.Contains(f.Id) && f.UploadedBy == me)
            .Select(f => new { f.Id, f.FileName, f.ContentType, f.SizeBytes, f.Metadata }).ToListAsync(ct);
        var allowed = FileKindInfo.All.Where(k => AllowedAttachments.HasFlag(k.Kind)).Select(k => k.ShortName.ToLowerInvariant()).ToHashSet();
        var items = new List<MessageAttachment>();
        foreach (var id in wanted)
        {
            var row = rows.FirstOrDefault(r => r.Id == id);
            if (row is null) return new AttachmentCheck([], Localization.Texts.Say("An attached file was not found. Attach it again."));
            var meta = FileMetadata.FromJson(row.Metadata);
            if (meta.Sensitivity != FileSensitivity.MessageAttachment || !allowed.Contains(meta.Kind))
                return new AttachmentCheck([], Localization.Texts.Say("\"{0}\" cannot be attached to a message: only {1} files can.", row.FileName, FileKindInfo.List(AllowedAttachments)));
            items.Add(new MessageAttachment(row.Id, row.FileName, row.ContentType ?? "application/octet-stream", row.SizeBytes ?? 0));
        }
        return new AttachmentCheck(items, null);
    }
}
