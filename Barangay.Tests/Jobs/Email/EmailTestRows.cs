using Barangay.Data;
using Barangay.Data.Email;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Jobs.Email;

/// <summary>Writes and reads <c>email_queue</c> rows the way the app does.</summary>
internal static class EmailTestRows
{
    public static async Task<Guid> QueueAsync(BarangayDbContext db, string subject, string to = "resident@example.ph", string body = "<p>Hello</p>")
    {
        var row = EmailOutbox.Queue(db, to, subject, body);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public static async Task<EmailQueueItem> ReadAsync(Func<Task<BarangayDbContext>> open, Guid id)
    {
        await using var db = await open();
        return await db.EmailQueue.AsNoTracking().SingleAsync(e => e.Id == id);
    }
}
