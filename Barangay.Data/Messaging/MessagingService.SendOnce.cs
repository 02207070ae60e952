using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Messaging;

/// <summary>
/// A new message is stored once even when it is sent twice (issue 29): a phone whose signal dropped just after
/// "Send" never saw the answer, so its draft comes back and the resident sends again. The form's send key (kept with
/// its draft on the phone) becomes the first message's id; a second send with the same key finds that message and
/// answers with its conversation instead of opening another. Only the caller's own message counts: a key naming
/// someone else's message is refused by the primary key like any other duplicate id.
/// </summary>
public sealed partial class MessagingService
{
    private async Task<MessageSent?> AlreadySentAsync(Guid me, Guid? sendKey, CancellationToken ct)
    {
        if (sendKey is not { } key) return null;
        await using var db = (await dbs.OpenAsync(ct)).Db;
        var sent = await db.Messages.AsNoTracking().Where(m => m.Id == key && m.SenderUserId == me)
            .Select(m => new { m.ConversationId, m.Body, m.CreatedAt, Sender = db.Users.Where(u => u.Id == me).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return sent is null ? null : new MessageSent(sent.ConversationId,
            new MessageRow(key, sent.ConversationId, sent.Sender ?? "", false, true, sent.Body ?? "", DateTime.SpecifyKind(sent.CreatedAt, DateTimeKind.Utc), []));
    }
}
