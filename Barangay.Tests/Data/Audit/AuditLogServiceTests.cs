using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Audit;

/// <summary>The audit viewer's search over rows written in 2020 for a target type of their own, beside the demo's trail.</summary>
public class AuditLogServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Target = "TestParcel";
    private TestServices _services = null!;
    private User _admin = null!;
    private User _secretary = null!;

    public async Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        await using var db = await _services.DbAsync();
        _admin = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoAccounts.AdminUser);
        _secretary = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoAccounts.OfficialUser);
        if (!await db.AuditLogs.AnyAsync(a => a.TargetType == Target))
        {
            // 30 rows, one every 6 hours from 2020-01-10 00:00 UTC; every third one by the secretary, recorded without a name.
            for (var i = 0; i < 30; i++)
            {
                var bySecretary = i % 3 == 0;
                db.AuditLogs.Add(new AuditLog
                {
                    Id = Guid.NewGuid(),
                    Timestamp = new DateTime(2020, 1, 10, 0, 0, 0, DateTimeKind.Utc).AddHours(6 * i),
                    ActorUserId = bySecretary ? _secretary.Id : _admin.Id,
                    ActorName = bySecretary ? null : _admin.UserName,
                    ActionType = i % 2 == 0 ? AuditActions.Update : AuditActions.Create,
                    TargetType = Target,
                    TargetId = $"parcel-{i}",
                    Details = """{"changes":{"status":{"old":"a","new":"b"}}}""",
                });
            }
            await db.SaveChangesAsync();
        }
        _services.Caller.Current = TestCaller.As(_admin.Id, _admin.UserName!, _admin.Roles);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private AuditLogService Audit => _services.Get<AuditLogService>();

    [Fact]
    public async Task Search_ByTargetType_PagesNewestFirst()
    {
        var first = await Audit.SearchAsync(new AuditFilter(TargetType: Target), 0, 10);
        var last = await Audit.SearchAsync(new AuditFilter(TargetType: Target), 2, 10);

        first.Total.Should().Be(30);
        first.Items.Should().HaveCount(10);
        first.Items[0].TargetId.Should().Be("parcel-29");
        first.Items.Select(r => r.Timestamp).Should().BeInDescendingOrder();
        last.Items.Should().HaveCount(10);
        last.Items[^1].TargetId.Should().Be("parcel-0");
        first.Items.Select(r => r.Id).Should().NotIntersectWith(last.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_ByActor_MatchesTheRecordedNameOrTheUsersUsernameAndFullName()
    {
        (await Audit.SearchAsync(new AuditFilter(Actor: "SECRETARY", TargetType: Target), 0, 50)).Total.Should().Be(10);
        var byFullName = await Audit.SearchAsync(new AuditFilter(Actor: _secretary.FullName[..5], TargetType: Target), 0, 50);
        byFullName.Total.Should().Be(10);
        (await Audit.SearchAsync(new AuditFilter(Actor: "admin", TargetType: Target), 0, 50)).Total.Should().Be(20);
        (await Audit.SearchAsync(new AuditFilter(Actor: "%", TargetType: Target), 0, 50)).Total.Should().Be(0, "% is a character, not a wildcard");
    }

    [Fact]
    public async Task Search_ByActionAndTargetId()
    {
        (await Audit.SearchAsync(new AuditFilter(ActionType: AuditActions.Create, TargetType: Target), 0, 50)).Total.Should().Be(15);
        var one = await Audit.SearchAsync(new AuditFilter(TargetId: " parcel-7 "), 0, 50);
        one.Items.Should().ContainSingle().Which.ActorName.Should().Be(DemoAccounts.AdminUser);
    }

    [Fact]
    public async Task Search_ByManilaDates_BothEndsIncluded()
    {
        // Row 3, 2020-01-10 18:00 UTC, is 2020-01-11 02:00 in Manila: it belongs to the 11th.
        var tenth = await Audit.SearchAsync(new AuditFilter(TargetType: Target, From: new DateOnly(2020, 1, 10), To: new DateOnly(2020, 1, 10)), 0, 50);
        tenth.Items.Select(r => r.TargetId).Should().BeEquivalentTo(["parcel-0", "parcel-1", "parcel-2"]);
        var eleventh = await Audit.SearchAsync(new AuditFilter(TargetType: Target, From: new DateOnly(2020, 1, 11), To: new DateOnly(2020, 1, 11)), 0, 50);
        eleventh.Items.Select(r => r.TargetId).Should().BeEquivalentTo(["parcel-3", "parcel-4", "parcel-5", "parcel-6"]);
        eleventh.Items.Should().OnlyContain(r => TimeZones.ToManila(r.Timestamp).Day == 11);
        (await Audit.SearchAsync(new AuditFilter(TargetType: Target, From: new DateOnly(2020, 1, 17)), 0, 50)).Total.Should().Be(3, "rows 27 to 29 are 2020-01-17 02:00, 08:00 and 14:00 in Manila");
        (await Audit.SearchAsync(new AuditFilter(TargetType: Target, To: new DateOnly(2020, 1, 9)), 0, 50)).Total.Should().Be(0);
    }

    [Fact]
    public async Task Search_SignInsAreThere_WithoutDetails()
    {
        await _services.Get<SessionService>().StartAsync(_secretary.Id, "10.0.0.7", "Chromium test");
        await _services.Get<SessionService>().RecordFailureAsync("nobody", null, "unknown username", "10.0.0.8", "Chromium test");

        var login = (await Audit.SearchAsync(new AuditFilter(Actor: DemoAccounts.OfficialUser, ActionType: AuditActions.Login), 0, 5)).Items[0];
        login.IpAddress.Should().Be("10.0.0.7");
        AuditDetailsReader.Read(login.Details).IsEmpty.Should().BeTrue();
        var failed = (await Audit.SearchAsync(new AuditFilter(ActionType: AuditActions.LoginFailed, TargetId: "nobody"), 0, 5)).Items.Should().ContainSingle().Subject;
        AuditDetailsReader.Read(failed.Details).Json.Should().Contain("\"reason\": \"unknown username\"");
    }

    [Fact]
    public async Task Search_NonAdmin_GetsNothing()
    {
        _services.Caller.Current = TestCaller.As(_secretary.Id, _secretary.UserName!, _secretary.Roles, OfficialPositions.Secretary);
        var page = await Audit.SearchAsync(new AuditFilter(), 0, 50);
        page.Total.Should().Be(0);
        page.Items.Should().BeEmpty();
        (await Audit.TargetTypesAsync()).Should().BeEmpty();

        _services.Caller.Current = Caller.Anonymous;
        (await Audit.SearchAsync(new AuditFilter(TargetType: Target), 0, 50)).Total.Should().Be(0);
    }

    [Fact]
    public async Task TargetTypes_Admin_ListsWhatTheLogHolds()
    {
        (await Audit.TargetTypesAsync()).Should().Contain(Target).And.BeInAscendingOrder(StringComparer.Ordinal);
    }
}
