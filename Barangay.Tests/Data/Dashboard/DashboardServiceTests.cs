using Barangay.Data.Accounts;
using Barangay.Data.Dashboard;
using Barangay.Data.Documents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Dashboard;

public class DashboardServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<User> UserAsync(string name)
    {
        await using var db = await _services.DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == name);
    }

    [Fact]
    public async Task GetOfficialHome_Secretary_CountsTheDemoBarangay()
    {
        var u = await UserAsync(DemoAccounts.OfficialUser);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, OfficialPositions.Secretary);
        var s = await _services.Get<DashboardService>().GetOfficialHomeAsync();

        await using var db = await _services.DbAsync();
        s.Should().NotBeNull();
        s!.Cards.Population.Should().Be(await db.Residents.CountAsync(r => r.RegistrationStatus == "active"));
        s.Cards.Households.Should().Be(300);
        s.Cards.PendingRegistrations.Should().Be(3);
        s.Cards.OpenRequests.Should().Be(await db.DocumentRequests.CountAsync(r => DocumentRequestStatuses.Open.Contains(r.Status)));
        s.Charts.PerPurok.Should().HaveCount(7).And.Contain(p => p.Purok == "Purok 1 - Sampaguita");
        s.Charts.PerPurok.Sum(p => p.Residents).Should().Be(s.Cards.Population);
    }

    [Fact]
    public async Task GetOfficialHome_Resident_GetsNothing()
    {
        var u = await UserAsync(DemoAccounts.ResidentUser);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles);
        (await _services.Get<DashboardService>().GetOfficialHomeAsync()).Should().BeNull();
        (await _services.Get<DashboardService>().GetAdminSummaryAsync()).Should().BeNull();
    }

    [Fact]
    public async Task GetResidentHome_Juan_ShowsOnlyHisOwnRecords()
    {
        var u = await UserAsync(DemoAccounts.ResidentUser);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles);
        var s = await _services.Get<DashboardService>().GetResidentHomeAsync();
        s.Should().NotBeNull();
        s!.ResidentName.Should().Be("Juan Dela Cruz");
        s.Requests.Should().HaveCount(3, "the demo gives Juan three open requests");
        s.Registrations.Should().HaveCount(1);
    }

    [Fact]
    public async Task GetAdminSummary_Admin_CountsAccounts()
    {
        var u = await UserAsync(DemoAccounts.AdminUser);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles);
        var s = await _services.Get<DashboardService>().GetAdminSummaryAsync();
        await using var db = await _services.DbAsync();
        s!.ActiveUsers.Should().Be(await db.Users.CountAsync(x => x.Status == UserStatuses.Active));
        s.Officials.Should().Be(15, "the demo seeds fifteen officials (three Lupon members among them)");
    }

    [Fact]
    public async Task UserAdminList_NonAdmin_GetsAnEmptyPage()
    {
        var u = await UserAsync(DemoAccounts.OfficialUser);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, OfficialPositions.Secretary);
        var page = await _services.Get<UserAdminService>().ListAsync(new(null, null, null), 0, 25);
        page.Total.Should().Be(0);

        var admin = await UserAsync(DemoAccounts.AdminUser);
        _services.Caller.Current = TestCaller.As(admin.Id, admin.UserName!, admin.Roles);
        var officials = await _services.Get<UserAdminService>().ListAsync(new(null, AppRoles.Official, null), 0, 25);
        officials.Total.Should().Be(15, "each of the fifteen demo officials has an account");
        (await _services.Get<UserAdminService>().ListAsync(new("muñoz", null, null), 0, 25)).Items.Should().ContainSingle(x => x.FullName == "Rosario T. Muñoz");
    }
}
