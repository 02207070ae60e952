using System.Diagnostics;
using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Bench.Accounts;

/// <summary>
/// The cost of one sign-in and of the per-circuit revalidation check.
/// <c>signin_ms</c>: median of <see cref="SignIns"/> sign-ins after a warm-up: find the account by name, verify the
/// password hash (Identity's PBKDF2, the dominant cost), start the server-side session (row, last sign-in stamp,
/// audit) — ours through the app's services, raw as hand-written SQL on Npgsql with the same hasher.
/// <c>revalidation_cpu_pct</c>: the app process's CPU time for <see cref="Revalidations"/> checks of idle sessions
/// (through <see cref="SessionRevalidationBatcher"/>: the checks gathered in one moment share one query for the session
/// rows and security stamps; the raw baseline is one hand-written query per check), as a share of
/// one core over the minute in which 1,000 idle circuits would each ask once. The database server's own CPU is not counted.
/// </summary>
internal sealed class AccountsBench : IBenchmark
{
    private const int SignIns = 30;
    private const int Revalidations = 1_000;
    private const string Password = "bench password for sign-in";

    public string Name => "accounts";

    public string Description => $"sign-in ({SignIns} after warm-up, ours vs raw SQL) and {Revalidations} session revalidations (CPU)";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        var hasher = new PasswordHasher<User>();
        var sessions = new SessionService(database.Contexts, TimeProvider.System);
        var user = await EnsureUserAsync(database, hasher, ct);

