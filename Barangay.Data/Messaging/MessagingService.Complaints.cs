using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Messaging;

/// <summary>
/// A complaint's one thread. Filing a complaint opens no conversation (an automatic "Complaint … was filed" message
/// flooded the hall inbox and read as if the resident had written it); the first person who writes about the
/// complaint, its complainant or an official who may see it, opens the thread, and everyone after writes into it.
/// </summary>
public sealed partial class MessagingService
{
    public async Task<ServiceResult<MessageSent>> WriteAboutComplaintAsync(Guid complaintId, NewMessage message, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (caller.UserId is not { } me || !caller.Can(Permissions.Messaging.Use)) return ServiceResult<MessageSent>.NotFound();

        await using var probe = (await dbs.OpenAsync(ct)).Db;
        var c = await probe.Complaints.AsNoTracking().Where(x => x.Id == complaintId)
            .Select(x => new
            {
                x.ComplaintId, x.Subject, x.Confidential, x.ResidentId, x.AssignedTo, x.Category,
                ResidentUser = probe.Residents.IgnoreQueryFilters().Where(r => r.Id == x.ResidentId).Select(r => r.UserId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (c?.ResidentId is not { } residentId) return ServiceResult<MessageSent>.NotFound();
        var complainant = c.ResidentUser == me;
        if (!complainant && !(caller.Can(Permissions.Messaging.HallInbox) && ComplaintService.HallMaySee(caller, c.Confidential, c.AssignedTo, c.Category)))
            return ServiceResult<MessageSent>.NotFound();

        var existing = await ThreadOfAsync(probe, complaintId, ct);
        if (existing is { } thread) return await SendAsync(thread, message, ct);

        if (c.ResidentUser is not { } residentUser)
            return ServiceResult<MessageSent>.Invalid("Resident", Localization.Texts.Say("The complainant has no account on the app, so they cannot receive messages. Reach them by phone or at the hall."));
        var errors = MessageValidator.Check(null, message, needsSubject: false);
        if (errors.Count > 0) return ServiceResult<MessageSent>.Invalid(errors);
        var attachments = await AttachmentsAsync(probe, me, message.AttachmentIds, ct);
        if (attachments.Error is not null) return ServiceResult<MessageSent>.Invalid("Attachments", attachments.Error);

        var start = new NewConversation(ThreadSubject(c.ComplaintId, c.Subject, c.Confidential), residentId,
            new ConversationLink(ConversationLinks.Complaint, complaintId), complainant ? [me] : [me, residentUser], AwaitingReply: complainant);
        try
        {
            return await WriteAsync(caller, start, null, MessageValidator.CleanBody(message.Body), attachments.Items, complainant ? residentId : null, ct);
        }
        catch (Exception e) when (IsComplaintThreadTaken(e))
        {
            // Someone else opened the complaint's thread at the same moment (the unique index let one through): write
            // into theirs, so the complaint keeps one thread and this message is not lost.
            await using var again = (await dbs.OpenAsync(ct)).Db;
            if (await ThreadOfAsync(again, complaintId, ct) is not { } won) throw;
            return await SendAsync(won, message, ct);
        }
    }

    private static bool IsComplaintThreadTaken(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == ConversationConfiguration.ComplaintThreadIndex)
                return true;
        return false;
    }

    /// <summary>The complaint's thread, if anyone has written about it (one at most: <see cref="ConversationConfiguration.ComplaintThreadIndex"/>).</summary>
    internal static Task<Guid?> ThreadOfAsync(BarangayDbContext db, Guid complaintId, CancellationToken ct) =>
        db.Conversations.AsNoTracking().Where(x => x.LinkType == ConversationLinks.Complaint && x.LinkId == complaintId)
            .OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);

    /// <summary>The subject of a confidential complaint's thread says nothing of what it is about: the hall inbox lists it.</summary>
    private static string ThreadSubject(string complaintId, string? subject, bool confidential)
    {
        var text = confidential ? $"Confidential complaint {complaintId}" : $"Complaint {complaintId}: {subject}";
        return text.Length > 200 ? text[..199] + "…" : text;
    }
}
