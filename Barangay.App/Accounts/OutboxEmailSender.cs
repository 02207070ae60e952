using Barangay.Data;
using Barangay.Data.Email;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore;

namespace Barangay.App.Accounts;

/// <summary>
/// Identity UI's emails (forgot password, confirm address) go through the outbox like every other email. Each carries
/// a code that acts for the account, so each is marked as a secret (<see cref="EmailSecrets"/>) and admins never see it.
/// </summary>
public sealed class OutboxEmailSender(IDbContextFactory<BarangayDbContext> factory, IEmailDispatcher dispatcher) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        Guid id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            id = EmailOutbox.QueueHtml(db, email, subject, htmlMessage, new { source = "identity" }, SecretOf(subject, htmlMessage)).Id;
            await db.SaveChangesAsync();
        }
        await dispatcher.DispatchAsync([id]);
    }

    /// <summary>Identity sends a reset link (to /Identity/Account/ResetPassword) or a confirmation link; both are secrets.</summary>
    public static string SecretOf(string subject, string body) =>
        subject.Contains("reset", StringComparison.OrdinalIgnoreCase) || body.Contains("ResetPassword", StringComparison.OrdinalIgnoreCase)
            ? EmailSecrets.PasswordReset
            : EmailSecrets.EmailConfirmation;
}
