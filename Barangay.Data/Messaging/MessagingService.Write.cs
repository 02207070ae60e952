using Barangay.Data.Audit;
using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Barangay.Data.Notifications;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Messaging;

/// <summary>The one transaction that stores a message, its conversation's state, the unread counters and the notices.</summary>
public sealed partial class MessagingService
{
    private sealed record NewConversation(string Subject, Guid ResidentId, ConversationLink? Link, IReadOnlyList<Guid> Participants, bool AwaitingReply);

    /// <summary>
    /// Locks the conversation row first (so messages into one conversation queue there and the counters below can
    /// never deadlock), makes an official sender a participant, adds one to every other participant's unread
    /// count with a single UPDATE, and clears the sender's own.
    /// </summary>
    private const string ReplySql = """
        UPDATE conversations SET last_message_at = now(), awaiting_reply = @awaiting, updated_at = now() WHERE id = @c;
        INSERT INTO conversation_participants (id, conversation_id, user_id, unread_count, last_read_at)
        VALUES (gen_random_uuid(), @c, @me, 0, now()) ON CONFLICT (conversation_id, user_id) DO NOTHING;
        UPDATE conversation_participants SET unread_count = unread_count + 1 WHERE conversation_id = @c AND user_id <> @me
        RETURNING user_id, unread_count;
        UPDATE conversation_participants SET unread_count = 0, last_read_at = now() WHERE conversation_id = @c AND user_id = @me;
        """;

