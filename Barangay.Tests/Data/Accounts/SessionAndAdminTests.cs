using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Accounts;

public class SessionAndAdminTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s =>
        {
            s.AddSingleton<SignInThrottle>();
            s.AddScoped<SignInMonitorService>();
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private SessionService Sessions => _services.Get<SessionService>();

    private async Task<User> UserAsync(string name)
    {
        await using var db = await _services.DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == name);
    }

    [Fact]
    public async Task Validate_ChangedSecurityStampOrDisabledAccount_EndsTheSessionForGood()
    {
        var juan = await UserAsync(DemoAccounts.ResidentUser);
        var token = await Sessions.StartAsync(juan.Id, "198.51.100.7", "Firefox");
        (await Sessions.ValidateAsync(token, juan.SecurityStamp)).Should().BeTrue();
        (await Sessions.ValidateAsync(token, "a-stamp-from-before-a-password-change")).Should().BeFalse();
        (await Sessions.ValidateAsync(token, juan.SecurityStamp)).Should().BeFalse("the session was revoked, not just refused once");
    }

    [Fact]
    public async Task Timeouts_StaffThirtyMinutesIdle_TwelveHoursInAll_ResidentsTwelveHoursIdle()
    {
        var t0 = new DateTime(2026, 5, 4, 1, 0, 0, DateTimeKind.Utc);
        SessionTimeouts.For([AppRoles.Official]).FirstExpiry(t0).Should().Be(t0.AddMinutes(30));
        SessionTimeouts.For([AppRoles.Admin]).NextExpiry(t0, t0.AddHours(11.9)).Should().Be(t0.AddHours(12), "never past 12 hours in all");
        SessionTimeouts.For([AppRoles.Resident]).FirstExpiry(t0).Should().Be(t0.AddHours(12));
        SessionTimeouts.For([AppRoles.Resident]).NextExpiry(t0, t0.AddHours(20)).Should().Be(t0.AddHours(32));

        var secretary = await UserAsync(DemoAccounts.OfficialUser);
        await Sessions.StartAsync(secretary.Id, null, null);
        await using var db = await _services.DbAsync();
        var row = await db.Sessions.AsNoTracking().Where(s => s.UserId == secretary.Id).OrderByDescending(s => s.IssuedAt).FirstAsync();
        (row.ExpiresAt - row.IssuedAt).Should().Be(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task Devices_ListMine_SignOutOthers_KeepsThisOne_AndNobodyElsesIsTouched()
    {
        var juan = await UserAsync(DemoAccounts.ResidentUser);
        var admin = await UserAsync(DemoAccounts.AdminUser);
        var phone = await Sessions.StartAsync(juan.Id, "10.0.0.1", "Chrome on Android");
        var laptop = await Sessions.StartAsync(juan.Id, "10.0.0.2", "Firefox on Windows");
        var adminToken = await Sessions.StartAsync(admin.Id, "10.0.0.3", "Edge");
        await _services.SignInAsAsync(DemoAccounts.ResidentUser);
        var me = await _services.Caller.GetAsync();

        var devices = await Sessions.MyDevicesAsync(me, phone);
        devices.Should().Contain(d => d.IsThisDevice && d.IpAddress == "10.0.0.1").And.Contain(d => d.IpAddress == "10.0.0.2");
        devices.Should().NotContain(d => d.IpAddress == "10.0.0.3");

        (await Sessions.SignOutOtherDevicesAsync(me, phone)).Should().BeGreaterThanOrEqualTo(1);
        (await Sessions.ValidateAsync(phone, null)).Should().BeTrue();
        (await Sessions.ValidateAsync(laptop, null)).Should().BeFalse();
        (await Sessions.ValidateAsync(adminToken, null)).Should().BeTrue();
    }

    [Fact]
    public async Task Admin_ChangesRoles_AuditedOldToNew_AndTheLastAdminIsProtected()
    {
        var admins = _services.Get<UserAdminService>();
        var juan = await UserAsync(DemoAccounts.ResidentUser);
        var admin = await UserAsync(DemoAccounts.AdminUser);
        var juanToken = await Sessions.StartAsync(juan.Id, null, null);

        await _services.SignInAsAsync(DemoAccounts.ResidentUser);
        (await admins.SetRolesAsync(juan.Id, [AppRoles.Admin])).Kind.Should().Be(ResultKind.NotFound, "only admins manage users");

        await _services.SignInAsAsync(DemoAccounts.AdminUser);
        (await admins.SetRolesAsync(admin.Id, [AppRoles.Resident])).Errors.Should().ContainKey("Roles").WhoseValue.Should().Be(UserAdminService.LastAdmin);
        (await admins.DisableAsync(admin.Id)).Ok.Should().BeFalse();

        (await admins.SetRolesAsync(juan.Id, [AppRoles.Resident, AppRoles.Official])).Ok.Should().BeTrue();
        await using (var db = await _services.DbAsync())
        {
            var audit = await db.AuditLogs.AsNoTracking().Where(a => a.ActionType == AuditActions.PermissionChange && a.TargetId == juan.Id.ToString()).SingleAsync();
            audit.Details.Should().Contain("old_roles").And.Contain("new_roles").And.Contain("official");
        }
        (await Sessions.ValidateAsync(juanToken, null)).Should().BeFalse("a role change ends the open sessions");

        (await admins.DisableAsync(juan.Id)).Ok.Should().BeTrue();
        (await UserAsync(DemoAccounts.ResidentUser)).Status.Should().Be(UserStatuses.Disabled);
        (await admins.EnableAsync(juan.Id)).Ok.Should().BeTrue();
        (await admins.SetRolesAsync(juan.Id, [AppRoles.Resident])).Ok.Should().BeTrue();
        (await admins.ResetMfaAsync(juan.Id)).Ok.Should().BeTrue();
        (await admins.RevokeSessionsAsync(juan.Id)).Ok.Should().BeTrue();
    }

    [Fact]
    public async Task SuspiciousActivity_ShowsManyFailuresFromOneAddressAndAgainstOneAccount_ToAdminsOnly()
    {
        for (var i = 0; i < 6; i++) await Sessions.RecordFailureAsync($"guess{i}", null, "wrong username or password", "203.0.113.66", "bot");
        for (var i = 0; i < 5; i++) await Sessions.RecordFailureAsync("secretary", null, "wrong username or password", $"198.51.100.{i}", "bot");
        var monitor = _services.Get<SignInMonitorService>();

        await _services.SignInAsAsync(DemoAccounts.OfficialUser);
        (await monitor.GetAsync()).Should().BeNull();

        await _services.SignInAsAsync(DemoAccounts.AdminUser);
        var data = await monitor.GetAsync();
        data!.Addresses.Should().Contain(a => a.IpAddress == "203.0.113.66" && a.Failures == 6 && a.Names == 6);
        data.Accounts.Should().Contain(a => a.UserName == "secretary" && a.Addresses == 5 && a.Exists);

        var throttle = _services.Get<SignInThrottle>();
        var counts = await throttle.CountAsync("Secretary", "203.0.113.66");
        counts.UserFailures.Should().Be(5);
        counts.ChallengeRequired.Should().BeTrue();
        counts.Paused.Should().BeFalse();
        counts.Delay.Should().BeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task SuspiciousActivity_MoreThanFiftyAddresses_SaysHowManyAndGivesTheRestOnAsking()
    {
        // 55 addresses with 5 failures each: the list used to stop at 50 with nothing said.
        for (var a = 0; a < 55; a++)
            for (var i = 0; i < SignInMonitorService.Threshold; i++)
                await Sessions.RecordFailureAsync($"many{a}", null, "wrong username or password", $"192.0.2.{a}", "bot");
        await _services.SignInAsAsync(DemoAccounts.AdminUser);
        var monitor = _services.Get<SignInMonitorService>();

        var first = await monitor.GetAsync();
        first!.Addresses.Should().HaveCount(SignInMonitorService.PageSize);
        first.AddressTotal.Should().BeGreaterThanOrEqualTo(55);
        first.AccountTotal.Should().BeGreaterThanOrEqualTo(55);
        var all = await monitor.GetAsync(first.AddressTotal, first.AccountTotal);
        all!.Addresses.Should().HaveCount(first.AddressTotal).And.Contain(x => x.IpAddress == "192.0.2.54");
        all.Accounts.Should().HaveCount(first.AccountTotal);
    }

    [Theory]
    [InlineData("short", "at least 12")]
    [InlineData("password1234", "too common")]
    [InlineData("aaaaaaaaaaaaaaaa", "too common")]
    [InlineData("123456789012", "too common")]
    [InlineData(null, "required")]
    public void PasswordPolicy_RefusesWeakPasswords_WithoutCompositionRules(string? password, string says) =>
        PasswordPolicy.Check(password).Should().Contain(says);

    [Fact]
    public void PasswordPolicy_AcceptsALongPassphrase_AndShipsItsList()
    {
        PasswordPolicy.Check("kalabaw sa bukid ng lolo").Should().BeNull("no digits or symbols are demanded");
        PasswordPolicy.CommonCount.Should().BeGreaterThan(1000);
    }
}
