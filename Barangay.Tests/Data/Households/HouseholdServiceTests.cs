using Barangay.Data.Households;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Households;

public class HouseholdServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private HouseholdService Households => _services.Get<HouseholdService>();
    private ResidentService Residents => _services.Get<ResidentService>();

    public async Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s => { s.AddScoped<ResidentService>(); s.AddScoped<HouseholdService>(); });
        await _services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<Guid> NewResidentAsync(string first, int age)
    {
        var r = await Residents.CreateAsync(new ResidentEdit
        {
            FirstName = first, LastName = "Macaraeg", Dob = DateOnly.FromDateTime(TestClock.UtcNow).AddYears(-age).AddDays(-10),
            Purok = "purok-4", Sex = "Female", AgeReason = age < 16 ? "Child of the household" : null,
        });
        r.Ok.Should().BeTrue(r.Message);
        return r.Value;
    }

    [Fact]
    public async Task Create_HeadAndMembers_ListsMembersWithAges()
    {
        var head = await NewResidentAsync("Lorna", 41);
        var child = await NewResidentAsync("Bea", 9);
        var created = await Households.CreateAsync(new HouseholdEdit { HeadResidentId = head, Address = "7 Mabini St." });
        created.Ok.Should().BeTrue(created.Message);
        (await Households.AddMemberAsync(created.Value, child, "Daughter")).Ok.Should().BeTrue();

        var h = await Households.GetAsync(created.Value);
        h!.HouseholdId.Should().MatchRegex(@"^HH-\d{4}-\d{6}$");
        h.Purok.Should().Be("purok-4", "the head's purok is the default");
        h.Members.Should().HaveCount(2);
        h.Members[0].IsHead.Should().BeTrue();
        h.Members[0].Age.Should().Be(41);
        h.Members.Should().Contain(m => m.FullName.Contains("Bea") && m.Age == 9 && m.Relation == "Daughter");
        (await Residents.GetAsync(child))!.HouseholdCode.Should().Be(h.HouseholdId);
    }

    [Fact]
    public async Task AddMember_AlreadyInAnotherHousehold_IsRefusedWithTheOtherHousehold()
    {
        var a = await Households.CreateAsync(new HouseholdEdit { HeadResidentId = await NewResidentAsync("Rowena", 50) });
        var b = await Households.CreateAsync(new HouseholdEdit { HeadResidentId = await NewResidentAsync("Erlinda", 60) });
        var member = await NewResidentAsync("Camille", 20);
        (await Households.AddMemberAsync(a.Value, member, "Daughter")).Ok.Should().BeTrue();

        var refused = await Households.AddMemberAsync(b.Value, member, "Niece");
        refused.Ok.Should().BeFalse();
        refused.Errors["ResidentId"].Should().Contain("already belongs to household").And.Contain((await Households.GetAsync(a.Value))!.HouseholdId);

        (await Households.MoveMemberAsync(member, b.Value, "Niece")).Ok.Should().BeTrue();
        (await Households.GetAsync(a.Value))!.Members.Should().NotContain(m => m.ResidentId == member);
        (await Households.GetAsync(b.Value))!.Members.Should().Contain(m => m.ResidentId == member && m.Relation == "Niece");
    }

    [Fact]
    public async Task Head_CannotBeRemovedOrMovedUntilReplaced()
    {
        var head = await NewResidentAsync("Remedios", 70);
        var son = await NewResidentAsync("Angelo", 35);
        var h = (await Households.CreateAsync(new HouseholdEdit { HeadResidentId = head })).Value;
        await Households.AddMemberAsync(h, son, "Son");
        (await Households.RemoveMemberAsync(h, head)).Errors["ResidentId"].Should().Contain("cannot be removed");
        var other = (await Households.CreateAsync(new HouseholdEdit { HeadResidentId = await NewResidentAsync("Gloria", 45) })).Value;
        (await Households.MoveMemberAsync(head, other, "Parent")).Errors["ResidentId"].Should().Contain("is the head of household");

        (await Households.SetHeadAsync(h, son)).Ok.Should().BeTrue();
        (await Households.RemoveMemberAsync(h, head)).Ok.Should().BeTrue();
        var after = await Households.GetAsync(h);
        after!.HeadResidentId.Should().Be(son);
        after.Members.Should().ContainSingle();
        (await Residents.GetAsync(head))!.HouseholdId.Should().BeNull();
    }

    [Fact]
    public async Task Search_ByHeadNameOrCode_FindsHousehold()
    {
        var page = await Households.SearchAsync(new HouseholdFilter(Search: "delacruz"), 0, 50);
        page.Items.Should().Contain(h => h.HeadName!.StartsWith("Dela Cruz, Juan"));
        var first = page.Items.First();
        (await Households.SearchAsync(new HouseholdFilter(Search: first.HouseholdId), 0, 5)).Items.Should().ContainSingle(h => h.Id == first.Id);
    }

    [Fact]
    public async Task Resident_GetsNoHouseholds()
    {
        await _services.SignInAsAsync(DemoAccounts.ResidentUser);
        (await Households.SearchAsync(new HouseholdFilter(), 0, 10)).Total.Should().Be(0);
        (await Households.FindResidentsAsync("dela")).Should().BeEmpty();
    }
}
