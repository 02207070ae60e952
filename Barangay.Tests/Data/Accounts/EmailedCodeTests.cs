using System.Net;
using Barangay.App.Accounts;
using Barangay.Data.Accounts;
using Barangay.Data.Email;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Messaging;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Accounts;

/// <summary>
/// Codes that act for an account (password reset, email confirmation) stay between the app and the mailbox: the admins'
/// outbox says a link was sent and audits each opened message; using a code is audited with the account as the actor.
/// </summary>
public class EmailedCodeTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string NewPassword = "Bagong-Password-2026!";
    private TestServices _services = null!;
    private readonly RecordingDispatcher _dispatcher = new();

    private UserManager<User> Users => _services.Get<UserManager<User>>();
    private EmailOutboxService Outbox => _services.Get<EmailOutboxService>();

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s =>
        {
            s.AddSingleton<IEmailDispatcher>(_dispatcher);
            s.AddScoped<EmailOutboxService>();
            s.AddScoped<UserManager<User>, BarangayUserManager>();
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<Guid> LatestEmailToAsync(string address)
    {
        await using var db = await _services.DbAsync();
        return await db.EmailQueue.AsNoTracking().Where(e => e.ToEmail == address).OrderByDescending(e => e.CreatedAt).Select(e => e.Id).FirstAsync();
    }

    [Fact]
    public async Task ResetEmail_InTheOutbox_SaysALinkWasSent_NeverShowsIt_AndOpeningItIsAudited()
    {
        var juan = (await Users.FindByNameAsync(DemoAccounts.ResidentUser))!;
        var code = WebUtility.UrlEncode(await Users.GeneratePasswordResetTokenAsync(juan));
        var link = $"https://sanisidro.example/Identity/Account/ResetPassword?code={code}";
        var sender = ActivatorUtilities.CreateInstance<OutboxEmailSender>(_services.Scope.ServiceProvider);
        await sender.SendEmailAsync(juan.Email!, "Reset Password", $"Please reset your password by <a href='{HtmlEncoder(link)}'>clicking here</a>.");
        var id = await LatestEmailToAsync(juan.Email!);
        await _services.SignInAsAsync(DemoAccounts.AdminUser);

        var shown = await Outbox.GetAsync(id);

        shown!.Secret.Should().Be(EmailSecrets.PasswordReset);
        shown.Body.Should().StartWith("A password-reset link was sent.").And.NotContain(code).And.NotContain("ResetPassword?");
        await using var db = await _services.DbAsync();
        (await db.EmailQueue.AsNoTracking().SingleAsync(e => e.Id == id)).Body.Should().Contain(HtmlEncoder(link), "the email itself goes out whole");
        var viewed = await db.AuditLogs.AsNoTracking().Where(a => a.ActionType == EmailOutboxService.Viewed && a.TargetId == id.ToString()).ToListAsync();
        viewed.Should().ContainSingle().Which.ActorUserId.Should().Be(_services.Caller.Current.UserId);
        viewed[0].Details.Should().Contain(EmailSecrets.PasswordReset).And.NotContain(code);
    }

    [Fact]
    public async Task UnmarkedEmailWithACodeInALink_IsShownWithTheCodeHidden()
    {
        Guid id;
        await using (var db = await _services.DbAsync())
        {
            id = EmailOutbox.Queue(db, "someone@example.ph", "Confirm", "<a href=\"https://sanisidro.example/confirm?userId=42&amp;code=Q2ZESjhBTUFBQUFBQUFB\">Confirm</a>").Id;
            await db.SaveChangesAsync();
        }
        await _services.SignInAsAsync(DemoAccounts.AdminUser);

        var shown = await Outbox.GetAsync(id);

        shown!.Secret.Should().BeNull();
        shown.Body.Should().NotContain("Q2ZESjhBTUFBQUFBQUFB").And.Contain("code=(hidden)").And.Contain("userId=42");
    }

    [Fact]
    public async Task ResetPasswordAndConfirmEmail_SignedOut_AreAuditedWithTheAccountAsActor_AndARefusedCodeWritesNothing()
    {
        var rosario = (await Users.FindByNameAsync("kgd.munoz"))!;

        (await Users.ResetPasswordAsync(rosario, "not-a-code", NewPassword)).Succeeded.Should().BeFalse();
        var reset = await Users.ResetPasswordAsync(rosario, await Users.GeneratePasswordResetTokenAsync(rosario), NewPassword);
        reset.Succeeded.Should().BeTrue(string.Join("; ", reset.Errors.Select(e => e.Description)));
        var confirm = await Users.ConfirmEmailAsync(rosario, await Users.GenerateEmailConfirmationTokenAsync(rosario));
        confirm.Succeeded.Should().BeTrue();

        await using var db = await _services.DbAsync();
        var rows = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == rosario.Id.ToString()).ToListAsync();
        rows.Where(a => a.ActionType == BarangayUserManager.PasswordReset).Should().ContainSingle("the refused code wrote nothing")
            .Which.ActorUserId.Should().Be(rosario.Id);
        rows.Should().ContainSingle(a => a.ActionType == BarangayUserManager.EmailConfirmed).Which.ActorUserId.Should().Be(rosario.Id);
        rows.Where(a => a.Details != null && a.Details.Contains("password_hash")).Should().NotBeEmpty()
            .And.OnlyContain(a => a.ActorUserId == rosario.Id, "the row of the changed password names who changed it");
    }

    private static string HtmlEncoder(string s) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(s);
}