    private async Task<ServiceResult<MessageSent>> WriteAsync(
        Caller caller, NewConversation? start, Access? access, string body, IReadOnlyList<MessageAttachment> attachments,
        Guid? senderResidentId, CancellationToken ct, Guid? sendKey = null)
    {
        var me = caller.UserId!.Value;
        var conversationId = start is null ? access!.ConversationId : Guid.NewGuid();
        var messageId = sendKey ?? Guid.NewGuid(); // the form's key is the message's id: sent twice, the second finds the first
        var (first, _) = await dbs.OpenAsync(ct);
        await using var __ = first;
        // A fresh context per attempt: a retried transaction (40001 on CockroachDB, a deadlock here) starts clean.
        var written = await first.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var (db, _) = await dbs.OpenAsync(token);
            await using var ___ = db;
            await using var tx = await db.Database.BeginTransactionAsync(token);
            List<(Guid User, int Unread)> others;
            string subject;
            if (start is not null)
            {
                subject = start.Subject;
                others = StartConversation(db, me, conversationId, start);
            }
            else
            {
                subject = access!.Subject;
                others = await BumpAsync(db, conversationId, me, access.CallerIsResident, token);
            }

            var message = new Message
            {
                Id = messageId,
                ConversationId = conversationId,
                SenderUserId = me,
                SenderResidentId = senderResidentId,
                Body = body.Length == 0 ? null : body,
                Attachments = MessageAttachments.Serialize(attachments),
            };
            db.Messages.Add(message);
            // The text itself stays out of the trail (it is private correspondence); its size and files do not.
            db.Record(AuditActions.Create, "Message", messageId.ToString(), new
            {
                conversation_id = conversationId, length = body.Length, attachments = attachments.Select(a => a.FileName).ToArray(),
            });

            var senderName = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.FullName).FirstAsync(token);
            // One notice per unread run: only a participant whose count just went from 0 to 1, and who is not online.
            var notify = others.Where(o => o.Unread == 1 && !live.IsOnline(o.User)).Select(o => o.User).ToList();
            var emails = await NoticesAsync(db, notify, conversationId, subject, senderName, token);
            if (start is { AwaitingReply: true }) await NotifyHallAsync(db, me, conversationId, subject, senderName, token);

            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            var row = new MessageRow(messageId, conversationId, senderName, !(start?.AwaitingReply ?? access!.CallerIsResident), true,
                body, DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc), []);
            return (Row: row, Emails: emails, Participants: others.Select(o => o.User).Append(me).ToList());
        }, ct);

        if (written.Emails.Count > 0) await email.DispatchAsync(written.Emails, ct);
        await live.MessageSentAsync(conversationId, messageId, written.Participants);
        return ServiceResult<MessageSent>.Success(new MessageSent(conversationId, written.Row with { Attachments = Links(attachments, me) }));
    }

    private static List<(Guid User, int Unread)> StartConversation(BarangayDbContext db, Guid me, Guid id, NewConversation start)
    {
        db.Conversations.Add(new Conversation
        {
            Id = id,
            Subject = start.Subject,
            ResidentId = start.ResidentId,
            CreatedBy = me,
            LinkType = start.Link?.Kind,
            LinkId = start.Link?.Id,
            AwaitingReply = start.AwaitingReply,
            LastMessageAt = db.UtcNow(),
        });
        var others = new List<(Guid, int)>();
        foreach (var user in start.Participants.Distinct())
        {
            var mine = user == me;
            db.ConversationParticipants.Add(new ConversationParticipant
            {
                Id = Guid.NewGuid(), ConversationId = id, UserId = user, UnreadCount = mine ? 0 : 1, LastReadAt = mine ? db.UtcNow() : null,
            });
            if (!mine) others.Add((user, 1));
        }
        db.Record(AuditActions.Create, TargetType, id.ToString(), new
        {
            subject = start.Subject, resident_id = start.ResidentId, link_type = start.Link?.Kind, link_id = start.Link?.Id,
            participants = start.Participants.Count,
        });
        return others;
    }

    private static async Task<List<(Guid User, int Unread)>> BumpAsync(BarangayDbContext db, Guid conversationId, Guid me, bool fromResident, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(ReplySql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<bool>("awaiting", fromResident));
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("c", conversationId));
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("me", me));
        var bumped = new List<(Guid, int)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct)) bumped.Add((reader.GetGuid(0), reader.GetInt32(1)));
        }
        while (await reader.NextResultAsync(ct));
        return bumped;
    }

    /// <summary>In-app notifications to <paramref name="users"/>, and emails to those who allow them; returns the email ids.</summary>
    private static async Task<List<Guid>> NoticesAsync(BarangayDbContext db, List<Guid> users, Guid conversationId, string subject, string senderName, CancellationToken ct)
    {
        if (users.Count == 0) return [];
        // Kept as a catalogue key: each reader sees it in their own language, not the sender's.
        var notice = new Localization.Message("New message from {0}: {1}", senderName, Shorten(subject, 300));
        var payload = NotificationPayload.From(notice, $"/messages/{conversationId}", new Dictionary<string, string> { ["conversation"] = conversationId.ToString() });
        await NotificationService.AddAsync(db, users, NotificationType, payload, ct);
        await NoticeTexts.QueueAsync(db, users, notice, "messaging", ct);
        var languages = await Localization.ReaderEmail.LanguagesAsync(db, users, ct);

        var recipients = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.Email,
                ResidentEmail = db.Residents.Where(r => r.UserId == u.Id).Select(r => r.Email).FirstOrDefault(),
                Privacy = db.Residents.Where(r => r.UserId == u.Id).Select(r => r.PrivacySettings).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = new List<Guid>();
        foreach (var r in recipients)
        {
            // A resident's own choice on "My profile"; officials (no resident record) have email on.
            if (!MyPrivacy.Parse(r.Privacy).AllowEmailNotifications) continue;
            var address = string.IsNullOrWhiteSpace(r.Email) ? r.ResidentEmail : r.Email;
            if (string.IsNullOrWhiteSpace(address) || !address.Contains('@', StringComparison.Ordinal)) continue;
            var lang = languages.GetValueOrDefault(r.Id, Localization.AppLanguages.EnglishCulture);
            var body = string.Join("\n\n",
                Localization.Texts.Format("You have a new message from {0} in the barangay app, about \"{1}\".", lang, senderName, subject),
                Localization.Texts.Get("Sign in and open Messages to read it and reply.", lang),
                Localization.Texts.Get("This is an automatic email; please do not reply to it.", lang));
            ids.Add(EmailOutbox.Queue(db, address, Shorten(Localization.Texts.Format("New message: {0}", lang, subject), 200), body,
                new { source = "messaging", conversation = conversationId, lang = lang.Name }).Id);
        }
        return ids;
    }

    /// <summary>A resident's new conversation: every official of the hall inbox who is not online gets an in-app notification.</summary>
    private async Task NotifyHallAsync(BarangayDbContext db, Guid me, Guid conversationId, string subject, string senderName, CancellationToken ct)
    {
        var officials = await db.Users.AsNoTracking()
            .Where(u => u.Roles.Contains(AppRoles.Official) && u.Status == UserStatuses.Active && u.Id != me)
            .Select(u => u.Id).ToListAsync(ct);
        var offline = officials.Where(id => !live.IsOnline(id)).ToList();
        if (offline.Count == 0) return;
        var payload = NotificationPayload.From(new Localization.Message("New message to the hall from {0}: {1}", senderName, Shorten(subject, 300)),
            $"/messages/{conversationId}", new Dictionary<string, string> { ["conversation"] = conversationId.ToString() });
        await NotificationService.AddAsync(db, offline, NotificationType, payload, ct);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
