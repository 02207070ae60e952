using System.Net;
using System.Net.Mail;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Barangay.Data.Localization;

namespace Barangay.Data.Accounts.Security;

public sealed partial class AccountSecurityService
{
    public static string ConfirmLinkBroken => Texts.Say("This confirmation link is not valid any more (it was used, it expired after an hour, or the account changed since). Ask for the change again.");

    /// <summary>
    /// Asks to change the account's email address. The current password is required; nothing changes yet: a
    /// confirmation link goes to the new address (through the email queue, in the same save as the audit row) and
    /// a notice to the old one. The change applies when the link is opened (<see cref="ConfirmEmailChangeAsync"/>).
    /// <paramref name="confirmLink"/> turns Identity's change token into the page address the email carries.
    /// </summary>
    public async Task<ServiceResult<bool>> RequestEmailChangeAsync(User user, string? newEmail, string? currentPassword, Func<string, string> confirmLink, CancellationToken ct = default)
    {
        var db = await ContextAsync(ct);
        var email = (newEmail ?? "").Trim();
        var errors = new Dictionary<string, string>();
        if (email.Length == 0) errors["NewEmail"] = Texts.Say("New email: enter the new email address.");
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email) errors["NewEmail"] = Texts.Say("New email: that is not a valid email address.");
        else if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase)) errors["NewEmail"] = Texts.Say("New email: that is already your email address.");
        if (string.IsNullOrEmpty(currentPassword)) errors["CurrentPassword"] = Texts.Say("Current password: enter your current password to change your email.");
        if (errors.Count > 0) return ServiceResult<bool>.Invalid(errors);

        if (await CheckCurrentPasswordAsync(user, currentPassword!, "change email", ct) is { } refused)
        {
            db.Record("EmailChangeRefused", "User", user.Id.ToString(), new { reason = "wrong current password" });
            await db.SaveChangesAsync(ct);
            return ServiceResult<bool>.Invalid("CurrentPassword", refused);
        }
        if (await users.FindByEmailAsync(email) is { } other && other.Id != user.Id)
            return ServiceResult<bool>.Invalid("NewEmail", Texts.Say("New email: that address is already used by another account."));

        var token = await users.GenerateChangeEmailTokenAsync(user, email);
        var link = confirmLink(token);
        var name = WebUtility.HtmlEncode(user.FullName);
        var queued = new List<Guid>
        {
            EmailOutbox.QueueHtml(db, email, "Confirm your new email address",
                $"<p>Dear {name},</p><p>You asked to use this address for your barangay account <strong>{WebUtility.HtmlEncode(user.UserName)}</strong>. " +
                $"<a href=\"{WebUtility.HtmlEncode(link)}\">Confirm the new address</a> within one hour; until then your old address stays.</p>" +
                "<p>If you did not ask for this, ignore this email.</p>",
                new { source = "email_change", user_id = user.Id }, EmailSecrets.EmailChange).Id,
        };
        if (!string.IsNullOrWhiteSpace(user.Email) && user.Email.Contains('@', StringComparison.Ordinal))
        {
            queued.Add(EmailOutbox.QueueHtml(db, user.Email, "Your email address is being changed",
                $"<p>Dear {name},</p><p>Someone signed in to your barangay account asked to change its email address to {WebUtility.HtmlEncode(email)}. " +
                "If this was not you, change your password now and tell the barangay hall.</p>",
                new { source = "email_change_notice", user_id = user.Id }).Id);
        }
        db.Record("EmailChangeRequested", "User", user.Id.ToString(), new { new_email = email });
        await db.SaveChangesAsync(ct);
        await dispatcher.DispatchAsync(queued, ct);
        return ServiceResult<bool>.Success(true);
    }

    /// <summary>Applies a requested email change from its link: the token must match the account, the address and the hour.</summary>
    public async Task<ServiceResult<User>> ConfirmEmailChangeAsync(Guid userId, string? email, string? token, CancellationToken ct = default)
    {
        var db = await ContextAsync(ct);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(token))
            return ServiceResult<User>.Invalid("Link", ConfirmLinkBroken);
        var old = user.Email;
        if (string.Equals(old, email, StringComparison.OrdinalIgnoreCase)) return ServiceResult<User>.Success(user);
        db.Actor = new AuditActor(user.Id, user.UserName, db.Actor?.IpAddress, db.Actor?.UserAgent, Guid.NewGuid());
        db.Record("EmailChanged", "User", user.Id.ToString(), new { old_email = old, new_email = email });
        var result = await users.ChangeEmailAsync(user, email, token);
        if (result.Succeeded) return ServiceResult<User>.Success(user);
        // Nothing was saved: drop the audit row that would have ridden along.
        foreach (var entry in db.ChangeTracker.Entries<AuditLog>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added).ToList()) entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        return result.Errors.Any(e => e.Code == nameof(Microsoft.AspNetCore.Identity.IdentityErrorDescriber.DuplicateEmail))
            ? ServiceResult<User>.Invalid("Email", Texts.Say("That address is now used by another account, so your email was not changed."))
            : ServiceResult<User>.Invalid("Link", ConfirmLinkBroken);
    }
}
