using Barangay.Data.Accounts;
using Barangay.Data.Dashboard;
using Barangay.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Dashboard;

public class ResidentHomeTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
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

    [Fact]
    public async Task GetResidentHome_Juan_ShowsHisRequestsWithNextStepAndDueDate()
    {
        _host.SignIn(_ids.JuanUser, "fx-juan", AppRoles.Resident);
        var home = (await _host.Get<DashboardService>().GetResidentHomeAsync())!;

        home.ResidentName.Should().Be("R3 Fixture");
        home.Requests.Select(r => r.RequestId).Should().Equal("REQ-FX-6", "REQ-FX-3", "REQ-FX-4", "REQ-FX-2", "REQ-FX-5");
        home.OpenRequestCount.Should().Be(6, "the card counts all six open requests, the home lists the five due first");
        home.Requests.Should().NotContain(r => r.RequestId == "REQ-FX-7", "R9's request is not Juan's");
        var byId = home.Requests.ToDictionary(r => r.RequestId);
        byId["REQ-FX-6"].NextStep.Should().Be("Ready: claim it at the barangay hall.");
        byId["REQ-FX-2"].NextStep.Should().Be("The hall will review your request.");
        byId["REQ-FX-5"].NextStep.Should().Be("The hall is preparing your document.");
        byId["REQ-FX-5"].DueAt.Should().Be(HallFixture.Now.AddDays(1));
        home.Requests.Where(r => r.Overdue).Select(r => r.RequestId).Should().BeEquivalentTo("REQ-FX-2", "REQ-FX-4");
        byId["REQ-FX-6"].TypeLabel.Should().Be("Barangay Clearance");
    }

    [Fact]
    public async Task GetResidentHome_Juan_ShowsHisComplaintsRegistrationsAnnouncementsAndUnread()
    {
        _host.SignIn(_ids.JuanUser, "fx-juan", AppRoles.Resident);
        var home = (await _host.Get<DashboardService>().GetResidentHomeAsync())!;

        home.Complaints.Select(c => (c.ComplaintId, c.Category, c.Status)).Should().Equal(
            ("CMP-FX-1", "Noise", "new"), ("CMP-FX-2", "Noise", "in_progress"), ("CMP-FX-4", "Road", "resolved"));
        home.Registrations.Select(r => (r.Title, r.Status)).Should().Equal(("Medical mission", "registered"), ("Basketball league", "waitlisted"));
        home.Announcements.Select(a => a.Title).Should().Equal("Water interruption", "Purok A clean-up");
        home.UnreadMessages.Should().Be(4);
        (home.OpenComplaintCount, home.RegistrationCount).Should().Be((2, 2));
    }

    [Fact]
    public async Task GetResidentHome_MoreOpenComplaintsThanShown_CardCountsThemAll()
    {
        _host.SignIn(_ids.JuanUser, "fx-juan", AppRoles.Resident);
        var before = (await _host.Get<DashboardService>().GetResidentHomeAsync())!;
        var extra = DashboardService.ComplaintsShown + 2;
        var added = new List<Guid>();
        await using var db = await _host.Services.DbAsync();
        var mine = db.Complaints.First(c => c.ComplaintId == "CMP-FX-1");
        for (var i = 0; i < extra; i++)
        {
            var c = new Barangay.Data.Complaints.Complaint
            {
                Id = Guid.NewGuid(), ComplaintId = $"CMP-FXC-{i}", ResidentId = mine.ResidentId, Category = mine.Category, Subject = "More noise",
                Description = "Again", Status = "new", ReportedAt = HallFixture.Now, Purok = mine.Purok, Version = Guid.NewGuid(),
            };
            db.Complaints.Add(c);
            added.Add(c.Id);
        }
        await db.SaveChangesAsync();
        try
        {
            var home = (await _host.Get<DashboardService>().GetResidentHomeAsync())!;

            home.Complaints.Should().HaveCount(DashboardService.ComplaintsShown);
            home.OpenComplaintCount.Should().Be(before.OpenComplaintCount + extra);
        }
        finally
        {
            // The class shares one fixture: leave Juan's complaints as the other tests expect them.
            await db.Complaints.IgnoreQueryFilters().Where(c => added.Contains(c.Id)).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task GetResidentHome_AnotherResident_SeesOnlyHerOwn()
    {
        _host.SignIn(_ids.OtherUser, "fx-maria", AppRoles.Resident);
        var home = (await _host.Get<DashboardService>().GetResidentHomeAsync())!;

        home.ResidentName.Should().Be("R6 Fixture");
        home.Requests.Should().BeEmpty();
        home.Complaints.Select(c => c.ComplaintId).Should().Equal("CMP-FX-3", "CMP-FX-5");
        home.Registrations.Select(r => r.Title).Should().Equal("Medical mission");
        home.Announcements.Select(a => a.Title).Should().Equal("Water interruption", "Purok B meeting");
        home.UnreadMessages.Should().Be(5);
    }

    [Fact]
    public async Task GetResidentHome_Official_GetsNothing()
    {
        _host.SignIn(_ids.Secretary, "fx-secretary", AppRoles.Official, Barangay.Data.Security.OfficialPositions.Secretary);
        (await _host.Get<DashboardService>().GetResidentHomeAsync()).Should().BeNull();
    }

    [Theory]
    [InlineData(DocumentRequestStatuses.Submitted, true, "The hall will review your request.")]
    [InlineData(DocumentRequestStatuses.Submitted, false, "Pay the fee at the barangay hall (keep the official receipt).")]
    [InlineData(DocumentRequestStatuses.Processing, true, "The hall is preparing your document.")]
    [InlineData(DocumentRequestStatuses.Approved, true, "Ready: claim it at the barangay hall.")]
    public void NextStep_ByStatusAndFee_TellsTheResidentWhatHappensNext(string status, bool settled, string expected) =>
        DashboardService.NextStep(status, settled).Should().Be(expected);
}
