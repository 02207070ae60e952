using Barangay.Data;
using Barangay.Data.Email;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore;

namespace Barangay.App.Accounts;

/// <summary>Identity UI's emails (forgot password, confirm address) go through the outbox like every other email.</summary>
public sealed class OutboxEmailSender(IDbContextFactory<BarangayDbContext> factory, IEmailDispatcher dispatcher) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        Guid id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            id = EmailOutbox.QueueHtml(db, email, subject, htmlMessage, new { source = "identity" }).Id;
            await db.SaveChangesAsync();
        }
        await dispatcher.DispatchAsync([id]);
    }
}
