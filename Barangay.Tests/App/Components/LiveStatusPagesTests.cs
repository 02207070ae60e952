using Barangay.App.Components.Pages.Complaints;
using Barangay.App.Components.Pages.Events;
using Barangay.App.Notifications;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Events;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Tests.App.Notifications;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Data.Events;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>
/// Pages showing a status a resident waits on follow the hall's changes without a reload: the hall acts through its
/// own services (another "replica"), the real notification poller signals, and the resident's page re-reads.
/// </summary>
public class LiveStatusPagesTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly DemoDatabase _database;
    private readonly TestCaller _resident;
    private readonly ComplaintsTestHost _hall;
    private readonly string _files = Path.Combine(Path.GetTempPath(), "barangay-live-" + Guid.NewGuid().ToString("N")[..8]);

    public LiveStatusPagesTests(DemoDatabase database)
    {
        _database = database;
        _hall = new ComplaintsTestHost(database.AppConnectionString);
        _resident = NotificationLiveServices.Add(Services, database.AppConnectionString);
        Services.AddBarangayFiles(new FileStorageOptions { DataRoot = _files });
        Services.AddComplaintsAndMessaging().AddEvents();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _hall.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, recursive: true);
    }

    private Task PollAsync() => Services.GetRequiredService<NotificationPoller>().PollOnceAsync(CancellationToken.None);

    [Fact]
    public async Task MyComplaintPage_HallStartsWork_StatusChangesWithoutReload()
    {
        await _hall.AsJuanAsync();
        var filed = (await _hall.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        _resident.Current = _hall.Services.Caller.Current;
        var cut = Render<MyComplaintPage>(p => p.Add(x => x.Id, filed.Id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=live-my-complaint]").GetAttribute("data-live").Should().Be("ready"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=complaint-status]").TextContent.Trim().Should().Be("New"));

        await _hall.AsSecretaryAsync();
        var detail = await _hall.Complaints.GetAsync(filed.Id);
        (await _hall.Complaints.ChangeStatusAsync(filed.Id, ComplaintStatuses.InProgress, null, detail!.Version)).Ok.Should().BeTrue();
        await PollAsync();

        // Inside a live region: a screen reader says the new status (issue 25, WCAG 4.1.3).
        cut.WaitForAssertion(() => cut.Find("[role=status] [data-testid=complaint-status]").TextContent.Trim().Should().Be("In progress"));
    }

    [Fact]
    public async Task MyComplaintPage_AttachedPhoto_ShownBackAsAPhoto_AndNoThreadUntilTheyWrite()
    {
        await _hall.AsJuanAsync();
        var photo = (await _hall.Complaints.AttachAsync("basura.png", new MemoryStream(SampleFiles.Png))).File!.Id;
        var input = ComplaintsTestHost.Noise();
        input.AttachmentIds = [photo];
        var filed = (await _hall.Complaints.FileAsync(input)).Value!;
        _resident.Current = _hall.Services.Caller.Current;

        var cut = Render<MyComplaintPage>(p => p.Add(x => x.Id, filed.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=complaint-photo]").GetAttribute("src").Should().Be($"/files/{photo}"));
        cut.FindAll("[data-testid=complaint-thread]").Should().BeEmpty();
        cut.Find("[data-testid=complaint-write]").GetAttribute("href").Should().Be($"/messages/new?link=complaint:{filed.Id}");
    }

    [Fact]
    public async Task EventPage_WaitlisterPromoted_ShowsRegisteredAndOneSeatWording()
    {
        await _hall.AsSecretaryAsync();
        var secretary = _hall.Services.Caller.Current;
        var people = await CommunityTestData.CreateResidentsAsync(_database.AppConnectionString, 2, "purok-1");
        var ev = await PublishedEventAsync(secretary, capacity: 1);
        _resident.Current = CommunityTestData.CallerOf(people[0]);
        var events = Services.GetRequiredService<EventService>();
        (await events.RegisterAsync(ev)).Value!.Status.Should().Be(EventRegistrationStatuses.Registered);
        _resident.Current = CommunityTestData.CallerOf(people[1]);
        (await events.RegisterAsync(ev)).Value!.Status.Should().Be(EventRegistrationStatuses.Waitlisted);

        var cut = Render<EventPage>(p => p.Add(x => x.Id, ev));
        cut.WaitForAssertion(() => cut.Find("[data-testid=live-event]").GetAttribute("data-live").Should().Be("ready"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=my-status]").TextContent.Trim().Should().Be("Waitlist number 1"));

        _resident.Current = CommunityTestData.CallerOf(people[0]);
        (await events.CancelRegistrationAsync(ev)).Ok.Should().BeTrue();
        _resident.Current = CommunityTestData.CallerOf(people[1]);
        await PollAsync();

        cut.WaitForAssertion(() => cut.Find("[data-testid=my-status]").TextContent.Trim().Should().Be("You are registered"));
    }

    [Fact]
    public async Task EventPage_OneSeatLeft_SaysSeatInTheSingular()
    {
        await _hall.AsSecretaryAsync();
        var ev = await PublishedEventAsync(_hall.Services.Caller.Current, capacity: 1);
        _resident.Current = CommunityTestData.CallerOf((await CommunityTestData.CreateResidentsAsync(_database.AppConnectionString, 1, "purok-1"))[0]);

        var cut = Render<EventPage>(p => p.Add(x => x.Id, ev));

        cut.WaitForAssertion(() => cut.Find("[data-testid=seats-left]").TextContent.Should().Be("1 seat left"));
    }

    private async Task<Guid> PublishedEventAsync(Caller secretary, int capacity)
    {
        _resident.Current = secretary;
        var events = Services.GetRequiredService<EventService>();
        var start = TimeZones.ToManila(TestClock.UtcNow).Date.AddDays(7).AddHours(8);
        var created = await events.CreateAsync(new EventEdit
        {
            Title = "Libreng Bakuna", Category = "health", StartLocal = start, EndLocal = start.AddHours(4), Venue = "Covered court",
            MaxCapacity = capacity, RegistrationRequired = true,
        });
        created.Ok.Should().BeTrue(created.Message);
        (await events.PublishAsync(created.Value!.Id)).Ok.Should().BeTrue();
        return created.Value.Id;
    }
}
