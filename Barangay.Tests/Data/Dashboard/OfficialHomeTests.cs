using Barangay.Data.Dashboard;
using Barangay.Data.Documents;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Dashboard;

public class OfficialHomeTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly Dictionary<string, HallFixture.Ids> Fixtures = [];
    private DashboardHost _host = null!;
    private HallFixture.Ids _ids = null!;

    public async Task InitializeAsync()
    {
        _host = new DashboardHost(database.AppConnectionString);
        await Seeded.WaitAsync();
        try
        {
            if (!Fixtures.TryGetValue(database.Name, out var ids))
            {
                await using var db = await _host.Services.DbAsync();
                Fixtures[database.Name] = ids = await HallFixture.SeedAsync(db);
            }
            _ids = ids;
        }
        finally
        {
            Seeded.Release();
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<OfficialHome?> HomeAs(string position)
    {
        _host.SignIn(_ids.Secretary, "fx-secretary", Barangay.Data.Accounts.AppRoles.Official, position);
        return _host.Get<DashboardService>().GetOfficialHomeAsync();
    }

    [Fact]
    public async Task GetOfficialHome_Secretary_CardsMatchTheHandCount()
    {
        var c = (await HomeAs(OfficialPositions.Secretary))!.Cards;

        c.Population.Should().Be(8, "R1–R7 and R11 are active; R8 archived, R9 deleted, R10 pending");
        c.Households.Should().Be(3, "H3 is deleted");
        c.PendingRegistrations.Should().Be(2);
        c.RequestsByStatus.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            [DocumentRequestStatuses.Submitted] = 3, [DocumentRequestStatuses.Reviewed] = 1, [DocumentRequestStatuses.Processing] = 1,
            [DocumentRequestStatuses.Approved] = 2, [DocumentRequestStatuses.Released] = 1, [DocumentRequestStatuses.Rejected] = 1,
        });
        c.OpenRequests.Should().Be(7);
        c.OverdueRequests.Should().Be(2, "REQ-2 and REQ-4 are past due; REQ-6 and REQ-7 are approved, no longer waiting on the hall");
        c.OpenComplaints.Should().Be(2, "the secretary does not see confidential complaints");
        c.KpNearDeadline.Should().Be(0, "no KP cases exist until that feature registers its counter");
        c.UpcomingEvents.Should().Be(2, "EVT-1 and EVT-5; EVT-2 is over, EVT-3 a draft, EVT-4 cancelled");
        c.UnreadHallMessages.Should().Be(2);
        c.UnreadForMe.Should().Be(3);
    }

    [Fact]
    public async Task GetOfficialHome_PunongBarangay_CountsConfidentialComplaintsToo()
    {
        var c = (await HomeAs(OfficialPositions.PunongBarangay))!.Cards;
        c.OpenComplaints.Should().Be(3);
    }

    [Fact]
    public async Task GetOfficialHome_Secretary_ChartsMatchTheHandCount()
    {
        var charts = (await HomeAs(OfficialPositions.Secretary))!.Charts;

        charts.Pyramid.Should().HaveCount(17);
        charts.Pyramid.Where(b => b.Male + b.Female > 0).Should().Equal(
            new PyramidBand("0–4", 1, 1), new PyramidBand("25–29", 1, 1), new PyramidBand("35–39", 1, 0),
            new PyramidBand("65–69", 0, 1), new PyramidBand("80+", 0, 1));
        charts.PerPurok.Should().Equal(new PurokCount(HallFixture.PurokA, "Purok A", 5), new PurokCount(HallFixture.PurokB, "Purok B", 3));
        charts.PerWeek.Should().HaveCount(12);
        charts.PerWeek[0].WeekStart.Should().Be(new DateOnly(2025, 12, 29));
        charts.PerWeek[11].WeekStart.Should().Be(new DateOnly(2026, 3, 16));
        charts.PerWeek.Select(w => w.Requests).Should().Equal(0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 1, 2);
        // CMP-FX-3 (road, this week) is confidential: the secretary's charts count only what her complaint queue shows her.
        charts.PerWeek.Select(w => w.Complaints).Should().Equal(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1);
        charts.ComplaintCategories.Should().Equal(
            new CategoryCount("fx-noise", "Noise", 2), new CategoryCount("fx-animals", "Animals", 1), new CategoryCount("fx-road", "Road", 1));
    }

    [Fact]
    public async Task GetOfficialHome_PunongBarangay_ChartsCountConfidentialComplaintsToo()
    {
        var charts = (await HomeAs(OfficialPositions.PunongBarangay))!.Charts;
        charts.PerWeek.Select(w => w.Complaints).Should().Equal(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 2);
        charts.ComplaintCategories.Should().Equal(
            new CategoryCount("fx-noise", "Noise", 2), new CategoryCount("fx-road", "Road", 2), new CategoryCount("fx-animals", "Animals", 1));
    }

    [Fact]
    public async Task GetOfficialHome_AllOfIt_TakesOneDatabaseRoundTrip()
    {
        await HomeAs(OfficialPositions.Secretary); // opens the pool's physical connection
        var (home, roundTrips) = await DashboardHost.CountRoundTripsAsync(() => HomeAs(OfficialPositions.Secretary));
        home.Should().NotBeNull();
        roundTrips.Should().Be(1, "cards and charts go as one batch (the issue allows at most 3)");
    }

    [Fact]
    public async Task GetOfficialHome_Resident_GetsNothing()
    {
        _host.SignIn(_ids.JuanUser, "fx-juan", Barangay.Data.Accounts.AppRoles.Resident);
        (await _host.Get<DashboardService>().GetOfficialHomeAsync()).Should().BeNull();
    }
}