        // Sign-in, alternating sides, after a warm-up of each.
        var ours = new List<double>();
        var raw = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            await OursSignInAsync(database, sessions, hasher, ct);
            await RawSignInAsync(database, hasher, ct);
        }
        for (var i = 0; i < SignIns; i++)
        {
            if (i % 2 == 0)
            {
                ours.Add(await TimeAsync(() => OursSignInAsync(database, sessions, hasher, ct)));
                raw.Add(await TimeAsync(() => RawSignInAsync(database, hasher, ct)));
            }
            else
            {
                raw.Add(await TimeAsync(() => RawSignInAsync(database, hasher, ct)));
                ours.Add(await TimeAsync(() => OursSignInAsync(database, sessions, hasher, ct)));
            }
        }
        var oursMedian = Latency.Percentile(ours, 50);
        var rawMedian = Latency.Percentile(raw, 50);
        outcome.Results.Add(new BenchResult("signin_ms", oursMedian, "ms", oursMedian / rawMedian));
        outcome.Results.Add(new BenchResult("signin_raw_ms", rawMedian, "ms"));

        // Revalidation: open sessions, each checked once per "minute".
        var tokens = new List<string>();
        for (var i = 0; i < Revalidations; i++) tokens.Add(await sessions.StartAsync(user.Id, "203.0.113.9", "bench", ct));
        foreach (var t in tokens.Take(200))
        {
            await sessions.ValidateAsync(t, user.SecurityStamp, ct);
            await RawValidateAsync(database, t, user.SecurityStamp!, ct);
        }
        // The app's path: circuits' checks gather for a moment and go as one query. At 1,000 circuits a minute and the
        // app's 2-second gathering, about 33 checks share a query; the bench sends them in waves of that size.
        await using var batcher = new SessionRevalidationBatcher(sessions, TimeSpan.FromMilliseconds(20));
        foreach (var wave in tokens.Take(200).Chunk(33)) await Task.WhenAll(wave.Select(t => batcher.ValidateAsync(t, user.SecurityStamp, ct)));
        var oursCpu = await CpuAsync(async () =>
        {
            foreach (var wave in tokens.Chunk(33))
            {
                var answers = await Task.WhenAll(wave.Select(t => batcher.ValidateAsync(t, user.SecurityStamp, ct)));
                if (answers.Any(a => !a)) outcome.Errors.Add("an open session failed revalidation");
            }
        });
        var rawCpu = await CpuAsync(async () =>
        {
            foreach (var t in tokens)
                if (!await RawValidateAsync(database, t, user.SecurityStamp!, ct)) outcome.Errors.Add("an open session failed raw revalidation");
        });
        // 1,000 checks spread over one minute: CPU seconds / 60 s, as a percentage of one core.
        var pct = oursCpu.TotalSeconds * (1000.0 / Revalidations) / 60.0 * 100.0;
        outcome.Results.Add(new BenchResult("revalidation_cpu_pct", pct, "%", oursCpu / rawCpu, Decimals: 3));
        outcome.Results.Add(new BenchResult("revalidation_raw_cpu_pct", rawCpu.TotalSeconds * (1000.0 / Revalidations) / 60.0 * 100.0, "%", Decimals: 3));
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"  revalidation: ours {oursCpu.TotalMilliseconds:F0} ms CPU, raw {rawCpu.TotalMilliseconds:F0} ms CPU for {Revalidations} checks"));
        if (pct > 1.0) outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"1,000 revalidations a minute cost {pct:F3}% of a core (more than 1%)"));

        await database.ExecuteAsync("DELETE FROM sessions WHERE user_id = @u", ct, new NpgsqlParameter<Guid>("u", user.Id));
        return outcome;
    }

    private static async Task<User> EnsureUserAsync(BenchDatabase database, PasswordHasher<User> hasher, CancellationToken ct)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == "BENCH.SIGNIN", ct);
        if (user is null)
        {
            user = new User
            {
                Id = Guid.NewGuid(), UserName = "bench.signin", NormalizedUserName = "BENCH.SIGNIN", Email = "bench.signin@bench.example",
                NormalizedEmail = "BENCH.SIGNIN@BENCH.EXAMPLE", FullName = "Bench Sign-in", Roles = [AppRoles.Resident], Status = UserStatuses.Active,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
        }
        return user;
    }

    private static async Task OursSignInAsync(BenchDatabase database, SessionService sessions, PasswordHasher<User> hasher, CancellationToken ct)
    {
        User user;
        await using (var db = await database.Contexts.CreateDbContextAsync(ct))
        {
            user = await db.Users.AsNoTracking().FirstAsync(u => u.NormalizedUserName == "BENCH.SIGNIN", ct);
        }
        if (hasher.VerifyHashedPassword(user, user.PasswordHash!, Password) == PasswordVerificationResult.Failed) throw new InvalidOperationException("bench password refused");
        await sessions.StartAsync(user.Id, "203.0.113.9", "bench", ct);
    }

    private static async Task RawSignInAsync(BenchDatabase database, PasswordHasher<User> hasher, CancellationToken ct)
    {
        await using var conn = await database.Raw.OpenConnectionAsync(ct);
        Guid id;
        string hash;
        await using (var find = new NpgsqlCommand("SELECT id, password_hash FROM users WHERE normalized_username = $1 AND deleted_at IS NULL", conn))
        {
            find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "BENCH.SIGNIN" });
            await using var r = await find.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            id = r.GetGuid(0);
            hash = r.GetString(1);
        }
        if (hasher.VerifyHashedPassword(new User(), hash, Password) == PasswordVerificationResult.Failed) throw new InvalidOperationException("bench password refused");
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("INSERT INTO sessions (user_id, session_token, issued_at, expires_at, ip_address, user_agent) VALUES ($1, $2, now(), now() + interval '12 hours', '203.0.113.9', 'bench')")
                    { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id }, new NpgsqlParameter<string> { TypedValue = SessionService.Hash(token) } } },
                new NpgsqlBatchCommand("UPDATE users SET last_login_at = now(), last_login_ip = '203.0.113.9' WHERE id = $1")
                    { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id } } },
                new NpgsqlBatchCommand("INSERT INTO audit_logs (actor_user_id, actor_name, action_type, target_type, target_id, ip_address, user_agent) VALUES ($1, 'bench.signin', 'Login', 'User', $2, '203.0.113.9', 'bench')")
                    { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id }, new NpgsqlParameter<string> { TypedValue = id.ToString() } } },
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<bool> RawValidateAsync(BenchDatabase database, string token, string stamp, CancellationToken ct)
    {
        await using var cmd = database.Raw.CreateCommand(
            "SELECT s.revoked, s.expires_at, u.security_stamp, u.status, u.deleted_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.session_token = $1 LIMIT 1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SessionService.Hash(token) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return false;
        return !r.GetBoolean(0) && r.GetDateTime(1) > DateTime.UtcNow && r.GetString(2) == stamp && r.GetString(3) == UserStatuses.Active && r.IsDBNull(4);
    }

    private static async Task<double> TimeAsync(Func<Task> operation)
    {
        var sw = Stopwatch.StartNew();
        await operation();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static async Task<TimeSpan> CpuAsync(Func<Task> operation)
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var before = self.TotalProcessorTime;
        await operation();
        self.Refresh();
        return self.TotalProcessorTime - before;
    }
}
