using System.Collections.Concurrent;
using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Events;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Messaging;
using Barangay.Data.Resilience;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Barangay.Bench.Failover;

/// <summary>
/// The steady mixed load scripts/drill.sh runs while it kills things: residents file document requests and complaints,
/// write to the hall (a new conversation, then replies in it) and register for an event, officials move requests to
/// "reviewed", all through the app's own services and context
/// options (so its execution strategy and commit-outcome check). Runs until the file named in FAILOVER_LOAD_STOP
/// exists; every acknowledged write goes to FAILOVER_LOAD_ACKS as "kind key start_ms end_ms" (epoch milliseconds),
/// every "please try again" as "failed kind - start_ms end_ms". drill.sh checks the database against that file.
/// </summary>
internal sealed class FailoverLoadBench : IBenchmark
{
    private const int Residents = 80;
    private const int ResidentWriters = 4;

    public string Name => "failover_load";

    public string Description => $"mixed write load for scripts/drill.sh ({ResidentWriters} resident writers and one official)";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        // Only scripts/drill.sh runs it (it names the files); ./bench.sh running every benchmark skips it.
        if (Environment.GetEnvironmentVariable("FAILOVER_LOAD_ACKS") is not { Length: > 0 } acksPath)
        {
            outcome.Notes.Add("  skipped: FAILOVER_LOAD_ACKS is not set (scripts/drill.sh runs this load)");
            return outcome;
        }
        var stopPath = Environment.GetEnvironmentVariable("FAILOVER_LOAD_STOP") ?? "failover-stop";
        var run = Environment.GetEnvironmentVariable("FAILOVER_LOAD_RUN") ?? Guid.NewGuid().ToString("N")[..8];
        var people = await CreateResidentsAsync(database, $"drill_{run}_", ct);
        // The official is a real account: the audit trail names its user.
        var secretary = OfficialCaller.Secretary with { UserId = people[0].User, Name = "drill secretary" };
        people.RemoveAt(0);
        var eventId = await NewEventAsync(database, run, ct);
        var keys = new FileStorageOptions { DataRoot = Path.Combine(Path.GetTempPath(), "barangay-drill-keys") };
        var callers = new FlowCaller();
        var dbs = new BarangayDb(database.Contexts, callers);
        var documents = new DocumentRequestService(dbs, database.Contexts, new HolidayCalendar(database.Contexts), new CertificateCodes(keys), TimeProvider.System);
        var files = new FileService(dbs, database.Contexts, new LocalFileStore(keys), new FileKeyRing(keys), new FileLinkSigner(keys, TimeProvider.System), NullLogger<FileService>.Instance);
        var complaints = new ComplaintService(dbs, database.Contexts, files, TimeProvider.System);
        var events = new EventService(dbs, new EventOptions(), TimeProvider.System, new RegistrationDesk());
        var messaging = new MessagingService(dbs, files, new FileLinkSigner(keys, TimeProvider.System), new NoMessagingLive(), new NoDispatch());
        var conversations = new ConcurrentDictionary<Guid, Guid>(); // a resident's conversation with the hall

        var acks = new BlockingCollection<string>();
        var toReview = new ConcurrentQueue<Guid>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writer = Task.Run(async () =>
        {
            await using var file = new StreamWriter(acksPath, append: false) { AutoFlush = true };
            foreach (var line in acks.GetConsumingEnumerable()) await file.WriteLineAsync(line);
        }, CancellationToken.None);
        var registered = 0;

