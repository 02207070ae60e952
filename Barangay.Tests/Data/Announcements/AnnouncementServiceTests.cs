using System.Collections.Concurrent;
using Barangay.Data.Announcements;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Barangay.Data.Security;
using Barangay.Data.Sms;
using Barangay.Jobs.Sms;
using Barangay.Tests.Data.Events;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Announcements;

public class AnnouncementServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private Caller _secretary = null!;
    private readonly RecordingDispatchers _dispatch = new();

    public async Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s =>
        {
            s.AddSingleton<ICurrentUser, FlowCaller>();
            s.AddSingleton<IAnnouncementDispatcher>(_dispatch);
            s.AddSingleton<IEmailDispatcher>(_dispatch);
            s.AddSingleton<ISmsDispatcher>(_dispatch);
            s.AddSingleton<AnnouncementFanOut>();
            s.AddScoped<AnnouncementService>();
        });
        await _services.SignInAsAsync("secretary", OfficialPositions.Secretary);
        _secretary = _services.Caller.Current;
        ((FlowCaller)_services.Get<ICurrentUser>()).Fallback = _secretary;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private AnnouncementService Announcements => _services.Get<AnnouncementService>();

    private static string Purok() => "purok-t" + Guid.NewGuid().ToString("N")[..6];

    private static AnnouncementEdit Edit(string title, params string[] puroks) => new()
    {
        Title = title, Body = "Water interruption **Saturday** 8 AM to 5 PM.", Puroks = [.. puroks],
        Channels = [AnnouncementChannels.InApp, AnnouncementChannels.Email, AnnouncementChannels.Sms],
    };

    private async Task<AnnouncementRow> CreateAsync(AnnouncementEdit edit)
    {
        FlowCaller.Set(_secretary);
        var r = await Announcements.CreateAsync(edit);
        r.Ok.Should().BeTrue(r.Message);
        return r.Value!;
    }

    [Fact]
    public async Task Create_ScriptInBody_RefusedWithTheReason()
    {
        FlowCaller.Set(_secretary);
        var edit = Edit("Notice");
        edit.Body = "Hello <script>alert(1)</script>";

        var result = await Announcements.CreateAsync(edit);

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors[nameof(AnnouncementEdit.Body)].Should().Contain("<script> tag, which is not allowed");
    }

    [Fact]
    public void Markdown_HtmlAndScriptLinks_AreNeutralized()
    {
        var html = AnnouncementMarkdown.ToSafeHtml("**Bold** <img src=x onerror=alert(1)> [click](javascript:alert(1)) [ok](https://example.org)");

        html.Should().Contain("<strong>Bold</strong>");
        html.Should().NotContain("<img").And.NotContain("javascript:");
        html.Should().Contain("&lt;img src=x onerror=alert(1)&gt;", "raw HTML is shown as text");
        html.Should().Contain("href=\"https://example.org\"");
    }

    [Fact]
    public async Task Publish_ForOnePurok_ReachesOnlyItsResidentsOnEveryChannelOnce()
    {
        var p1 = Purok();
        var p2 = Purok();
        var inP1 = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 5, p1);
        var inP2 = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 3, p2);
        var a = await CreateAsync(Edit("Water interruption", p1));

        var published = await Announcements.PublishAsync(a.Id);
        var twice = await Announcements.PublishAsync(a.Id);

        published.Value!.Status.Should().Be(AnnouncementStatuses.Published);
        twice.Kind.Should().Be(ResultKind.Conflict);
        twice.Message.Should().Be("This announcement is already published; it was not sent again.");
        var delivery = _dispatch.Deliveries.Should().ContainSingle().Subject;
        var fanOut = _services.Get<AnnouncementFanOut>();
        fanOut.BatchSize = 2;
        var progress = await fanOut.RunAsync(delivery);
        await fanOut.RunAsync(delivery); // a job retry

        progress.Should().BeEquivalentTo(new { Status = DeliveryStatuses.Done, Total = 5, Delivered = 5, Notifications = 5, Emails = 5, Sms = 5 });
        (await Announcements.ProgressAsync(a.Id))!.Percent.Should().Be(100);
        await using var db = await _services.DbAsync();
        var targeted = inP1.Select(p => p.UserId).ToList();
        var others = inP2.Select(p => p.UserId).ToList();
        (await db.Notifications.Where(n => n.Type == "announcement" && (targeted.Contains(n.UserId) || others.Contains(n.UserId))).Select(n => n.UserId).ToListAsync())
            .Should().BeEquivalentTo(targeted, "one notification per targeted user, none for Purok 2");
        (await db.EmailQueue.Where(e => e.Subject == "Water interruption").Select(e => e.ToEmail).ToListAsync())
            .Should().BeEquivalentTo(inP1.Select(p => p.UserName + "@example.test"));
        (await db.Set<SmsMessage>().Where(m => m.Source == a.AnnouncementId).Select(m => m.UserId!.Value).ToListAsync())
            .Should().BeEquivalentTo(targeted);
        (await db.Set<SmsMessage>().Where(m => m.Source == a.AnnouncementId).Select(m => m.ToNumber).FirstAsync()).Should().StartWith("+63917");
        _dispatch.Emails.Should().HaveCount(5);
        (await db.Notifications.CountAsync(n => others.Contains(n.UserId))).Should().Be(0);
        (await db.AuditLogs.CountAsync(l => l.TargetType == "AnnouncementDelivery" && l.TargetId == a.AnnouncementId)).Should().Be(1);
    }

    [Fact]
    public async Task Publish_BodyWithRawLinkAndTrackingPixel_EmailIsPlainTextWithNoLiveMarkup()
    {
        var p = Purok();
        await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, p);
        var edit = Edit("Ayuda payout " + p, p);
        edit.Body = "Claim here: <a href=\"http://evil.example/claim\">official link</a> <img src=\"http://track.example/p.gif\"> ![x](http://track.example/q.gif)";
        var a = await CreateAsync(edit);
        (await Announcements.PublishAsync(a.Id)).Ok.Should().BeTrue();
        await _services.Get<AnnouncementFanOut>().RunAsync(_dispatch.Deliveries.Last());

        await using var db = await _services.DbAsync();
        var email = await db.EmailQueue.AsNoTracking().SingleAsync(e => e.Subject == "Ayuda payout " + p);
        email.IsHtml.Should().BeFalse("an announcement email is text/plain, so the body's tags are shown, never followed or loaded");
        var eml = Barangay.Jobs.Email.EmlFileTransport.Render(Barangay.Jobs.Email.OutgoingEmail.Of(
            new Barangay.Jobs.Email.ClaimedEmail(email.Id, email.ToEmail, email.Subject, email.Body, email.IsHtml, 0, email.CreatedAt), "hall@example.ph"));
        eml.Should().Contain("Content-Type: text/plain").And.NotContain("text/html");
    }

    [Fact]
    public async Task Feed_ShowsOnlyTargetedPublishedInWindow_PinnedFirst()
    {
        var p1 = Purok();
        var p2 = Purok();
        var resident = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, p2))[0];
        var forP1 = await CreateAsync(Edit("For purok one only", p1));
        var plain = await CreateAsync(Edit("Plain for two", p2));
        var pinnedEdit = Edit("Pinned for two", p2);
        pinnedEdit.Pinned = true;
        var pinned = await CreateAsync(pinnedEdit);
        var expiredEdit = Edit("Expired for two", p2);
        expiredEdit.StartLocal = TimeZones.ToManila(TestClock.UtcNow).AddDays(-3);
        expiredEdit.EndLocal = TimeZones.ToManila(TestClock.UtcNow).AddDays(-1);
        var expired = await CreateAsync(expiredEdit);
        var draft = await CreateAsync(Edit("Draft for two", p2));
        foreach (var a in new[] { forP1, plain, pinned }) (await Announcements.PublishAsync(a.Id)).Ok.Should().BeTrue();
        (await Announcements.PublishAsync(expired.Id)).Errors.Should().ContainKey(nameof(AnnouncementEdit.EndLocal));

        FlowCaller.Set(CommunityTestData.CallerOf(resident));
        var feed = (await Announcements.FeedPageAsync(0, 100)).Items.Where(f => f.Title.EndsWith("two", StringComparison.Ordinal) || f.Title.Contains("purok one")).ToList();

        feed.Select(f => f.Title).Should().Equal("Pinned for two", "Plain for two");
        feed[0].Html.Should().Contain("<strong>Saturday</strong>");
        _ = draft;
    }

    /// <summary>Published, in-window announcements written straight to the table (hundreds at once).</summary>
    private async Task InsertPublishedAsync(string prefix, int count, string purok, DateTime oldestStartUtc)
    {
        await using var db = await _services.DbAsync();
        for (var i = 0; i < count; i++)
        {
            db.Announcements.Add(new Announcement
            {
                Id = Guid.NewGuid(), AnnouncementId = $"{prefix}-{i:D4}", Title = $"{prefix} {i:D4}", Body = "Bulk.",
                Audience = new AnnouncementAudience([purok], []).ToJson(), Status = AnnouncementStatuses.Published,
                StartAt = oldestStartUtc.AddMinutes(i), CreatedAt = oldestStartUtc, Version = Guid.NewGuid(),
            });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task FeedPage_MoreThanTheOldWindow_EveryAnnouncementForTheResidentIsReachableAndCounted()
    {
        // The feed read the 200 newest current announcements and then kept the resident's: 520 for their purok,
        // older than 250 for another purok, were never shown. Now every one is on some page and the count says so.
        var mine = Purok();
        var resident = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, mine))[0];
        var prefix = "FEED" + Guid.NewGuid().ToString("N")[..6];
        await InsertPublishedAsync(prefix, 520, mine, TestClock.UtcNow.AddDays(-30));
        await InsertPublishedAsync("OTHER" + prefix, 250, Purok(), TestClock.UtcNow.AddDays(-1));
        FlowCaller.Set(CommunityTestData.CallerOf(resident));

        var first = await Announcements.FeedPageAsync(0, 100);
        var seen = new List<string>();
        for (var page = 0; page * 100 < first.Total; page++) seen.AddRange((await Announcements.FeedPageAsync(page, 100)).Items.Select(a => a.Title));

        seen.Should().HaveCount(first.Total, "the count is the number of announcements the pages hold").And.OnlyHaveUniqueItems();
        seen.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).Should().HaveCount(520).And.BeInDescendingOrder(StringComparer.Ordinal, "newest first");
        seen.Should().NotContain(t => t.StartsWith("OTHER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListPage_MoreThanTheOldCapOf500_TheHallSeesEveryAnnouncementAndItsTrueCount()
    {
        var prefix = "HALL" + Guid.NewGuid().ToString("N")[..6];
        await InsertPublishedAsync(prefix, 520, Purok(), TestClock.UtcNow.AddDays(-30));
        FlowCaller.Set(_secretary);

        var first = await Announcements.ListPageAsync(null, 0, 100);
        var seen = new List<string>();
        for (var page = 0; page * 100 < first.Total; page++) seen.AddRange((await Announcements.ListPageAsync(null, page, 100)).Items.Select(a => a.Title));

        seen.Should().HaveCount(first.Total).And.OnlyHaveUniqueItems();
        seen.Count(t => t.StartsWith(prefix, StringComparison.Ordinal)).Should().Be(520);
        FlowCaller.Set(Caller.Anonymous);
        (await Announcements.ListPageAsync(null, 0, 100)).Total.Should().Be(0, "only officials who manage announcements see the list");
    }

    [Fact]
    public async Task Public_ListsOnlyAnnouncementsForEveryone()
    {
        var everyone = await CreateAsync(Edit("Everyone: fiesta " + Guid.NewGuid().ToString("N")[..4]));
        var targeted = await CreateAsync(Edit("Targeted: meeting", Purok()));
        await Announcements.PublishAsync(everyone.Id);
        await Announcements.PublishAsync(targeted.Id);
        FlowCaller.Set(Caller.Anonymous);

        var shown = await Announcements.PublicAsync(50);

        shown.Select(s => s.Title).Should().Contain(everyone.Title).And.NotContain(targeted.Title);
    }

    [Fact]
    public async Task Scheduled_PublishesItselfAtStart()
    {
        var edit = Edit("Scheduled clean-up", Purok());
        edit.StartLocal = TimeZones.ToManila(TestClock.UtcNow).AddHours(2);
        var a = await CreateAsync(edit);

        var scheduled = await Announcements.PublishAsync(a.Id);
        scheduled.Ok.Should().BeTrue(scheduled.Kind + " " + scheduled.Message);
        scheduled.Value!.Status.Should().Be(AnnouncementStatuses.Scheduled);
        _dispatch.Deliveries.Should().BeEmpty();

        await using (var db = await _services.DbAsync())
        {
            (await AnnouncementService.PublishDueAsync(db, _dispatch, TestClock.UtcNow, default)).Should().Be(0, "not yet");
            (await AnnouncementService.PublishDueAsync(db, _dispatch, TestClock.UtcNow.AddHours(3), default)).Should().BeGreaterThan(0);
        }
        await using var check = await _services.DbAsync();
        (await check.Announcements.Where(x => x.Id == a.Id).Select(x => x.Status).SingleAsync()).Should().Be(AnnouncementStatuses.Published);
        (await check.Set<AnnouncementDelivery>().CountAsync(d => d.AnnouncementId == a.Id)).Should().Be(1);
    }

    [Fact]
    public async Task PublishDue_MoreThanOneBatchDue_AllArePublishedInOneRun()
    {
        // The scheduler took 100 per run; the 101st waited for the next run. A burst is now published at once.
        var prefix = "SCHED" + Guid.NewGuid().ToString("N")[..6];
        var start = TestClock.UtcNow.AddDays(400);
        await using (var db = await _services.DbAsync())
        {
            for (var i = 0; i < 130; i++)
            {
                db.Announcements.Add(new Announcement
                {
                    Id = Guid.NewGuid(), AnnouncementId = $"{prefix}-{i:D4}", Title = $"{prefix} {i:D4}", Body = "Bulk.",
                    Status = AnnouncementStatuses.Scheduled, StartAt = start.AddSeconds(i), CreatedAt = TestClock.UtcNow, Version = Guid.NewGuid(),
                });
            }
            await db.SaveChangesAsync();
            (await AnnouncementService.PublishDueAsync(db, _dispatch, start.AddHours(1), default)).Should().BeGreaterThanOrEqualTo(130);
        }
        await using var check = await _services.DbAsync();
        (await check.Announcements.CountAsync(a => a.AnnouncementId.StartsWith(prefix) && a.Status == AnnouncementStatuses.Published)).Should().Be(130);
    }

    [Fact]
    public async Task SmsJob_ThroughHttpGateway_SendsRetriesAndFails()
    {
        await using var gateway = await FakeSmsGateway.StartAsync();
        gateway.Answer(200, 503, 400);
        var source = "TEST-" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = await _services.DbAsync())
        {
            // Only this test's messages are due (other tests of the class wrote some too).
            await db.Set<SmsMessage>().Where(m => m.Status == SmsStatuses.Queued).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, SmsStatuses.Sent));
            // Queued a second apart, stated outright rather than waited for, so the job's oldest-first order is certain.
            var queuedAt = TestClock.UtcNow;
            foreach (var (n, i) in new[] { "+639170000001", "+639170000002", "+639170000003" }.Select((n, i) => (n, i)))
            {
                db.Set<SmsMessage>().Add(new SmsMessage { ToNumber = n, Body = "Hello", Source = source, CreatedAt = queuedAt.AddSeconds(i) });
                await db.SaveChangesAsync();
            }
        }
        var options = new SmsOptions { GatewayBaseUrl = gateway.BaseUrl, GatewayApiKey = "k-123", RetryBaseDelay = TimeSpan.FromHours(1) };
        using var http = new HttpClient();
        var job = new SmsDeliveryJob(_services.Get<IDbContextFactory<Barangay.Data.BarangayDbContext>>(), new HttpSmsGateway(http, options), options, TestClock.Running());

        await job.SendDueAsync(default);

        await using var check = await _services.DbAsync();
        var rows = await check.Set<SmsMessage>().Where(m => m.Source == source).OrderBy(m => m.ToNumber).ToListAsync();
        rows.Select(r => r.Status).Should().Equal(SmsStatuses.Sent, SmsStatuses.Queued, SmsStatuses.Failed);
        rows[0].LastResult.Should().Be("Accepted by the SMS gateway as msg-1.");
        rows[1].LastResult.Should().Contain("busy or failing (503)");
        rows[1].NextAttemptAt.Should().BeAfter(TestClock.UtcNow.AddMinutes(30));
        rows[2].LastResult.Should().Be("The SMS gateway refused the message (400).");
        gateway.Requests.Should().HaveCount(3).And.OnlyContain(r => r.Authorization == "Bearer k-123");
    }

    private sealed class RecordingDispatchers : IAnnouncementDispatcher, IEmailDispatcher, ISmsDispatcher
    {
        public ConcurrentQueue<Guid> Deliveries { get; } = new();
        public ConcurrentQueue<Guid> Emails { get; } = new();

        public Task StartAsync(Guid deliveryId, CancellationToken ct = default)
        {
            Deliveries.Enqueue(deliveryId);
            return Task.CompletedTask;
        }

        public Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
        {
            foreach (var id in ids) Emails.Enqueue(id);
            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken ct = default) => Task.CompletedTask;
    }
}
