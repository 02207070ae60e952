using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Jobs.Maintenance;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Accounts;

public class AccountsTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<User> CreateUserAsync(string name, params string[] roles)
    {
        var users = _services.Get<UserManager<User>>();
        var u = new User { UserName = name, Email = $"{name}@example.ph", FullName = name, Roles = [.. roles] };
        (await users.CreateAsync(u, "Correct-Horse-9")).Succeeded.Should().BeTrue();
        return u;
    }

    [Fact]
    public async Task UserStore_Roles_ComeFromTheUsersRolesArray()
    {
        var users = _services.Get<UserManager<User>>();
        var u = await CreateUserAsync("kagawad1", AppRoles.Official);
        (await users.AddToRoleAsync(u, "Admin")).Succeeded.Should().BeTrue();
        (await users.IsInRoleAsync(u, "ADMIN")).Should().BeTrue();

        await using var db = await _services.DbAsync();
        (await db.Users.AsNoTracking().SingleAsync(x => x.Id == u.Id)).Roles.Should().Equal(AppRoles.Official, AppRoles.Admin);
        (await users.GetUsersInRoleAsync("admin")).Should().ContainSingle(x => x.Id == u.Id);
        (await db.AuditLogs.Where(a => a.TargetId == u.Id.ToString()).ToListAsync()).Should().Contain(a => a.Details!.Contains("roles"), "a role change is audited");
    }

    [Fact]
    public async Task UserStore_PasswordHash_IsStoredNeverThePassword()
    {
        var u = await CreateUserAsync("hashcheck", AppRoles.Resident);
        await using var db = await _services.DbAsync();
        var stored = await db.Users.AsNoTracking().SingleAsync(x => x.Id == u.Id);
        stored.PasswordHash.Should().NotBeNullOrEmpty().And.NotContain("Correct-Horse-9");
        (await db.AuditLogs.Where(a => a.TargetId == u.Id.ToString()).Select(a => a.Details).ToListAsync())
            .Should().NotContain(d => d!.Contains(stored.PasswordHash!), "the audit trail never holds secrets");
    }

    [Fact]
    public async Task Sessions_StartCheckEnd_HoldOnTheServer()
    {
        var u = await CreateUserAsync("sess", AppRoles.Resident);
        var sessions = _services.Get<SessionService>();
        var token = await sessions.StartAsync(u.Id, "192.0.2.1", "Chrome");
        (await sessions.IsActiveAsync(token)).Should().BeTrue();

        await using (var db = await _services.DbAsync())
        {
            var row = await db.Sessions.SingleAsync(s => s.UserId == u.Id);
            row.SessionToken.Should().Be(SessionService.Hash(token)).And.NotBe(token, "only the token's hash is stored");
            (await db.Users.SingleAsync(x => x.Id == u.Id)).LastLoginIp.Should().Be("192.0.2.1");
            (await db.AuditLogs.AnyAsync(a => a.ActionType == AuditActions.Login && a.TargetId == u.Id.ToString())).Should().BeTrue();
        }

        await sessions.EndAsync(token, u.Id, u.UserName, "192.0.2.1", "Chrome");
        (await sessions.IsActiveAsync(token)).Should().BeFalse();
        (await sessions.IsActiveAsync("made-up-token")).Should().BeFalse();
    }

    [Fact]
    public async Task RecordFailure_WrongPassword_WritesFailedLoginAndAudit()
    {
        await _services.Get<SessionService>().RecordFailureAsync("nobody", null, "wrong username or password", "198.51.100.7", "curl");
        await using var db = await _services.DbAsync();
        (await db.FailedLogins.SingleAsync(f => f.Username == "nobody")).IpAddress.Should().Be("198.51.100.7");
        (await db.AuditLogs.SingleAsync(a => a.ActionType == AuditActions.LoginFailed && a.TargetId == "nobody")).Details.Should().Contain("wrong username");
    }

    [Fact]
    public async Task SessionPurge_RevokedAndExpired_AreRemovedActiveKept()
    {
        var u = await CreateUserAsync("purge", AppRoles.Resident);
        var sessions = _services.Get<SessionService>();
        var keep = await sessions.StartAsync(u.Id, null, null);
        var revoked = await sessions.StartAsync(u.Id, null, null);
        await sessions.EndAsync(revoked, u.Id, u.UserName, null, null);
        await using (var db = await _services.DbAsync())
        {
            db.FailedLogins.Add(new FailedLogin { Username = "old", AttemptedAt = TestClock.UtcNow.AddDays(-3) });
            await db.SaveChangesAsync();
        }

        var (s, f) = await _services.Get<SessionPurge>().RunAsync();
        s.Should().BeGreaterThanOrEqualTo(1);
        f.Should().BeGreaterThanOrEqualTo(1);
        (await sessions.IsActiveAsync(keep)).Should().BeTrue();
    }
}