        async Task Act(string kind, Func<Task<string?>> action)
        {
            var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            try
            {
                var key = await action();
                if (key is not null) acks.Add($"{kind} {key} {start} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
            }
            catch (Exception e) when (e is RetryLimitExceededException or CommitOutcomeUnknownException or InvalidOperationException or DbUpdateException or NpgsqlException)
            {
                var why = (e.InnerException ?? e).Message.ReplaceLineEndings(" ");
                acks.Add($"failed {kind} - {start} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {e.GetType().Name}: {why[..Math.Min(why.Length, 160)]}");
            }
        }

        var residentTasks = Enumerable.Range(0, ResidentWriters).Select(w => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var (user, _) = people[(w + n * ResidentWriters) % people.Count];
                FlowCaller.Set(new Caller(user, $"drill resident {w}", [AppRoles.Resident], RolePermissions.For([AppRoles.Resident], null), null, null, Guid.NewGuid()));
                var marker = $"drill-{run}-{Guid.NewGuid():N}";
                switch (n++ % 4)
                {
                    case 0:
                        await Act("request", async () =>
                        {
                            var r = await documents.CreateAsync(new NewDocumentRequest { TypeCode = "barangay-clearance", Purpose = marker }, stop.Token);
                            if (!r.Ok) throw new InvalidOperationException(r.Message);
                            toReview.Enqueue(r.Value!.Id);
                            return marker;
                        });
                        break;
                    case 1:
                        await Act("complaint", async () =>
                        {
                            var r = await complaints.FileAsync(new NewComplaint { Category = "noise", Subject = marker, Description = "Videoke past midnight", Location = "Rizal St." }, stop.Token);
                            if (!r.Ok) throw new InvalidOperationException(r.Message);
                            return marker;
                        });
                        break;
                    case 2:
                        // The first message starts the resident's conversation with the hall, later ones reply in it.
                        // The key is the message body: drill.sh counts messages by it (and conversations by subject).
                        await Act("message", async () =>
                        {
                            var r = conversations.TryGetValue(user, out var conversation)
                                ? await messaging.SendAsync(conversation, new NewMessage(marker), stop.Token)
                                : await messaging.StartWithHallAsync($"drill-{run}-c-{user:N}", new NewMessage(marker), stop.Token);
                            if (!r.Ok) throw new InvalidOperationException(r.Message);
                            conversations.TryAdd(user, r.Value!.ConversationId);
                            return marker;
                        });
                        break;
                    default:
                        var next = Interlocked.Increment(ref registered) - 1;
                        if (next >= people.Count) break; // each resident registers once
                        user = people[next].User;
                        FlowCaller.Set(new Caller(user, $"drill resident {next}", [AppRoles.Resident], RolePermissions.For([AppRoles.Resident], null), null, null, Guid.NewGuid()));
                        await Act("registration", async () =>
                        {
                            var r = await events.RegisterAsync(eventId, stop.Token);
                            if (!r.Ok) throw new InvalidOperationException(r.Message);
                            return $"{eventId}:{user}";
                        });
                        break;
                }
                if (File.Exists(stopPath)) await stop.CancelAsync();
            }
        }, CancellationToken.None)).ToList();

        var official = Task.Run(async () =>
        {
            FlowCaller.Set(secretary);
            while (!stop.IsCancellationRequested)
            {
                if (!toReview.TryDequeue(out var id))
                {
                    await Task.Delay(50, CancellationToken.None);
                    continue;
                }
                await Act("review", async () =>
                {
                    var detail = await documents.GetAsync(id, stop.Token) ?? throw new InvalidOperationException("a request the load made is not found");
                    var r = await documents.ReviewAsync(id, detail.Version, stop.Token);
                    if (!r.Ok) throw new InvalidOperationException(r.Message);
                    return id.ToString();
                });
            }
        }, CancellationToken.None);

        try
        {
            await Task.WhenAll(residentTasks.Append(official));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        acks.CompleteAdding();
        await writer;
        outcome.Results.Add(new BenchResult("failover_load_event", 0, eventId.ToString(), Decimals: 0));
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"  load stopped; acknowledgements in {acksPath}"));
        return outcome;
    }

    private static async Task<List<(Guid User, Guid Resident)>> CreateResidentsAsync(BenchDatabase database, string prefix, CancellationToken ct)
    {
        await database.ExecuteAsync("""
            WITH u AS (
              INSERT INTO users (username, normalized_username, email, normalized_email, full_name, email_confirmed, phone_number_confirmed, lockout_enabled, access_failed_count, roles)
              SELECT @p || g, upper(@p || g), @p || g || '@example.test', upper(@p || g || '@example.test'), 'Drill ' || g, true, false, true, 0, ARRAY['resident']
              FROM generate_series(1, @n) g
              ON CONFLICT DO NOTHING
              RETURNING id, username)
            INSERT INTO residents (user_id, resident_id, first_name, last_name, dob, purok, contact_number, version)
            SELECT u.id, 'D-' || u.username, 'Drill', u.username, DATE '1990-01-01', 'purok-1', '09170000000', gen_random_uuid() FROM u
            """, ct, new NpgsqlParameter<string>("p", prefix), new NpgsqlParameter<int>("n", Residents));
        await using var cmd = database.Raw.CreateCommand("SELECT u.id, r.id FROM users u JOIN residents r ON r.user_id = u.id WHERE u.username LIKE @p || '%'");
        cmd.Parameters.Add(new NpgsqlParameter<string>("p", prefix));
        var list = new List<(Guid, Guid)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add((reader.GetGuid(0), reader.GetGuid(1)));
        return list;
    }

    private static async Task<Guid> NewEventAsync(BenchDatabase database, string run, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsync("""
            INSERT INTO events (id, event_id, title, start_at, end_at, max_capacity, registration_required, status, version)
            VALUES (@id, 'DRILL-' || @n, 'Drill event', now() + interval '7 days', now() + interval '7 days 4 hours', 1000, true, 'published', gen_random_uuid())
            """, ct, new NpgsqlParameter<Guid>("id", id), new NpgsqlParameter<string>("n", run));
        return id;
    }

    private sealed class NoDispatch : IEmailDispatcher
    {
        public Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default) => Task.CompletedTask;
    }

    private sealed class FlowCaller : ICurrentUser
    {
        private static readonly AsyncLocal<Caller?> Current = new();

        public static void Set(Caller caller) => Current.Value = caller;

        public Task<Caller> GetAsync(CancellationToken ct = default) => Task.FromResult(Current.Value ?? Caller.Anonymous);
    }
}
