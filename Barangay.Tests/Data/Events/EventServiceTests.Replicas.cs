using Barangay.Data.Common;
using Barangay.Data.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Barangay.Tests.Data.Events;

/// <summary>Races between app replicas, each with its own registration desk, staged with row locks so they happen every run.</summary>
public partial class EventServiceTests
{
    [Fact]
    public async Task Register_RegistrationWrittenElsewhereWhileABatchRuns_OnlyThatResidentIsToldTheOthersAreSeated()
    {
        var ev = await PublishedAsync(10);
        var people = await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 3, "purok-5");
        var (first, other, twice) = (people[0], people[1], people[2]);
        var desk = _services.Scope.ServiceProvider.GetRequiredService<RegistrationDesk>();

        // 1. Another replica's transaction writes `twice`'s waitlist place and has not committed yet.
        await using var elsewhere = new NpgsqlConnection(database.AppConnectionString);
        await elsewhere.OpenAsync();
        await using var elsewhereTx = await elsewhere.BeginTransactionAsync();
        await ExecuteAsync(elsewhere, elsewhereTx, "INSERT INTO event_registrations (event_id, resident_id, status) VALUES (@e, @r, 'waitlisted')",
            ("e", ev.Id), ("r", twice.ResidentId));
        // 2. The first press's batch is held at its foreign key check on `first`'s resident row, so the next two line up.
        await using var holder = new NpgsqlConnection(database.AppConnectionString);
        await holder.OpenAsync();
        await using var holderTx = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, holderTx, "SELECT 1 FROM residents WHERE id = @r FOR UPDATE", ("r", first.ResidentId));

        var firstPress = Press(first);
        await WaitUntilAsync(() => LockWaitersAsync(1), "the first batch waits for the resident row");
        var otherPress = Press(other);
        var twicePress = Press(twice);
        await WaitUntilAsync(() => Task.FromResult(desk.InLine(ev.Id) == 2), "two presses wait in line");

        // 3. The first batch ends; the second starts, and its insert for `twice` waits for the other replica.
        await holderTx.CommitAsync();
        (await firstPress).Value!.Status.Should().Be(EventRegistrationStatuses.Registered);
        await WaitUntilAsync(() => LockWaitersAsync(1), "the second batch waits on the other replica's row");
        // 4. The other replica commits: the batch fails on the unique key, writes nothing, and is written press by press.
        await elsewhereTx.CommitAsync();

        (await otherPress).Value!.Status.Should().Be(EventRegistrationStatuses.Registered);
        var refused = await twicePress;
        refused.Kind.Should().Be(ResultKind.Conflict);
        refused.Message.Should().Be("You are already on the waitlist for this event.");
        await using var db = await _services.DbAsync();
        (await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id)).Should().Be(3);
        (await db.Events.Where(e => e.Id == ev.Id).Select(e => e.RegisteredCount).SingleAsync()).Should().Be(2);
        var ids = await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.ResidentId != twice.ResidentId).Select(r => r.Id.ToString()).ToListAsync();
        (await db.AuditLogs.CountAsync(a => a.TargetType == "EventRegistration" && ids.Contains(a.TargetId!))).Should().Be(2, "one audit row each, none from the failed batch");

        Task<ServiceResult<RegistrationOutcome>> Press(CommunityTestData.Person p) => Task.Run(async () =>
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            return await Events.RegisterAsync(ev.Id);
        });
    }

    [Fact]
    public async Task Register_SameResidentOnTwoReplicasAtOnce_RegisteredOnce()
    {
        var ev = await PublishedAsync(10);
        var p = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-5"))[0];
        // Both replicas' statements start while the event row is held, so neither sees the other's row.
        await using var holder = new NpgsqlConnection(database.AppConnectionString);
        await holder.OpenAsync();
        await using var holderTx = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, holderTx, "SELECT 1 FROM events WHERE id = @e FOR UPDATE", ("e", ev.Id));
        var presses = new[] { _services, _otherReplica }.Select(replica => Task.Run(async () =>
        {
            FlowCaller.Set(CommunityTestData.CallerOf(p));
            return await replica.Get<EventService>().RegisterAsync(ev.Id);
        })).ToList();
        await WaitUntilAsync(() => LockWaitersAsync(2), "both replicas wait for the event row");
        await holderTx.CommitAsync();
        var outcomes = await Task.WhenAll(presses);

        outcomes.Count(o => o.Ok).Should().Be(1);
        outcomes.Single(o => !o.Ok).Message.Should().Be("You are already registered for this event.");
        await using var db = await _services.DbAsync();
        (await db.Events.Where(e => e.Id == ev.Id).Select(e => e.RegisteredCount).SingleAsync()).Should().Be(1);
    }

    private async Task<bool> LockWaitersAsync(int atLeast)
    {
        await using var conn = new NpgsqlConnection(database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", conn);
        return (long)(await cmd.ExecuteScalarAsync())! >= atLeast;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        // Polls the observable state until a deadline (on a loaded machine the other transactions may take a while to block).
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Waited 30 s until {what}.");
            await poll.WaitForNextTickAsync();
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, params (string Name, Guid Value)[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var (name, value) in args) cmd.Parameters.Add(new NpgsqlParameter<Guid>(name, value));
        await cmd.ExecuteNonQueryAsync();
    }
}
