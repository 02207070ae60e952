using Barangay.Data.Accounts;
using Barangay.Data.Files;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Accounts;

/// <summary>
/// Open circuits revalidate their session in batches; each check is answered on its own. A change of an account's
/// access (roles, status, an official's position or status) rotates its stamp and ends its sessions, so the next
/// revalidation of an open page refuses it.
/// </summary>
public class AccessChangeTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private string _dataRoot = null!;

    private SessionService Sessions => _services.Get<SessionService>();
    private OfficialAdminService Officials => _services.Get<OfficialAdminService>();

    public async Task InitializeAsync()
    {
        _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-acc-" + Guid.NewGuid().ToString("N")[..8]);
        _services = new TestServices(database.AppConnectionString, s =>
        {
            s.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot });
            s.AddScoped<OfficialAdminService>();
        });
        await _services.SignInAsAsync(DemoAccounts.AdminUser);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    private async Task<User> UserAsync(string name)
    {
        await using var db = await _services.DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == name);
    }

    /// <summary>Checks queued together (a long gathering makes sure they share one batch), answered each.</summary>
    private async Task<bool[]> InOneBatchAsync(params (string Token, string? Stamp)[] checks)
    {
        await using var batcher = new SessionRevalidationBatcher(Sessions, TimeSpan.FromMilliseconds(500));
        var answers = checks.Select(c => batcher.ValidateAsync(c.Token, c.Stamp)).ToList();
        var results = new bool[answers.Count];
        for (var i = 0; i < answers.Count; i++)
        {
            try { results[i] = await answers[i]; }
            catch (Exception e) { throw new InvalidOperationException($"check {i} failed instead of being answered", e); }
        }
        return results;
    }

    [Fact]
    public async Task Revalidate_TwoTabsOfOneSessionAndAnotherUsersSession_InOneBatch_AllStaySignedIn()
    {
        var juan = await UserAsync(DemoAccounts.ResidentUser);
        var admin = await UserAsync(DemoAccounts.AdminUser);
        var juans = await Sessions.StartAsync(juan.Id, "10.0.0.1", "Chrome on Android");
        var admins = await Sessions.StartAsync(admin.Id, "10.0.0.2", "Edge");

        var answers = await InOneBatchAsync((juans, juan.SecurityStamp), (juans, juan.SecurityStamp), (admins, admin.SecurityStamp));

        answers.Should().Equal([true, true, true], "two tabs of one session are normal and concern nobody else");
        (await Sessions.ValidateManyAsync([(juans, juan.SecurityStamp), (admins, admin.SecurityStamp), (juans, juan.SecurityStamp)]))
            .Should().Equal([true, true, true]);
    }

    [Fact]
    public async Task Revalidate_BadOrStaleEntries_FailOnlyThemselves()
    {
        var juan = await UserAsync(DemoAccounts.ResidentUser);
        var admin = await UserAsync(DemoAccounts.AdminUser);
        var juans = await Sessions.StartAsync(juan.Id, null, null);
        var admins = await Sessions.StartAsync(admin.Id, null, null);
        var ended = await Sessions.StartAsync(juan.Id, null, null);
        await Sessions.EndAsync(ended, juan.Id, juan.UserName, null, null);

        var answers = await InOneBatchAsync(
            (null!, juan.SecurityStamp), ("", null), ("not-a-session", null), (ended, juan.SecurityStamp),
            (juans, juan.SecurityStamp), (admins, admin.SecurityStamp), (juans, juan.SecurityStamp));

        answers.Should().Equal([false, false, false, false, true, true, true]);
    }

    [Fact]
    public async Task PositionChange_EndsTheOfficialsOpenSessions_SoAnOpenPageIsRefusedAtItsNextCheck()
    {
        var secretary = await UserAsync(DemoAccounts.OfficialUser);
        var juan = await UserAsync(DemoAccounts.ResidentUser);
        var tab = await Sessions.StartAsync(secretary.Id, "10.0.0.5", "Firefox");
        var bystander = await Sessions.StartAsync(juan.Id, "10.0.0.6", "Chrome");
        (await Sessions.ValidateAsync(tab, secretary.SecurityStamp)).Should().BeTrue();
        var row = (await Officials.ListAsync(new OfficialFilter(Search: secretary.FullName), 0, 10)).Items.Should().ContainSingle().Subject;
        var edit = (await Officials.GetAsync(row.Id))!.Edit;
        edit.Position = OfficialPositions.Tanod;

        var result = await Officials.UpdateAsync(row.Id, edit);

        result.Ok.Should().BeTrue(result.Message);
        (await UserAsync(DemoAccounts.OfficialUser)).Roles.Should().Equal(secretary.Roles, "the roles stay; the position alone changes the rights");
        (await InOneBatchAsync((tab, secretary.SecurityStamp), (bystander, juan.SecurityStamp)))
            .Should().Equal([false, true], "the secretary's open page loses the Secretary's rights; nobody else is touched");
        (await UserAsync(DemoAccounts.OfficialUser)).SecurityStamp.Should().NotBe(secretary.SecurityStamp);
        await AssertAccessChangeAuditedAsync(secretary.Id, "official position");
    }

    [Fact]
    public async Task Retire_OnLeave_AndAdminRoleChange_EachEndTheAccountsSessions()
    {
        var munoz = await UserAsync("kgd.munoz");
        var row = (await Officials.ListAsync(new OfficialFilter(Search: munoz.FullName), 0, 10)).Items.Should().ContainSingle().Subject;

        var leaveTab = await Sessions.StartAsync(munoz.Id, null, null);
        var leave = await Officials.ChangeStatusAsync(row.Id, OfficialStatuses.OnLeave, row.UpdatedAt);
        leave.Ok.Should().BeTrue(leave.Message);
        (await Sessions.ValidateAsync(leaveTab, munoz.SecurityStamp)).Should().BeFalse("on leave, the Kagawad's position no longer gives its rights");

        var before = await UserAsync("kgd.munoz");
        var retireTab = await Sessions.StartAsync(munoz.Id, null, null);
        var retire = await Officials.ChangeStatusAsync(row.Id, OfficialStatuses.Former, leave.Value!.Row.UpdatedAt);
        retire.Ok.Should().BeTrue(retire.Message);
        (await UserAsync("kgd.munoz")).Roles.Should().NotContain(AppRoles.Official);
        (await Sessions.ValidateAsync(retireTab, before.SecurityStamp)).Should().BeFalse("a retired official keeps no official rights on an open page");

        var again = await UserAsync("kgd.munoz");
        var rolesTab = await Sessions.StartAsync(munoz.Id, null, null);
        (await _services.Get<UserAdminService>().SetRolesAsync(munoz.Id, [AppRoles.Resident, AppRoles.Official])).Ok.Should().BeTrue();
        (await Sessions.ValidateAsync(rolesTab, again.SecurityStamp)).Should().BeFalse();
        await AssertAccessChangeAuditedAsync(munoz.Id, "official status");
        await AssertAccessChangeAuditedAsync(munoz.Id, "roles");
    }

    private async Task AssertAccessChangeAuditedAsync(Guid userId, string why)
    {
        var admin = await UserAsync(DemoAccounts.AdminUser);
        await using var db = await _services.DbAsync();
        var rows = await db.AuditLogs.AsNoTracking()
            .Where(a => a.ActionType == AccountAccessInterceptor.Action && a.TargetId == userId.ToString()).ToListAsync();
        rows.Should().Contain(a => a.ActorUserId == admin.Id && a.Details!.Contains(why) && a.Details.Contains("sessions_ended"));
    }
}
