using Barangay.Data.Dashboard;
using Barangay.Data.Events;

namespace Barangay.Tests.Data.Events;

/// <summary>Issue 24: the home's "My event registrations" card opens the resident's own list, which holds what it counts.</summary>
public partial class EventServiceTests
{
    [Fact]
    public async Task MinePage_ListsSeatsAndWaitlistPlaces_NotCancelledOnes_AndEqualsTheHomeCount()
    {
        var seat = await PublishedAsync(10);
        var full = await PublishedAsync(1);
        var dropped = await PublishedAsync(10);
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 2, "purok-1");
        FlowCaller.Set(CommunityTestData.CallerOf(people[1]));
        (await Events.RegisterAsync(full.Id)).Value!.Status.Should().Be(EventRegistrationStatuses.Registered);

        FlowCaller.Set(CommunityTestData.CallerOf(people[0]));
        (await Events.MinePageAsync(0, 20)).Total.Should().Be(0);
        (await Events.RegisterAsync(seat.Id)).Ok.Should().BeTrue();
        (await Events.RegisterAsync(full.Id)).Value!.Status.Should().Be(EventRegistrationStatuses.Waitlisted);
        (await Events.RegisterAsync(dropped.Id)).Ok.Should().BeTrue();
        (await Events.CancelRegistrationAsync(dropped.Id)).Ok.Should().BeTrue();

        var mine = await Events.MinePageAsync(0, 20);
        mine.Items.Select(e => e.Id).Should().BeEquivalentTo([seat.Id, full.Id]);
        mine.Total.Should().Be(2);
        var home = await _services.Get<DashboardService>().GetResidentHomeAsync();
        home!.RegistrationCount.Should().Be(mine.Total, "the card's number is the list's length");
        (await Events.MinePageAsync(1, 1)).Items.Should().ContainSingle().Which.Id.Should().Be(mine.Items[1].Id);
    }
}
