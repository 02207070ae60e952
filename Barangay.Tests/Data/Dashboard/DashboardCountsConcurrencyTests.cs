using Barangay.Data.Accounts;
using Barangay.Data.Dashboard;
using Barangay.Data.Documents;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;
using Npgsql;

namespace Barangay.Tests.Data.Dashboard;

/// <summary>
/// The home's counts are aggregates read in one snapshot, so they stay exact while others write: every reading taken
/// during 200 status moves and 60 new complaints keeps the invariant (the statuses add up to the 200 requests), never
/// goes backwards, and the reading after the writers stop equals the hand count.
/// </summary>
public class DashboardCountsConcurrencyTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const int Requests = 200;
    private const int NewComplaints = 60;
    private DashboardHost _host = null!;
    private HallFixture.Ids _ids = null!;

    public async Task InitializeAsync()
    {
        _host = new DashboardHost(database.AppConnectionString, TestClock.UtcNow);
        await using (var db = await _host.Services.DbAsync()) _ids = await HallFixture.SeedAsync(db);
        // The fixture's 9 requests go away; 200 submitted ones take their place.
        await ExecAsync($$"""
            DELETE FROM document_requests;
            INSERT INTO document_requests (id, request_id, resident_id, type, status, metadata, submitted_at, version)
            SELECT gen_random_uuid(), 'REQ-CC-' || g, '{{_ids.Juan}}', 'barangay-clearance', 'submitted', '{}', now(), gen_random_uuid() FROM generate_series(1, {{Requests}}) g;
            """);
        _host.SignIn(_ids.Secretary, "fx-secretary", AppRoles.Official, OfficialPositions.PunongBarangay);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task ExecAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task GetOfficialHome_WhileOthersWrite_EveryReadingIsConsistentAndTheLastIsExact()
    {
        var before = (await _host.Get<DashboardService>().GetOfficialHomeAsync())!.Cards;
        before.RequestsByStatus[DocumentRequestStatuses.Submitted].Should().Be(Requests);
        var openBefore = before.OpenComplaints;

        var writing = true;
        var moves = Enumerable.Range(1, Requests).Select(i =>
            $"UPDATE document_requests SET status = 'reviewed' WHERE request_id = 'REQ-CC-{i}'");
        var complaints = Enumerable.Range(1, NewComplaints).Select(i =>
            $"INSERT INTO complaints (id, complaint_id, resident_id, category, description, status, version) VALUES (gen_random_uuid(), 'CMP-CC-{i}', '{_ids.Juan}', 'fx-noise', 'Concurrent.', 'new', gen_random_uuid())");
        var work = new System.Collections.Concurrent.ConcurrentQueue<string>(moves.Zip(complaints.Concat(Enumerable.Repeat("SELECT 1", Requests - NewComplaints)), (a, b) => new[] { a, b }).SelectMany(x => x));
        var writers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var sql)) await ExecAsync(sql);
        })).ToArray();

        var readings = new List<OfficialCards>();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            // Each reader has its own scope: a circuit per official.
            await using var host = new DashboardHost(database.AppConnectionString, TestClock.UtcNow);
            host.SignIn(_ids.Secretary, "fx-secretary", AppRoles.Official, OfficialPositions.PunongBarangay);
            var last = -1;
            while (Volatile.Read(ref writing))
            {
                var cards = (await host.Get<DashboardService>().GetOfficialHomeAsync())!.Cards;
                lock (readings) readings.Add(cards);
                cards.OpenComplaints.Should().BeGreaterThanOrEqualTo(last, "complaints are only added");
                last = cards.OpenComplaints;
            }
        })).ToArray();

        await Task.WhenAll(writers);
        Volatile.Write(ref writing, false);
        await Task.WhenAll(readers);

        readings.Should().NotBeEmpty();
        readings.Should().OnlyContain(c => c.RequestsByStatus.Values.Sum() == Requests, "a move never shows a request twice or not at all");
        readings.Should().OnlyContain(c => c.OpenComplaints >= openBefore && c.OpenComplaints <= openBefore + NewComplaints);
        var after = (await _host.Get<DashboardService>().GetOfficialHomeAsync())!.Cards;
        after.RequestsByStatus.Should().BeEquivalentTo(new Dictionary<string, int> { [DocumentRequestStatuses.Reviewed] = Requests });
        after.OpenComplaints.Should().Be(openBefore + NewComplaints);
    }
}
