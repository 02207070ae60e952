using Barangay.Data;
using Barangay.Data.Email;
using Barangay.Data.Settings;
using Barangay.Data.Tenancy;
using Barangay.Jobs;
using Barangay.Jobs.Email;
using Barangay.Tests.Infrastructure;
using Barangay.Tests.Jobs.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Tenancy;

/// <summary>
/// Two barangays on one worker: every data access (EF, raw SQL on a context's connection, jobs) reaches only the
/// current barangay's database, and a job never writes to a barangay other than the one it was queued for.
/// </summary>
public class TenantIsolationTests : IClassFixture<TwoBarangays>, IAsyncLifetime
{
    private readonly TwoBarangays _two;
    private JobsTestHost _jobs = null!;

    public TenantIsolationTests(TwoBarangays two) => _two = two;

    public async Task InitializeAsync() => _jobs = await JobsTestHost.StartAsync(_two.A.AppConnectionString, sendGrid: null, _two.Settings());

    public Task DisposeAsync() => _jobs.DisposeAsync().AsTask();

    private IDbContextFactory<BarangayDbContext> Factory => _jobs.Get<IDbContextFactory<BarangayDbContext>>();

    [Fact]
    public async Task OpenContext_OutsideABarangay_IsRefusedAndInsideReachesOnlyItsOwnDatabase()
    {
        var outside = () => Factory.CreateDbContextAsync();
        await outside.Should().ThrowAsync<InvalidOperationException>().WithMessage("No barangay is chosen*");

        foreach (var (listing, db) in new[] { (_two.ListingA, _two.A), (_two.ListingB, _two.B) })
        {
            using var _ = BarangayAmbient.Use(listing);
            await using var ctx = await Factory.CreateDbContextAsync();
            // The raw connection that COPY and batches borrow is the same one.
            var conn = (Npgsql.NpgsqlConnection)ctx.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("SELECT current_database()", conn);
            (await cmd.ExecuteScalarAsync()).Should().Be(db.Name);
            (await ctx.Database.SqlQueryRaw<string>("SELECT current_database() AS \"Value\"").SingleAsync()).Should().Be(db.Name);
        }
    }

    [Fact]
    public async Task InterleavedEmailJobs_EachRunsOnItsOwnBarangayOnly()
    {
        await SetSenderAsync(_two.ListingA, "hall@a.example");
        await SetSenderAsync(_two.ListingB, "hall@b.example");
        var queued = new List<(string Barangay, Guid Id)>();
        for (var i = 0; i < 4; i++)
        {
            foreach (var listing in new[] { _two.ListingA, _two.ListingB })
            {
                using var _ = BarangayAmbient.Use(listing);
                Guid id;
                await using (var db = await Factory.CreateDbContextAsync())
                    id = await EmailTestRows.QueueAsync(db, $"Notice {listing.Slug}-{i}");
                await _jobs.Get<IEmailDispatcher>().DispatchAsync([id]);
                queued.Add((listing.Slug, id));
            }
        }

        foreach (var listing in new[] { _two.ListingA, _two.ListingB })
        {
            var own = queued.Where(q => q.Barangay == listing.Slug).Select(q => q.Id).ToList();
            await JobsTestHost.WaitUntilAsync(async () =>
            {
                using var _ = BarangayAmbient.Use(listing);
                await using var db = await Factory.CreateDbContextAsync();
                return await db.EmailQueue.CountAsync(e => own.Contains(e.Id) && e.Status == EmailStatuses.Sent) == own.Count;
            }, $"barangay {listing.Slug}'s emails to be sent");

            using var scope = BarangayAmbient.Use(listing);
            await using var ctx = await Factory.CreateDbContextAsync();
            var subjects = await ctx.EmailQueue.AsNoTracking().Where(e => e.Subject!.StartsWith("Notice ")).Select(e => e.Subject!).ToListAsync();
            subjects.Should().HaveCount(4).And.OnlyContain(s => s.StartsWith($"Notice {listing.Slug}-"), "no other barangay's job wrote here");
            (await ctx.EmailQueue.Where(e => own.Contains(e.Id)).Select(e => e.AttemptCount).ToListAsync()).Should().OnlyContain(n => n == 1);
        }

        // Each email went out with its own barangay's sender (a per-process cache must not mix them up).
        foreach (var (slug, id) in queued)
        {
            var file = Directory.GetFiles(Path.Combine(_jobs.DataRoot, "mail"), $"*{id:N}*.eml").Should().ContainSingle().Subject;
            (await File.ReadAllTextAsync(file)).Should().Contain($"From: hall@{slug}.example");
        }
    }

    [Fact]
    public async Task JobQueuedForOneBarangay_NeverWritesToAnother()
    {
        // A's row, with a job queued for B carrying A's row id (a mix-up at the dispatcher): B has no such row, so the job
        // finds nothing and A's row stays queued. Queued with no barangay at all, the job fails before touching any database.
        Guid id;
        using (BarangayAmbient.Use(_two.ListingA))
        {
            await using var db = await Factory.CreateDbContextAsync();
            id = await EmailTestRows.QueueAsync(db, "Meant for A only");
        }
        var client = _jobs.Get<IBackgroundJobClient>();
        string forB, forNobody;
        using (BarangayAmbient.Use(_two.ListingB)) forB = client.Enqueue<EmailDeliveryJob>(j => j.SendAsync(id, CancellationToken.None));
        forNobody = client.Enqueue<EmailDeliveryJob>(j => j.SendAsync(id, CancellationToken.None));

        var monitor = _jobs.Get<JobStorage>().GetMonitoringApi();
        static bool Ran(Hangfire.Storage.Monitoring.JobDetailsDto job) => job.History.Any(h => h.StateName is "Succeeded" or "Failed" or "Scheduled");
        await JobsTestHost.WaitUntilAsync(() => Task.FromResult(Ran(monitor.JobDetails(forB)) && Ran(monitor.JobDetails(forNobody))), "both jobs to run");

        monitor.JobDetails(forB).History.Should().Contain(h => h.StateName == "Succeeded", "B has no such row: nothing to do");
        monitor.JobDetails(forNobody).History.Should().NotContain(h => h.StateName == "Succeeded", "a job without a barangay opens no database");
        using (BarangayAmbient.Use(_two.ListingA))
        {
            var row = await EmailTestRows.ReadAsync(() => Factory.CreateDbContextAsync(), id);
            row.Status.Should().Be(EmailStatuses.Queued);
            row.AttemptCount.Should().Be(0);
        }
        using (BarangayAmbient.Use(_two.ListingB))
        {
            await using var db = await Factory.CreateDbContextAsync();
            (await db.EmailQueue.AnyAsync(e => e.Id == id)).Should().BeFalse();
        }
    }

    [Fact]
    public void RecurringJobs_AreRegisteredOncePerBarangay()
    {
        using var connection = _jobs.Get<JobStorage>().GetConnection();
        var ids = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(j => j.Id).ToList();

        ids.Should().Contain([Barangay.Jobs.Maintenance.QueueSweeperJob.RecurringId + "@a", Barangay.Jobs.Maintenance.QueueSweeperJob.RecurringId + "@b"])
            .And.NotContain(Barangay.Jobs.Maintenance.QueueSweeperJob.RecurringId, "with several barangays no recurring job runs for none");
    }

    private async Task SetSenderAsync(Barangay.Data.Municipality.BarangayListing listing, string address)
    {
        using var _ = BarangayAmbient.Use(listing);
        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO app_settings (key, value) VALUES ({0}, to_jsonb({1}::text)) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            SettingKeys.EmailSender, address);
    }
}
