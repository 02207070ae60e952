using Barangay.Data.Documents;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Seed;

/// <summary>
/// The demo barangay is plausible at a glance (issue 23): Juan's household makes sense, children carry their mother's
/// maiden surname as middle name, everyone has a place of birth, seeded requests carry their fee, payment, approval
/// history and certificate, the 2026 holidays are complete, and the Punong Barangay and treasurer can sign in.
/// </summary>
public class DemoBarangayTruthTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task JuansHousehold_SpouseOfAnAge_ChildrenYoungerThanHim_MiddleNameTheMothersMaidenSurname()
    {
        await using var db = await _services.DbAsync();
        var juan = await db.Residents.AsNoTracking().SingleAsync(r => r.FirstName == "Juan" && r.LastName == "Dela Cruz" && r.UserId != null);
        var members = await (from m in db.HouseholdMembers.AsNoTracking()
                             join r in db.Residents.AsNoTracking() on m.ResidentId equals r.Id
                             where m.HouseholdId == juan.HouseholdId
                             select new { m.Relation, r.FirstName, r.MiddleName, r.LastName, r.Dob, r.Sex }).ToListAsync();
        var spouse = members.Single(m => m.Relation == "Spouse");
        (spouse.Sex, spouse.LastName).Should().Be(("Female", "Dela Cruz"));
        Math.Abs(spouse.Dob.DayNumber - juan.Dob.DayNumber).Should().BeLessThan(6 * 366);
        foreach (var child in members.Where(m => m.Relation is "Son" or "Daughter"))
        {
            child.Dob.Should().BeAfter(juan.Dob.AddYears(17), "a child is younger than the head");
            (child.LastName, child.MiddleName).Should().Be(("Dela Cruz", "Santos"), "the middle name is the mother's maiden surname");
        }
    }

    [Fact]
    public async Task Residents_AllHaveAPlaceOfBirth_AndNoChildIsOlderThanTheHead()
    {
        await using var db = await _services.DbAsync();
        (await db.Residents.CountAsync(r => r.PlaceOfBirth == null || r.PlaceOfBirth == "")).Should().Be(0);
        var olderChildren = await (from m in db.HouseholdMembers
                                   join c in db.Residents on m.ResidentId equals c.Id
                                   join h in db.Households on m.HouseholdId equals h.Id
                                   join head in db.Residents on h.HeadResidentId equals head.Id
                                   where (m.Relation == "Son" || m.Relation == "Daughter") && c.Dob <= head.Dob
                                   select c.ResidentId).CountAsync();
        olderChildren.Should().Be(0);
    }

    [Fact]
    public async Task SeededRequests_CarryFeePaymentApprovalAndCertificate()
    {
        await using var db = await _services.DbAsync();
        var rows = await db.DocumentRequests.AsNoTracking().ToListAsync();
        rows.Should().NotBeEmpty();
        foreach (var r in rows)
        {
            var meta = DocumentRequestMetadata.Parse(r.Metadata);
            meta.WorkingDays.Should().BeGreaterThan(0, r.RequestId);
            if (r.Type == "barangay-clearance") meta.Fee.Should().Be(100, r.RequestId);
            var payment = PaymentInfo.Parse(r.PaymentInfo);
            if (r.Status is DocumentRequestStatuses.Approved or DocumentRequestStatuses.Released)
            {
                (meta.Fee <= 0 || payment?.Settled == true).Should().BeTrue($"{r.RequestId} was approved, so its fee was paid or waived");
                meta.Certificate.Should().NotBeNull(r.RequestId);
                meta.Certificate!.VerificationCode.Should().NotBeEmpty();
                meta.History.Should().Contain(h => h.Status == DocumentRequestStatuses.Approved && h.ByPosition == "Punong Barangay" && h.ByName == "Ricardo M. Dela Cruz");
            }
            if (r.DueAt is not null) meta.ClockStartedAt.Should().NotBeNull(r.RequestId);
        }
        rows.Should().Contain(r => r.Status == DocumentRequestStatuses.Approved || r.Status == DocumentRequestStatuses.Released);
    }

    [Fact]
    public async Task Holidays2026_Complete()
    {
        var days = (await _services.Get<HolidayCalendar>().HolidaysAsync()).Select(h => h.Date).ToList();
        days.Should().Contain(new DateOnly[]
        {
            new(2026, 1, 1), new(2026, 2, 17), new(2026, 4, 2), new(2026, 4, 3), new(2026, 4, 4), new(2026, 4, 9), new(2026, 5, 1), new(2026, 6, 12),
            new(2026, 8, 21), new(2026, 8, 31), new(2026, 11, 1), new(2026, 11, 2), new(2026, 11, 30), new(2026, 12, 8), new(2026, 12, 24),
            new(2026, 12, 25), new(2026, 12, 30), new(2026, 12, 31),
        });
    }

    [Fact]
    public async Task KapitanAndTreasurer_SignInWithTheirPublishedDemoPasswords()
    {
        var users = _services.Get<UserManager<Barangay.Data.Accounts.User>>();
        foreach (var (user, password) in new[] { (DemoAccounts.KapitanUser, DemoAccounts.KapitanPassword), (DemoAccounts.TreasurerUser, DemoAccounts.TreasurerPassword) })
            (await users.CheckPasswordAsync((await users.FindByNameAsync(user))!, password)).Should().BeTrue(user);
    }
}
