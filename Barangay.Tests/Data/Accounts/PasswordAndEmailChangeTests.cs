using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Accounts;

public class PasswordAndEmailChangeTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = AccountSecurityTestHost.Start(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private AccountSecurityService Security => _services.Get<AccountSecurityService>();
    private SessionService Sessions => _services.Get<SessionService>();

    private async Task<bool> RevokedAsync(string token)
    {
        await using var db = await _services.DbAsync();
        return await db.Sessions.AsNoTracking().Where(s => s.SessionToken == SessionService.Hash(token)).Select(s => s.Revoked).SingleAsync();
    }

    private async Task<User> ReloadAsync(Guid id)
    {
        await using var db = await _services.DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    [Fact]
    public async Task ChangePassword_EndsTheOtherSessionsAtOnce_KeepsThisOne()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "pw-change");
        var stampBefore = (await ReloadAsync(u.Id)).SecurityStamp;
        var here = await Sessions.StartAsync(u.Id, "198.51.100.1", "Chrome on Android");
        var laptop = await Sessions.StartAsync(u.Id, "198.51.100.2", "Firefox on Windows");
        var tablet = await Sessions.StartAsync(u.Id, "198.51.100.3", "Safari on iOS");

        var result = await Security.ChangePasswordAsync(u, AccountSecurityTestHost.Password, "A-new-long-passphrase-77", here);
        result.Value.Should().Be(2);

        (await RevokedAsync(laptop)).Should().BeTrue("the other sessions' rows are revoked at once, not at their next check");
        (await RevokedAsync(tablet)).Should().BeTrue();
        (await RevokedAsync(here)).Should().BeFalse();
        var after = await ReloadAsync(u.Id);
        after.SecurityStamp.Should().NotBe(stampBefore, "open circuits holding the old stamp fail their next revalidation");
        (await Sessions.ValidateAsync(laptop, stampBefore)).Should().BeFalse();
        (await Sessions.ValidateAsync(here, after.SecurityStamp)).Should().BeTrue("this browser's cookie is re-issued with the new stamp");
        (await _services.Get<UserManager<User>>().CheckPasswordAsync(after, "A-new-long-passphrase-77")).Should().BeTrue();

        await using var db = await _services.DbAsync();
        var audit = await db.AuditLogs.AsNoTracking().SingleAsync(a => a.TargetId == u.Id.ToString() && a.ActionType == "PasswordChanged");
        audit.Details.Should().MatchRegex("\"other_sessions_ended\": ?2").And.NotContain("A-new-long-passphrase-77");
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentOrWeakNew_RefusedByField_NothingEnds()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "pw-refused");
        var other = await Sessions.StartAsync(u.Id, "198.51.100.4", "Firefox");

        var wrong = await Security.ChangePasswordAsync(u, "not-the-password", "A-new-long-passphrase-77", null);
        wrong.Errors["CurrentPassword"].Should().Be(AccountSecurityService.WrongPassword);
        var weak = await Security.ChangePasswordAsync(u, AccountSecurityTestHost.Password, "short", null);
        weak.Errors.Should().ContainKey("NewPassword");
        (await RevokedAsync(other)).Should().BeFalse();
    }

    [Fact]
    public async Task EmailChange_NeedsThePassword_AppliesOnlyWhenTheLinkIsOpened_Once()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "mail-change");
        string? token = null;
        string Link(string t)
        {
            token = t;
            return "https://hall.example/Identity/Account/ConfirmEmailChange?code=" + Uri.EscapeDataString(t);
        }

        var noPassword = await Security.RequestEmailChangeAsync(u, "new.mail@example.ph", "", Link);
        noPassword.Errors.Should().ContainKey("CurrentPassword");
        var wrongPassword = await Security.RequestEmailChangeAsync(u, "new.mail@example.ph", "guess-guess-guess", Link);
        wrongPassword.Errors["CurrentPassword"].Should().Be(AccountSecurityService.WrongPassword);
        (await Security.RequestEmailChangeAsync(u, "not an email", AccountSecurityTestHost.Password, Link)).Errors.Should().ContainKey("NewEmail");
        (await Security.RequestEmailChangeAsync(u, "JUAN.DELACRUZ@sanisidro.example", AccountSecurityTestHost.Password, Link))
            .Errors["NewEmail"].Should().Contain("already used by another account", "taken addresses are refused whatever their case");
        token.Should().BeNull("no link is made before the password and the address are right");

        var ok = await Security.RequestEmailChangeAsync(u, "new.mail@example.ph", AccountSecurityTestHost.Password, Link);
        ok.Ok.Should().BeTrue(ok.Message);
        (await ReloadAsync(u.Id)).Email.Should().Be("mail-change@example.ph", "nothing changes until the new address is confirmed");
        await using (var db = await _services.DbAsync())
        {
            var mails = await db.EmailQueue.AsNoTracking().Where(e => e.ToEmail == "new.mail@example.ph" || e.ToEmail == "mail-change@example.ph").ToListAsync();
            mails.Should().Contain(m => m.ToEmail == "new.mail@example.ph" && m.Body!.Contains("ConfirmEmailChange"));
            mails.Should().Contain(m => m.ToEmail == "mail-change@example.ph" && !m.Body!.Contains("ConfirmEmailChange"), "the old address is told, without the link");
            (await db.AuditLogs.AnyAsync(a => a.TargetId == u.Id.ToString() && a.ActionType == "EmailChangeRequested")).Should().BeTrue();
            (await db.AuditLogs.Where(a => a.TargetId == u.Id.ToString()).Select(a => a.Details).ToListAsync()).Should().NotContain(d => d != null && d.Contains(token!));
        }

        // A second request before the first link is opened: once one change applies, the other link is dead.
        var firstToken = token;
        (await Security.RequestEmailChangeAsync(u, "second.mail@example.ph", AccountSecurityTestHost.Password, Link)).Ok.Should().BeTrue();
        var secondToken = token;

        (await Security.ConfirmEmailChangeAsync(u.Id, "someone.else@example.ph", firstToken)).Errors["Link"].Should().Be(AccountSecurityService.ConfirmLinkBroken, "the link is for one address");
        var confirmed = await Security.ConfirmEmailChangeAsync(u.Id, "new.mail@example.ph", firstToken);
        confirmed.Ok.Should().BeTrue(confirmed.Message);
        var after = await ReloadAsync(u.Id);
        after.Email.Should().Be("new.mail@example.ph");
        after.NormalizedEmail.Should().Be("NEW.MAIL@EXAMPLE.PH");
        after.EmailConfirmed.Should().BeTrue();
        after.UserName.Should().Be("mail-change", "the username is not the email here");

        (await Security.ConfirmEmailChangeAsync(u.Id, "second.mail@example.ph", secondToken)).Errors["Link"].Should().Be(AccountSecurityService.ConfirmLinkBroken);
        (await ReloadAsync(u.Id)).Email.Should().Be("new.mail@example.ph");
        await using var check = await _services.DbAsync();
        (await check.AuditLogs.CountAsync(a => a.TargetId == u.Id.ToString() && a.ActionType == "EmailChanged")).Should().Be(1);
    }

    [Fact]
    public async Task EmailChangeLink_AfterThePasswordChanged_NoLongerWorks()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "mail-stale");
        string token = "";
        (await Security.RequestEmailChangeAsync(u, "stale.new@example.ph", AccountSecurityTestHost.Password, t => { token = t; return "x"; })).Ok.Should().BeTrue();
        (await Security.ChangePasswordAsync(u, AccountSecurityTestHost.Password, "Another-long-passphrase-5", null)).Ok.Should().BeTrue();
        (await Security.ConfirmEmailChangeAsync(u.Id, "stale.new@example.ph", token)).Errors["Link"].Should().Be(AccountSecurityService.ConfirmLinkBroken);
        (await ReloadAsync(u.Id)).Email.Should().Be("mail-stale@example.ph");
    }
}
