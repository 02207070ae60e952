using System.Diagnostics;
using System.Globalization;
using Barangay.App.Live;
using Barangay.App.Messaging;
using Barangay.App.Notifications;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Messaging;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Barangay.Bench.Messaging;

/// <summary>
/// A message sent on one circuit, until it reaches the other participant's listener: on the same app instance
/// (the live notifier, signalled after the commit) and on another instance over the same database (its per-process
/// poll of new <c>messages</c> rows, every second as in the app). Two complete instances (service providers with the
/// app's messaging registrations and a running poller) share one database. Ours: <see cref="MessagingService.SendAsync"/>
/// as the official's circuit calls it. Raw: the same three statements (insert, conversation row, unread counters) in
/// a hand-written Npgsql transaction, then an in-process callback (same replica) or a hand-written 1 s poll (other
/// replica). Sends are spread at random over the poll's phase; the figure is the median, and every arrival must be
/// within 1 s (same replica) or 3 s (other replica).
/// </summary>
internal sealed class MessageLiveBench : IBenchmark
{
    private const int SameRounds = 30;
    private const int OtherRounds = 15;

    public string Name => "message_live";

    public string Description => $"message send → other participant's listener: same instance ({SameRounds} rounds) and another instance through the poll ({OtherRounds} rounds), ours vs raw";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        var (official, resident, residentUser) = await PeopleAsync(database, ct);
        var dataRoot = Path.Combine(Path.GetTempPath(), "bench-msg-" + Guid.NewGuid().ToString("N")[..8]);
        await using var a = Replica.Start(database.ConnectionString, dataRoot, official);
        await using var b = Replica.Start(database.ConnectionString, dataRoot, official);
        await a.StartPollerAsync(ct);
        await b.StartPollerAsync(ct);
        try
        {
            var started = await a.Messaging.StartWithResidentAsync(resident, "Bench", "first", ct: ct);
            if (!started.Ok) throw new InvalidOperationException("Could not start the bench conversation: " + started.Message);
            var conversation = started.Value!.ConversationId;

            // Warm-up, untimed.
            await OursAsync(a, a, conversation, residentUser, ct);
            await RawSameAsync(database, conversation, official.UserId!.Value, ct);

            var sameOurs = new List<double>();
            var sameRaw = new List<double>();
            for (var i = 0; i < SameRounds; i++)
            {
                sameOurs.Add(await OursAsync(a, a, conversation, residentUser, ct));
                sameRaw.Add(await RawSameAsync(database, conversation, official.UserId!.Value, ct));
            }

            var otherOurs = new List<double>();
            var otherRaw = new List<double>();
            var rng = new Random(7);
            for (var i = 0; i < OtherRounds; i++)
            {
                await Task.Delay(rng.Next(0, 1000), ct);
                otherOurs.Add(await OursAsync(a, b, conversation, residentUser, ct));
                await Task.Delay(rng.Next(0, 1000), ct);
                otherRaw.Add(await RawOtherAsync(database, conversation, official.UserId!.Value, ct));
            }

            Report(outcome, "message_live_same_replica_ms", sameOurs, sameRaw, 1000);
            Report(outcome, "message_live_other_replica_ms", otherOurs, otherRaw, 3000);
            await VerifyAsync(database, conversation, residentUser, 1 + 1 + SameRounds + OtherRounds, outcome.Errors, ct);
        }
        finally
        {
            if (Directory.Exists(dataRoot)) Directory.Delete(dataRoot, recursive: true);
        }
        return outcome;
    }

    private static void Report(BenchOutcome outcome, string name, List<double> ours, List<double> raw, double limitMs)
    {
        var median = Latency.Percentile(ours, 50);
        var rawMedian = Latency.Percentile(raw, 50);
        outcome.Results.Add(new BenchResult(name, median, "ms", median / rawMedian));
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: ours p50 {median:F1} ms, max {ours.Max():F1} ms; raw p50 {rawMedian:F1} ms, max {raw.Max():F1} ms ({ours.Count} arrivals: too few for a p95)"));
        if (ours.Max() > limitMs) outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: slowest arrival {ours.Max():F0} ms is over {limitMs:F0} ms"));
    }

    /// <summary>Sends on <paramref name="sender"/> and waits for the resident's listener on <paramref name="listener"/>.</summary>
    private static async Task<double> OursAsync(Replica sender, Replica listener, Guid conversation, Guid residentUser, CancellationToken ct)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = listener.Live.Subscribe(MessageKeys.ForUser(residentUser), () => { arrived.TrySetResult(); return Task.CompletedTask; });
        var start = Stopwatch.GetTimestamp();
        var sent = await sender.Messaging.SendAsync(conversation, new NewMessage("Bench message: the clearance is ready for pick-up."), ct);
        if (!sent.Ok) throw new InvalidOperationException("Send failed: " + sent.Message);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private const string RawSendSql = """
        UPDATE conversations SET last_message_at = now(), awaiting_reply = false, updated_at = now() WHERE id = @c;
        UPDATE conversation_participants SET unread_count = unread_count + 1 WHERE conversation_id = @c AND user_id <> @me;
        INSERT INTO messages (id, conversation_id, sender_user_id, body) VALUES (@id, @c, @me, 'Raw message: the clearance is ready for pick-up.');
        """;

    private static async Task RawSendAsync(BenchDatabase database, Guid conversation, Guid me, Guid id, CancellationToken ct)
    {
        await using var conn = await database.Raw.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(RawSendSql, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("c", conversation));
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("me", me));
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Raw, same process: the hand-written transaction, then a direct in-memory callback.</summary>
    private static async Task<double> RawSameAsync(BenchDatabase database, Guid conversation, Guid me, CancellationToken ct)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = Stopwatch.GetTimestamp();
        await RawSendAsync(database, conversation, me, Guid.NewGuid(), ct);
        arrived.TrySetResult();
        await arrived.Task;
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Raw, another process: the hand-written transaction, found by a hand-written poll every second.</summary>
    private static async Task<double> RawOtherAsync(BenchDatabase database, Guid conversation, Guid me, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var found = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var poll = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await using var cmd = database.Raw.CreateCommand("SELECT id FROM messages WHERE created_at > now() - interval '10 seconds' AND conversation_id = @c");
                cmd.Parameters.Add(new NpgsqlParameter<Guid>("c", conversation));
                await using var reader = await cmd.ExecuteReaderAsync(stop.Token);
                while (await reader.ReadAsync(stop.Token))
                {
                    if (reader.GetGuid(0) == id) found.TrySetResult();
                }
            }
        }, stop.Token);
        // Start the poll at a random phase, as a replica's timer would be.
        await Task.Delay(Random.Shared.Next(0, 1000), ct);
        var start = Stopwatch.GetTimestamp();
        await RawSendAsync(database, conversation, me, id, ct);
        await found.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await stop.CancelAsync();
        try { await poll; } catch (OperationCanceledException) { }
        return ms;
    }

    private static async Task VerifyAsync(BenchDatabase database, Guid conversation, Guid residentUser, int oursMessages, List<string> errors, CancellationToken ct)
    {
        var count = (long)(await database.ScalarAsync("SELECT count(*) FROM messages WHERE conversation_id = @c AND body LIKE 'Bench message%'", ct,
            new NpgsqlParameter<Guid>("c", conversation)))!;
        if (count != oursMessages - 1) errors.Add($"expected {oursMessages - 1} bench messages, found {count}");
        var unread = (int)(await database.ScalarAsync("SELECT unread_count FROM conversation_participants WHERE conversation_id = @c AND user_id = @u", ct,
            new NpgsqlParameter<Guid>("c", conversation), new NpgsqlParameter<Guid>("u", residentUser)))!;
        var all = (long)(await database.ScalarAsync("SELECT count(*) FROM messages WHERE conversation_id = @c", ct, new NpgsqlParameter<Guid>("c", conversation)))!;
        if (unread != all) errors.Add($"the resident's unread count is {unread}, but {all} messages were sent to them");
    }

    /// <summary>An official and a resident (with an account), made once for the run.</summary>
    private static async Task<(Caller Official, Guid Resident, Guid ResidentUser)> PeopleAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var official = new User { Id = Guid.NewGuid(), UserName = "bench_official_" + tag, NormalizedUserName = "BENCH_OFFICIAL_" + tag.ToUpperInvariant(), FullName = "Bench Official", Roles = [AppRoles.Official] };
        var residentUser = new User { Id = Guid.NewGuid(), UserName = "bench_resident_" + tag, NormalizedUserName = "BENCH_RESIDENT_" + tag.ToUpperInvariant(), FullName = "Bench Resident", Roles = [AppRoles.Resident] };
        var resident = new Resident
        {
            Id = Guid.NewGuid(), UserId = residentUser.Id, ResidentId = "RES-BENCH-" + tag, FirstName = "Bench", LastName = "Resident",
            Dob = new DateOnly(1990, 1, 1), Purok = "purok-1", SearchName = "benchresident", SearchFirst = "bench", SearchLast = "resident",
        };
        db.Users.AddRange(official, residentUser);
        db.Residents.Add(resident);
        await db.SaveChangesAsync(ct);
        var caller = Caller.Anonymous with
        {
            UserId = official.Id, Name = official.FullName, Roles = official.Roles,
            Permissions = RolePermissions.For(official.Roles, OfficialPositions.Secretary), CorrelationId = Guid.NewGuid(),
        };
        return (caller, resident.Id, residentUser.Id);
    }

    /// <summary>One app instance: the app's messaging registrations, its live notifier and its running poll.</summary>
    private sealed class Replica : IAsyncDisposable
    {
        private readonly ServiceProvider _root;
        private readonly AsyncServiceScope _scope;

        private Replica(ServiceProvider root)
        {
            _root = root;
            _scope = root.CreateAsyncScope();
        }

        public MessagingService Messaging => _scope.ServiceProvider.GetRequiredService<MessagingService>();
        public LiveNotifier Live => _root.GetRequiredService<LiveNotifier>();

        public static Replica Start(string connectionString, string dataRoot, Caller caller)
        {
            var services = new ServiceCollection();
            services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            services.AddSingleton(TimeProvider.System);
            services.AddBarangayData(connectionString, new DatabaseOptions());
            services.AddSingleton<ICurrentUser>(new FixedCaller(caller));
            services.AddScoped<BarangayDb>();
            services.AddBarangayFiles(new FileStorageOptions { DataRoot = dataRoot });
            services.AddSingleton<IEmailDispatcher, NoDispatch>();
            services.AddSingleton(new NotificationPollOptions());
            services.AddSingleton<LiveNotifier>();
            Barangay.App.Hosting.MessagingServices.AddMessaging(services);
            return new Replica(services.BuildServiceProvider());
        }

        public Task StartPollerAsync(CancellationToken ct) => _root.GetRequiredService<MessagePoller>().StartAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await _root.GetRequiredService<MessagePoller>().StopAsync(CancellationToken.None);
            await _scope.DisposeAsync();
            await _root.DisposeAsync();
        }
    }

    private sealed class FixedCaller(Caller caller) : ICurrentUser
    {
        public Task<Caller> GetAsync(CancellationToken ct = default) => Task.FromResult(caller);
    }

    private sealed class NoDispatch : IEmailDispatcher
    {
        public Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default) => Task.CompletedTask;
    }
}
