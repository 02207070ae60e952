using System.Collections.Concurrent;
using System.Data;
using Barangay.Data.Common;
using Barangay.Data.Events;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Events;

public partial class EventServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private TestServices _serializable = null!;
    private TestServices _otherReplica = null!;
    private TestServices _otherSerializableReplica = null!;
    private Caller _secretary = null!;

    public async Task InitializeAsync()
    {
        _services = Services(IsolationLevel.ReadCommitted);
        _serializable = Services(IsolationLevel.Serializable);
        // Each container has its own RegistrationDesk, as each app replica does.
        _otherReplica = Services(IsolationLevel.ReadCommitted);
        _otherSerializableReplica = Services(IsolationLevel.Serializable);
        await _services.SignInAsAsync("secretary", OfficialPositions.Secretary);
        _secretary = _services.Caller.Current;
    }

    private TestServices Services(IsolationLevel isolation, TimeProvider? clock = null) => new(database.AppConnectionString, s =>
    {
        if (clock is not null) s.AddSingleton(clock);
        s.AddSingleton(new EventOptions { RegistrationIsolation = isolation, MaxRegistrationAttempts = 200 });
        s.AddSingleton<ICurrentUser, FlowCaller>();
        s.AddSingleton<RegistrationDesk>();
        s.AddScoped<EventService>();
    });

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _serializable.DisposeAsync();
        await _otherReplica.DisposeAsync();
        await _otherSerializableReplica.DisposeAsync();
    }

    private EventService Events => _services.Get<EventService>();

    private static EventEdit Edit(int? capacity = 50, int days = 7) => new()
    {
        Title = "Libreng Bakuna", Description = "Bring your vaccination card.", Category = "health",
        StartLocal = TimeZones.ToManila(TestClock.UtcNow).Date.AddDays(days).AddHours(8),
        EndLocal = TimeZones.ToManila(TestClock.UtcNow).Date.AddDays(days).AddHours(12),
        Venue = "Covered court", MaxCapacity = capacity, RegistrationRequired = true,
    };

    private async Task<EventRow> PublishedAsync(int? capacity)
    {
        FlowCaller.Set(_secretary);
        var created = await Events.CreateAsync(Edit(capacity));
        created.Ok.Should().BeTrue(created.Message);
        (await Events.PublishAsync(created.Value!.Id)).Ok.Should().BeTrue();
        return created.Value!;
    }

    [Fact]
    public async Task UpcomingPage_PagesEveryPublishedEventWithTheTrueCount()
    {
        var made = new List<Guid>();
        for (var i = 0; i < 3; i++) made.Add((await PublishedAsync(10)).Id);
        var resident = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-1"))[0];
        FlowCaller.Set(CommunityTestData.CallerOf(resident));

        var total = (await Events.UpcomingPageAsync(0, 1)).Total;
        var seen = new List<Guid>();
        for (var page = 0; page * 2 < total; page++) seen.AddRange((await Events.UpcomingPageAsync(page, 2)).Items.Select(e => e.Id));

        total.Should().BeGreaterThanOrEqualTo(3);
        seen.Should().HaveCount(total).And.OnlyHaveUniqueItems().And.Contain(made);
    }

    [Fact]
    public async Task Page_MoreThanTheOldCapOf500InOneMonth_EveryEventIsReachableAndCounted()
    {
        // The calendar's month list stopped at 500 without saying so; 520 events in one month are all on some page.
        var from = TestClock.UtcNow.AddDays(900);
        var prefix = "BULK" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = await _services.DbAsync())
        {
            for (var i = 0; i < 520; i++)
            {
                db.Events.Add(new CommunityEvent
                {
                    Id = Guid.NewGuid(), EventId = $"{prefix}-{i:D4}", Title = $"{prefix} {i:D4}", StartAt = from.AddMinutes(i), EndAt = from.AddMinutes(i + 30),
                    Status = EventStatuses.Published, CreatedAt = TestClock.UtcNow, Version = Guid.NewGuid(),
                });
            }
            await db.SaveChangesAsync();
        }
        var resident = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-1"))[0];
        FlowCaller.Set(CommunityTestData.CallerOf(resident));

        var first = await Events.PageAsync(from, from.AddDays(1), false, 0, 100);
        var seen = new List<string>();
        for (var page = 0; page * 100 < first.Total; page++) seen.AddRange((await Events.PageAsync(from, from.AddDays(1), false, page, 100)).Items.Select(e => e.Title));

        first.Total.Should().Be(520);
        seen.Should().HaveCount(520).And.OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal, "soonest first");
    }

    [Fact]
    public async Task Create_EndBeforeStart_RefusedWithTheReason()
    {
        FlowCaller.Set(_secretary);
        var edit = Edit();
        edit.EndLocal = edit.StartLocal!.Value.AddHours(-1);

        var result = await Events.CreateAsync(edit);

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors[nameof(EventEdit.EndLocal)].Should().Be("The event must end after it starts.");
    }

    [Fact]
    public async Task Create_ByResident_IsNotFound()
    {
        var juan = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-1"))[0];
        FlowCaller.Set(CommunityTestData.CallerOf(juan));

        (await Events.CreateAsync(Edit())).Kind.Should().Be(ResultKind.NotFound);
    }

    [Fact]
    public async Task Status_DraftPublishedCancelled_IsEnforced()
    {
        FlowCaller.Set(_secretary);
        var ev = (await Events.CreateAsync(Edit())).Value!;
        ev.EventId.Should().MatchRegex(@"^EVT-\d{4}-\d{6}$");

        (await Events.PublishAsync(ev.Id)).Value!.Status.Should().Be(EventStatuses.Published);
        (await Events.PublishAsync(ev.Id)).Message.Should().Be("This event is already published.");
        (await Events.CancelAsync(ev.Id)).Value!.Status.Should().Be(EventStatuses.Cancelled);
        var again = await Events.PublishAsync(ev.Id);
        again.Kind.Should().Be(ResultKind.Conflict);
        again.Message.Should().Be("A cancelled event cannot be published.");
        (await Events.UpdateAsync(ev.Id, Edit())).Message.Should().Contain("cancelled");
    }

    [Fact]
    public async Task Register_DraftEvent_IsNotFoundForResidents()
    {
        FlowCaller.Set(_secretary);
        var ev = (await Events.CreateAsync(Edit())).Value!;
        var p = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-1"))[0];
        FlowCaller.Set(CommunityTestData.CallerOf(p));

        (await Events.RegisterAsync(ev.Id)).Kind.Should().Be(ResultKind.NotFound);
        (await Events.GetAsync(ev.Id)).Should().BeNull();
    }

    [Fact]
    public async Task Register_Twice_RefusedWithAClearMessage()
    {
        var ev = await PublishedAsync(10);
        var p = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-1"))[0];
        FlowCaller.Set(CommunityTestData.CallerOf(p));

        (await Events.RegisterAsync(ev.Id)).Value!.Status.Should().Be(EventRegistrationStatuses.Registered);
        var twice = await Events.RegisterAsync(ev.Id);

        twice.Kind.Should().Be(ResultKind.Conflict);
        twice.Message.Should().Be("You are already registered for this event.");
        (await Events.GetAsync(ev.Id))!.Event.Registered.Should().Be(1);
    }

    [Fact]
    public async Task Register_TwoPressesAtOnce_OneSeatTakenAndTheOtherToldAlreadyRegistered()
    {
        var ev = await PublishedAsync(10);
        var p = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-1"))[0];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var presses = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            await start.Task;
            return await Events.RegisterAsync(ev.Id);
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(presses);

        outcomes.Count(o => o.Ok).Should().Be(1);
        outcomes.Where(o => !o.Ok).Should().OnlyContain(o => o.Kind == ResultKind.Conflict && o.Message == "You are already registered for this event.");
        FlowCaller.Set(CommunityTestData.CallerOf(p));
        (await Events.GetAsync(ev.Id))!.Event.Registered.Should().Be(1);
    }

    [Fact]
    public async Task Register_AfterStart_Refused()
    {
        var ev = await PublishedAsync(10);
        await using (var db = await _services.DbAsync())
            await db.Events.Where(e => e.Id == ev.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartAt, TestClock.UtcNow.AddMinutes(-5)));
        var p = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-1"))[0];
        FlowCaller.Set(CommunityTestData.CallerOf(p));

        var result = await Events.RegisterAsync(ev.Id);

        result.Kind.Should().Be(ResultKind.Conflict);
        result.Message.Should().Be("Registration is closed: the event has already started.");
    }

    [Theory]
    [InlineData(IsolationLevel.ReadCommitted)]
    [InlineData(IsolationLevel.Serializable)]
    public async Task Register_200AtOnceForTheLast50Seats_Exactly50RegisteredRestWaitlisted(IsolationLevel isolation)
    {
        // Two replicas, each with its own desk, take half the crowd each: their batches race for the event row.
        var replicas = isolation == IsolationLevel.Serializable
            ? new[] { _serializable.Get<EventService>(), _otherSerializableReplica.Get<EventService>() }
            : [_services.Get<EventService>(), _otherReplica.Get<EventService>()];
        var events = replicas[0];
        var ev = await PublishedAsync(60);
        var early = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 10, "purok-3");
        foreach (var p in early)
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            (await events.RegisterAsync(ev.Id)).Value!.Status.Should().Be(EventRegistrationStatuses.Registered);
        }
        var crowd = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 200, "purok-3");
        var outcomes = new ConcurrentBag<ServiceResult<RegistrationOutcome>>();
        var places = new[] { new ConcurrentBag<int>(), new ConcurrentBag<int>() };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The event row is held until both replicas' first batches wait for it, so their batches surely overlap.
        await using var holder = new Npgsql.NpgsqlConnection(database.AppConnectionString);
        await holder.OpenAsync();
        await using var holderTx = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, holderTx, "SELECT 1 FROM events WHERE id = @e FOR UPDATE", ("e", ev.Id));

        var tasks = crowd.Select((p, i) => Task.Run(async () =>
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            await start.Task;
            var outcome = await replicas[i % 2].RegisterAsync(ev.Id);
            outcomes.Add(outcome);
            if (outcome.Value?.WaitlistPosition is { } place) places[i % 2].Add(place);
        })).ToList();
        start.SetResult();
        await WaitUntilAsync(() => LockWaitersAsync(2), "both replicas wait for the event row");
        await holderTx.CommitAsync();
        await Task.WhenAll(tasks);

        outcomes.Should().HaveCount(200).And.OnlyContain(o => o.Ok, "nobody gets an error");
        outcomes.Count(o => o.Value!.Status == EventRegistrationStatuses.Registered).Should().Be(50);
        var waitlisted = outcomes.Where(o => o.Value!.Status == EventRegistrationStatuses.Waitlisted).ToList();
        waitlisted.Should().HaveCount(150);
        waitlisted.Should().OnlyContain(o => o.Value!.Message.StartsWith("The event is full. You are number ", StringComparison.Ordinal));
        await using var db = await _services.DbAsync();
        (await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.Status == EventRegistrationStatuses.Registered)).Should().Be(60);
        (await db.Events.Where(e => e.Id == ev.Id).Select(e => e.RegisteredCount).SingleAsync()).Should().Be(60);
        // A replica's batches follow one another, so it tells each of its residents their own place.
        foreach (var seen in places) seen.Should().OnlyHaveUniqueItems().And.OnlyContain(n => n >= 1 && n <= 150);
        if (isolation == IsolationLevel.Serializable)
            outcomes.Sum(o => o.Value!.Attempts - 1).Should().BeGreaterThan(0, "SERIALIZABLE makes the replicas' racing batches retry");
    }

    [Fact]
    public async Task CancelRegistration_FreedSeat_GoesToTheFirstWaitlistedWhoIsNotified()
    {
        var ev = await PublishedAsync(1);
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 3, "purok-4");
        // Registration order is the clock's: a stopped clock moved on between presses, instead of sleeping so the
        // wall clock ticks.
        var clock = TestClock.Frozen();
        await using var stepped = Services(IsolationLevel.ReadCommitted, clock);
        foreach (var p in people)
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            (await stepped.Get<EventService>().RegisterAsync(ev.Id)).Ok.Should().BeTrue();
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        FlowCaller.Set(CommunityTestData.CallerOf(people[2]));
        (await Events.GetAsync(ev.Id))!.MyWaitlistPosition.Should().Be(2);

        FlowCaller.Set(CommunityTestData.CallerOf(people[0]));
        (await Events.CancelRegistrationAsync(ev.Id)).Value.Should().Be("Your registration was cancelled.");

        await using var db = await _services.DbAsync();
        var statuses = await db.EventRegistrations.Where(r => r.EventId == ev.Id).ToDictionaryAsync(r => r.ResidentId, r => r.Status);
        statuses[people[0].ResidentId].Should().Be(EventRegistrationStatuses.Cancelled);
        statuses[people[1].ResidentId].Should().Be(EventRegistrationStatuses.Registered, "first on the waitlist");
        statuses[people[2].ResidentId].Should().Be(EventRegistrationStatuses.Waitlisted);
        (await db.Events.Where(e => e.Id == ev.Id).Select(e => e.RegisteredCount).SingleAsync()).Should().Be(1);
        var note = await db.Notifications.SingleAsync(n => n.UserId == people[1].UserId && n.Type == "event.promoted");
        note.Payload.Should().Contain("A seat opened up");
        (await db.Notifications.CountAsync(n => n.UserId == people[2].UserId && n.Type == "event.promoted")).Should().Be(0);

        // Changing one's mind again reuses the cancelled row and queues behind those already waiting.
        FlowCaller.Set(CommunityTestData.CallerOf(people[0]));
        var again = await Events.RegisterAsync(ev.Id);
        again.Value!.Status.Should().Be(EventRegistrationStatuses.Waitlisted);
        again.Value.Message.Should().StartWith("The event is full. You are number 2 on the waitlist");
        (await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.ResidentId == people[0].ResidentId)).Should().Be(1);
    }

    [Fact]
    public async Task Register_SeatAndWaitlist_EachWriteTheirAuditRowWithTheResidentAsActor()
    {
        var ev = await PublishedAsync(1);
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 2, "purok-6");
        foreach (var p in people)
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            (await Events.RegisterAsync(ev.Id)).Ok.Should().BeTrue();
        }
        FlowCaller.Set(CommunityTestData.CallerOf(people[0]));
        (await Events.CancelRegistrationAsync(ev.Id)).Ok.Should().BeTrue();
        (await Events.RegisterAsync(ev.Id)).Value!.Status.Should().Be(EventRegistrationStatuses.Waitlisted);

        await using var db = await _services.DbAsync();
        var regs = await db.EventRegistrations.Where(r => r.EventId == ev.Id).ToDictionaryAsync(r => r.ResidentId);
        foreach (var (person, first) in new[] { (people[0], "registered"), (people[1], "waitlisted") })
        {
            var id = regs[person.ResidentId].Id.ToString();
            var trail = await db.AuditLogs.Where(a => a.TargetType == "EventRegistration" && a.TargetId == id).OrderBy(a => a.Timestamp).ToListAsync();
            trail[0].ActionType.Should().Be("Create");
            trail[0].ActorUserId.Should().Be(person.UserId);
            trail[0].Details.Should().Contain($"\"status\": \"{first}\"").And.Contain(person.ResidentId.ToString());
            if (person == people[0])
            {
                // Cancelled, then back on the waitlist: each change its own row.
                trail.Select(a => a.ActionType).Should().Equal("Create", "StatusChange", "StatusChange");
                trail[2].Details.Should().Contain("\"old\": \"cancelled\"").And.Contain("\"new\": \"waitlisted\"");
            }
        }
    }

    [Fact]
    public async Task Update_CapacityBelowRegistered_RefusedAndRaisingItPromotesWaitlisted()
    {
        var ev = await PublishedAsync(2);
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 3, "purok-5");
        foreach (var p in people)
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            await Events.RegisterAsync(ev.Id);
        }
        FlowCaller.Set(_secretary);

        var low = Edit(1);
        var refused = await Events.UpdateAsync(ev.Id, low);
        refused.Kind.Should().Be(ResultKind.Invalid);
        refused.Errors[nameof(EventEdit.MaxCapacity)].Should().Be("The capacity cannot be 1: 2 residents are already registered.");

        var raised = await Events.UpdateAsync(ev.Id, Edit(5));
        raised.Value!.Registered.Should().Be(3);
    }

    [Fact]
    public async Task Cancel_PublishedEvent_NotifiesEveryRegistrantInAppAndByEmail()
    {
        var ev = await PublishedAsync(5);
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 2, "purok-6");
        foreach (var p in people)
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            await Events.RegisterAsync(ev.Id);
        }
        FlowCaller.Set(_secretary);

        (await Events.CancelAsync(ev.Id)).Ok.Should().BeTrue();

        await using var db = await _services.DbAsync();
        var ids = people.Select(p => p.UserId).ToList();
        (await db.Notifications.Where(n => ids.Contains(n.UserId) && n.Type == "event.cancelled").Select(n => n.UserId).ToListAsync())
            .Should().BeEquivalentTo(ids);
        var mails = await db.EmailQueue.Where(m => m.Body!.Contains("was cancelled") && m.Subject == "Libreng Bakuna").Select(m => m.ToEmail).ToListAsync();
        mails.Should().Contain(people.Select(p => p.UserName + "@example.test"));
        var audit = await db.AuditLogs.Where(a => a.TargetType == "Event" && a.ActionType == "Update").CountAsync();
        audit.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Attendance_MarkedAndExported()
    {
        var ev = await PublishedAsync(5);
        var p = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-7"))[0];
        FlowCaller.Set(CommunityTestData.CallerOf(p));
        await Events.RegisterAsync(ev.Id);
        (await Events.AttendeesAsync(ev.Id)).Should().BeEmpty("a resident does not see the attendee list");
        FlowCaller.Set(_secretary);
        var row = (await Events.AttendeesAsync(ev.Id)).Single();

        (await Events.MarkAttendanceAsync(ev.Id, row.RegistrationId, true)).Value.Should().Be(EventRegistrationStatuses.Attended);
        (await Events.MarkAttendanceAsync(ev.Id, row.RegistrationId, true)).Kind.Should().Be(ResultKind.Conflict);

        var csv = await Events.ExportAttendeesCsvAsync(ev.Id);
        var text = System.Text.Encoding.UTF8.GetString(csv!.Value.Content);
        text.Should().Contain("Resident ID,Name,Purok,Contact number,Status,Registered (Manila time)");
        text.Should().Contain($"T-{p.UserName},Test {p.UserName},Purok 7 - Waling-Waling,", "a person reads the purok's label, not its code");
        text.Should().Contain(",attended,");
    }

    [Fact]
    public void CalendarFile_IsRfc5545WithUtcTimesAndEscapedText()
    {
        var row = new EventRow(Guid.NewGuid(), "EVT-2026-000001", "Clean-up; Purok 3, riverside", "cleanup",
            new DateTime(2026, 12, 5, 22, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc),
            "Ilog San Isidro", 50, 0, true, EventStatuses.Published);

        var ics = EventCalendarFile.Build(row, "Bring gloves.\nWear boots.", "barangay.local", TestClock.Now.UtcDateTime);

        ics.Should().StartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        ics.Should().Contain("DTSTART:20261205T220000Z\r\n").And.Contain("DTEND:20261206T020000Z\r\n");
        ics.Should().Contain("SUMMARY:Clean-up\\; Purok 3\\, riverside\r\n");
        ics.Should().Contain("DESCRIPTION:Bring gloves.\\nWear boots.\r\n");
        ics.Split("\r\n").Should().OnlyContain(l => System.Text.Encoding.UTF8.GetByteCount(l) <= 75);
        ics.Should().EndWith("END:VCALENDAR\r\n");
    }
}
