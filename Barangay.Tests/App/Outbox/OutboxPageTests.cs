using Barangay.App.Components.Pages.Admin.Outbox;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Email;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Barangay.Tests.Jobs.Email;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Outbox;

/// <summary>
/// The admin outbox page (bUnit) over the real service, with delivery by a real Hangfire worker to a fake SendGrid
/// that refuses the first message: the page shows SendGrid's reason, and "Resend" gets it delivered.
/// </summary>
public class OutboxPageTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly DemoDatabase _database;
    private readonly TestCaller _caller = new();
    private FakeSendGrid _sendGrid = null!;
    private JobsTestHost _jobs = null!;

    public OutboxPageTests(DemoDatabase database) => _database = database;

    public async Task InitializeAsync()
    {
        _sendGrid = await FakeSendGrid.StartAsync();
        _jobs = await JobsTestHost.StartAsync(_database.AppConnectionString, _sendGrid);
        Services.AddBarangayData(_database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<ICurrentUser>(_caller);
        Services.AddScoped<BarangayDb>();
        Services.AddScoped<EmailOutboxService>();
        Services.AddSingleton(_jobs.Get<IEmailDispatcher>());
        await using var db = await _jobs.DbAsync();
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoAccounts.AdminUser);
        _caller.Current = TestCaller.As(admin.Id, admin.FullName, admin.Roles);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _jobs.DisposeAsync();
        await _sendGrid.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task FailedEmail_ShowsSendGridsReason_AndResendDeliversIt()
    {
        _sendGrid.Answer(400);
        Guid id;
        await using (var db = await _jobs.DbAsync()) id = await EmailTestRows.QueueAsync(db, "Your complaint hearing is set");
        await _jobs.Get<IEmailDispatcher>().DispatchAsync([id]);
        await JobsTestHost.WaitUntilAsync(async () => (await EmailTestRows.ReadAsync(_jobs.DbAsync, id)).Status == EmailStatuses.Failed, "the email to fail");

        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<OutboxPage>();
        var reason = $"Rejected by SendGrid (400): {FakeSendGrid.RejectionMessage}";
        page.WaitForAssertion(() => page.Find(".outbox-last-result").TextContent.Should().Be(reason), TimeSpan.FromSeconds(10));

        page.Find("tbody tr").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=outbox-message-result]").TextContent.Should().Be(reason), TimeSpan.FromSeconds(10));
        dialogs.Markup.Should().Contain("Your complaint hearing is set").And.Contain("resident@example.ph");

        dialogs.Find("[data-testid=outbox-dialog-resend]").Click();
        await JobsTestHost.WaitUntilAsync(async () => (await EmailTestRows.ReadAsync(_jobs.DbAsync, id)).Status == EmailStatuses.Sent, "the resent email to go out");

        var row = await EmailTestRows.ReadAsync(_jobs.DbAsync, id);
        row.AttemptCount.Should().Be(2, "the attempt count is kept across a resend");
        row.LastResult.Should().Be("Accepted by SendGrid (202)");
        _sendGrid.For(id).Select(r => r.Answer).Should().Equal(400, 202);
        await using var check = await _jobs.DbAsync();
        (await check.AuditLogs.AsNoTracking().CountAsync(a => a.TargetType == "EmailQueue" && a.TargetId == id.ToString() && a.ActorUserId == _caller.Current.UserId
                                                              && a.ActionType == Barangay.Data.Audit.AuditActions.StatusChange))
            .Should().Be(1, "the resend is audited");
        (await check.AuditLogs.AsNoTracking().CountAsync(a => a.TargetId == id.ToString() && a.ActorUserId == _caller.Current.UserId && a.ActionType == EmailOutboxService.Viewed))
            .Should().Be(1, "so is opening it");
    }

    [Fact]
    public async Task NonAdmin_SeesNoEmails_AndCannotResend()
    {
        await using (var db = await _jobs.DbAsync())
        {
            var juan = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoAccounts.ResidentUser);
            _caller.Current = TestCaller.As(juan.Id, juan.FullName, juan.Roles);
            var id = await EmailTestRows.QueueAsync(db, "Not for residents");
            var service = Services.GetRequiredService<EmailOutboxService>();
            (await service.ListAsync(new OutboxFilter(null), 0, 25)).Total.Should().Be(0);
            (await service.GetAsync(id)).Should().BeNull();
            (await service.ResendAsync(id)).Should().Be(new OutboxResult(false, "That email was not found."));
        }
    }

    [Fact]
    public async Task ResetEmail_Opened_ShowsThatALinkWasSent_AndTheLinkNeverReachesThePage()
    {
        const string code = "CfDJ8Secret-Reset-Code-For-The-Outbox-Test";
        Guid id;
        await using (var db = await _jobs.DbAsync())
        {
            id = EmailOutbox.Queue(db, "reset-test@example.ph", "Reset Password",
                $"Please reset your password by <a href='https://sanisidro.example/Identity/Account/ResetPassword?code={code}'>clicking here</a>.",
                secret: EmailSecrets.PasswordReset).Id;
            await db.SaveChangesAsync();
        }

        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<OutboxPage>();
        page.WaitForAssertion(() => page.FindAll("tbody tr").Should().Contain(r => r.TextContent.Contains("reset-test@example.ph")), TimeSpan.FromSeconds(10));
        page.FindAll("tbody tr").First(r => r.TextContent.Contains("reset-test@example.ph")).Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=outbox-message-secret]").TextContent.Should().StartWith("A password-reset link was sent."),
            TimeSpan.FromSeconds(10));
        dialogs.Markup.Should().NotContain(code).And.NotContain("ResetPassword?");
        await using var check = await _jobs.DbAsync();
        (await check.AuditLogs.AsNoTracking().CountAsync(a => a.ActionType == EmailOutboxService.Viewed && a.TargetId == id.ToString() && a.ActorUserId == _caller.Current.UserId))
            .Should().Be(1, "opening a message is audited");
    }
}
