using Barangay.Data;
using Barangay.Data.Announcements;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Data.Messaging;
using Barangay.Data.Notifications;
using Barangay.Data.Security;
using Barangay.Data.Sms;
using Barangay.Jobs.Sms;
using Barangay.Tests.Data.Announcements;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Data.Events;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Notifications;

/// <summary>
/// Issue 24 item 1, "receive notices with a mobile number alone": a resident with a proved mobile number and no email
/// hears by text what others hear by email (request and complaint updates, replies from the hall, announcements), through
/// the real SMS job to a fake gateway. Before <see cref="NoticeTexts"/>, such a resident was told nothing outside the app.
/// </summary>
public sealed class MobileOnlyNoticesTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string JuanNumber = "+639175550404";
    private FakeSmsGateway _gateway = null!;
    private HttpClient _http = null!;
    private DocumentsTestHost _documents = null!;
    private ComplaintsTestHost _complaints = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FakeSmsGateway.StartAsync();
        _http = new HttpClient();
        _documents = new DocumentsTestHost(database.AppConnectionString);
        _complaints = new ComplaintsTestHost(database.AppConnectionString, more: s =>
        {
            s.AddSingleton<IAnnouncementDispatcher, NoDispatch>();
            s.AddSingleton<ISmsDispatcher, NoDispatch>();
            s.AddSingleton<AnnouncementFanOut>();
            s.AddScoped<AnnouncementService>();
        });
        await using var db = await _documents.Services.DbAsync();
        await MobileOnlyResident.MakeAsync(db, "juan", JuanNumber);
    }

    public async Task DisposeAsync()
    {
        await _documents.DisposeAsync();
        await _complaints.DisposeAsync();
        await _gateway.DisposeAsync();
        _http.Dispose();
    }

    /// <summary>Runs the real SMS job against the fake gateway; what reached <paramref name="number"/> so far.</summary>
    private async Task<List<string>> TextsToAsync(string number)
    {
        var options = new SmsOptions { GatewayBaseUrl = _gateway.BaseUrl, GatewayApiKey = "k" };
        await new SmsDeliveryJob(_documents.Services.Get<IDbContextFactory<BarangayDbContext>>(), new HttpSmsGateway(_http, options), options, TestClock.Running())
            .SendDueAsync(default);
        return _gateway.Requests.Where(r => r.To == number).Select(r => r.Message).ToList();
    }

    [Fact]
    public async Task DocumentRequest_ResidentWithoutEmail_ReceivedAndReviewAreTexted()
    {
        await _documents.AsJuanAsync();
        var ack = (await _documents.Requests.CreateAsync(DocumentRequestServiceTests.Clearance("Scholarship"))).Value!;
        (await TextsToAsync(JuanNumber)).Last().Should().StartWith("Barangay San Isidro: ").And.Contain(ack.RequestId);

        await _documents.AsSecretaryAsync();
        var before = (await TextsToAsync(JuanNumber)).Count;
        (await _documents.Requests.ReviewAsync(ack.Id, (await _documents.Requests.GetAsync(ack.Id))!.Version)).Ok.Should().BeTrue();
        var texts = await TextsToAsync(JuanNumber);
        texts.Should().HaveCount(before + 1, "the hall's next step reaches the resident's phone");
        texts[^1].Should().Contain(ack.RequestId);
    }

    [Fact]
    public async Task Complaint_ResidentWithoutEmail_StatusChangeAndTheHallsReplyAreTexted()
    {
        await _complaints.AsJuanAsync();
        var filed = (await _complaints.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        var before = (await TextsToAsync(JuanNumber)).Count;

        await _complaints.SignInAsync("secretary", OfficialPositions.Secretary);
        var detail = (await _complaints.Complaints.GetAsync(filed.Id))!;
        (await _complaints.Complaints.ChangeStatusAsync(filed.Id, ComplaintStatuses.InProgress, "Kagawad to visit tonight", detail.Version)).Ok.Should().BeTrue();
        var texts = await TextsToAsync(JuanNumber);
        texts.Should().HaveCount(before + 1);
        texts[^1].Should().Contain(filed.ComplaintId);

        // A message from the hall to Juan: texted too.
        var juanId = await _complaints.AsJuanAsync();
        await using (var db = await _complaints.Services.DbAsync())
            juanId = await db.Residents.Where(r => r.UserId == juanId).Select(r => r.Id).SingleAsync();
        await _complaints.SignInAsync("secretary", OfficialPositions.Secretary);
        var sent = await _complaints.Messaging.StartWithResidentAsync(juanId, "Your barangay clearance", "Please bring a valid ID when you claim it.");
        sent.Ok.Should().BeTrue(sent.Message);
        (await TextsToAsync(JuanNumber)).Last().Should().Contain("New message from").And.Contain("Your barangay clearance");
    }

    [Fact]
    public async Task Announcement_ByEmailOnly_ResidentWithoutEmailGetsItByText_OthersByEmail()
    {
        var purok = "purok-m" + Guid.NewGuid().ToString("N")[..6];
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 2, purok);
        await using (var db = await _complaints.Services.DbAsync())
            await db.Users.Where(u => u.Id == people[0].UserId).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.Email, (string?)null).SetProperty(x => x.NormalizedEmail, (string?)null)
                .SetProperty(x => x.PhoneNumber, "+639175550505").SetProperty(x => x.PhoneNumberConfirmed, true));
        await _complaints.SignInAsync("secretary", OfficialPositions.Secretary);
        var announcements = _complaints.Services.Get<AnnouncementService>();
        var created = await announcements.CreateAsync(new AnnouncementEdit
        {
            Title = "Road closure", Body = "Rizal St. is closed on Sunday for the fiesta.", Puroks = [purok],
            Channels = [AnnouncementChannels.InApp, AnnouncementChannels.Email],
        });
        created.Ok.Should().BeTrue(created.Message);
        (await announcements.PublishAsync(created.Value!.Id)).Ok.Should().BeTrue();
        await using (var db = await _complaints.Services.DbAsync())
        {
            var delivery = await db.Set<AnnouncementDelivery>().Where(d => d.AnnouncementId == created.Value.Id).Select(d => d.Id).SingleAsync();
            var progress = await _complaints.Services.Get<AnnouncementFanOut>().RunAsync(delivery);
            progress.Should().BeEquivalentTo(new { Emails = 1, Sms = 1 });
        }

        (await TextsToAsync("+639175550505")).Should().ContainSingle()
            .Which.Should().Be("Barangay San Isidro: Road closure: Rizal St. is closed on Sunday for the fiesta.");
        (await TextsToAsync("+639170000002")).Should().BeEmpty("a resident with email gets the email, not a text");
    }

    /// <summary>The real event service over the demo database, and the secretary (make them the flow's caller in the test itself: an AsyncLocal set in here would not flow back).</summary>
    private async Task<(TestServices Host, Barangay.Data.Events.EventService Service, Caller Secretary)> EventsAsSecretaryAsync()
    {
        var events = new TestServices(database.AppConnectionString, s =>
        {
            s.AddSingleton(new Barangay.Data.Events.EventOptions());
            s.AddSingleton<Barangay.Data.Security.ICurrentUser, FlowCaller>();
            s.AddSingleton<Barangay.Data.Events.RegistrationDesk>();
            s.AddScoped<Barangay.Data.Events.EventService>();
        });
        await events.SignInAsAsync("secretary", OfficialPositions.Secretary);
        return (events, events.Get<Barangay.Data.Events.EventService>(), events.Caller.Current);
    }

    private static Barangay.Data.Events.EventEdit BakunaEdit(int capacity, string venue = "Covered court", int startHour = 8) => new()
    {
        Title = "Libreng Bakuna", Description = "Bring your vaccination card.", Category = "health",
        StartLocal = TimeZones.ToManila(TestClock.UtcNow).Date.AddDays(7).AddHours(startHour),
        EndLocal = TimeZones.ToManila(TestClock.UtcNow).Date.AddDays(7).AddHours(startHour + 4),
        Venue = venue, MaxCapacity = capacity, RegistrationRequired = true,
    };

    /// <summary>Makes the person a resident who registered with a proved mobile number and no email.</summary>
    private static async Task MobileOnlyAsync(TestServices host, Guid userId, string number)
    {
        await using var db = await host.DbAsync();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.Email, (string?)null).SetProperty(x => x.NormalizedEmail, (string?)null)
            .SetProperty(x => x.PhoneNumber, number).SetProperty(x => x.PhoneNumberConfirmed, true));
    }

    [Fact]
    public async Task Event_WaitlistedResidentWithoutEmail_IsTextedWhenASeatOpens()
    {
        var (events, service, secretary) = await EventsAsSecretaryAsync();
        await using var _ = events;
        FlowCaller.Set(secretary);
        var ev = (await service.CreateAsync(BakunaEdit(1))).Value!;
        (await service.PublishAsync(ev.Id)).Ok.Should().BeTrue();
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 2, "purok-e" + Guid.NewGuid().ToString("N")[..6]);
        await MobileOnlyAsync(events, people[1].UserId, "+639175550707");
        foreach (var p in people)
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            (await service.RegisterAsync(ev.Id)).Ok.Should().BeTrue();
        }
        (await TextsToAsync("+639175550707")).Should().BeEmpty("waitlisted, nothing to tell yet");

        FlowCaller.Set(secretary);
        (await service.UpdateAsync(ev.Id, BakunaEdit(2))).Ok.Should().BeTrue();
        (await TextsToAsync("+639175550707")).Should().ContainSingle().Which.Should().Contain("A seat opened up").And.Contain("Libreng Bakuna");
    }

    /// <summary>
    /// A registrant without email hears of a published event's change of time or venue, and of its cancellation, by
    /// text (EventNotices.ChangedAsync / CancelledAsync through NoticeTexts); a registrant with email gets the email
    /// and no text.
    /// </summary>
    [Fact]
    public async Task Event_RegisteredResidentWithoutEmail_IsTextedWhenTheEventChangesAndWhenItIsCancelled()
    {
        var (events, service, secretary) = await EventsAsSecretaryAsync();
        await using var _ = events;
        FlowCaller.Set(secretary);
        const string number = "+639175550909";
        var ev = (await service.CreateAsync(BakunaEdit(10))).Value!;
        (await service.PublishAsync(ev.Id)).Ok.Should().BeTrue();
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 2, "purok-c" + Guid.NewGuid().ToString("N")[..6]);
        await MobileOnlyAsync(events, people[0].UserId, number);
        foreach (var p in people)
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            (await service.RegisterAsync(ev.Id)).Ok.Should().BeTrue();
        }
        FlowCaller.Set(secretary);
        (await TextsToAsync(number)).Should().BeEmpty("registering is not a notice");

        (await service.UpdateAsync(ev.Id, BakunaEdit(10, venue: "Barangay hall", startHour: 13))).Ok.Should().BeTrue();
        (await TextsToAsync(number)).Should().ContainSingle().Which.Should()
            .StartWith("Barangay San Isidro: Libreng Bakuna was changed: now ").And.EndWith(" at Barangay hall.");

        (await service.CancelAsync(ev.Id)).Ok.Should().BeTrue();
        var texts = await TextsToAsync(number);
        texts.Should().HaveCount(2);
        texts[^1].Should().StartWith("Barangay San Isidro: Libreng Bakuna (").And.EndWith(") was cancelled.");

        await using var db = await events.DbAsync();
        (await db.Set<SmsMessage>().CountAsync(m => m.UserId == people[1].UserId)).Should().Be(0, "a registrant with email is emailed, not texted");
        (await db.EmailQueue.CountAsync(m => m.ToEmail == people[1].UserName + "@example.test")).Should().Be(2, "the changed and cancelled emails");
    }

    [Fact]
    public async Task NoticeTexts_OnlyAProvedNumberWithoutEmail_InTheReadersLanguage()
    {
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 4, "purok-n" + Guid.NewGuid().ToString("N")[..6]);
        await using var db = await _complaints.Services.DbAsync();
        async Task SetAsync(int i, string? email, string number, bool proved, string? language = null) =>
            await db.Users.Where(u => u.Id == people[i].UserId).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.Email, email).SetProperty(x => x.PhoneNumber, number)
                .SetProperty(x => x.PhoneNumberConfirmed, proved).SetProperty(x => x.PreferredLanguage, language));
        await SetAsync(0, null, "+639175550601", proved: true, AppLanguages.Filipino);
        await SetAsync(1, "has.email@example.test", "+639175550602", proved: true);
        await SetAsync(2, null, "+639175550603", proved: false);
        await SetAsync(3, null, "+639175550604", proved: true);
        await db.Residents.Where(r => r.UserId == people[3].UserId).ExecuteUpdateAsync(r => r.SetProperty(x => x.PrivacySettings, "{\"allow_email_notifications\": false}"));

        var queued = await NoticeTexts.QueueAsync(db, people.Select(p => p.UserId).ToList(), new Barangay.Data.Localization.Message("Your password has been reset."), "test", default);
        await db.SaveChangesAsync();

        queued.Should().Be(1, "only a proved number without email, with notices on, is texted");
        var row = await db.Set<SmsMessage>().AsNoTracking().SingleAsync(m => m.Source == "test" && m.UserId == people[0].UserId);
        row.ToNumber.Should().Be("+639175550601");
        row.Body.Should().Be("Barangay San Isidro: " + Texts.Get("Your password has been reset.", AppLanguages.FilipinoCulture));
        row.Body.Should().NotContain("Your password", "the reader chose Filipino");
    }

    private sealed class NoDispatch : IAnnouncementDispatcher, ISmsDispatcher
    {
        public Task StartAsync(Guid deliveryId, CancellationToken ct = default) => Task.CompletedTask;
        public Task StartAsync(CancellationToken ct = default) => Task.CompletedTask;
    }
}
