using System.Data.Common;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Events;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Dashboard;

/// <summary>
/// Everything on the official's home as one <see cref="NpgsqlBatch"/>: its aggregate statements sent together and
/// answered together, so the page costs one database round trip. Each statement is one snapshot, so every count is
/// exact as of its statement (no counters to drift). Chosen by measurement (README, <c>official_home_ms</c>; EXPLAIN
/// figures in docs/schema.md): with the covering indexes <see cref="OfficialHomeResidentIndex"/> and
/// <see cref="OfficialHomeRequestIndex"/> every statement over 100,000 residents is an index-only or index scan, so no
/// denormalized counters (which raw SQL, imports and other replicas would have to keep exact too).
/// </summary>
internal static class OfficialHomeQuery
{
    private const string Cards = """
        SELECT
          (SELECT count(*) FROM households WHERE deleted_at IS NULL),
          (SELECT count(*) FROM registration_pending WHERE status = @reg_pending),
          (SELECT count(*) FROM document_requests WHERE status = ANY(@req_pending) AND due_at < @now),
          (SELECT count(*) FROM events WHERE status = @published AND start_at >= @now),
          (SELECT COALESCE(sum(unread_count), 0) FROM conversation_participants WHERE user_id = @me)
        """;

    // The complaints the caller may see, as the complaint queue sees them (ComplaintService.VisibleToHall, rendered by EF):
    // every complaint count and chart on the home reads from it, so none counts a confidential complaint the caller cannot open.
    private const string VisibleComplaints = "({0}) AS v(category, status, reported_at)";

    private static string OpenComplaints(string from) => $"SELECT count(*) FROM {from} WHERE status = ANY(@cmp_open)";

    private static string ComplaintCategories(string from) => $"SELECT category, count(*) FROM {from} GROUP BY category";

    private const string RequestsByStatus = "SELECT status, count(*) FROM document_requests GROUP BY status";

    private const string Lookups = "SELECT category, code, label FROM lookup_values WHERE category = @purok_cat OR category = @cat_cat";

    private static string PerWeek(string from, string column) => $"""
        SELECT CAST(floor((extract(epoch FROM {column}) - @week0_epoch) / 604800) AS INT) AS week, count(*)
        FROM {from} WHERE {column} >= @week0 GROUP BY 1
        """;

    /// <summary>
    /// The home for a caller who may see <paramref name="complaints"/> (the complaint queue's filter) and
    /// <paramref name="hallInbox"/> (the hall inbox's filter): each count is taken over the same rows its list shows.
    /// </summary>
    public static async Task<OfficialHome> RunAsync(BarangayDbContext db, Guid? me, IQueryable<Complaint> complaints, IQueryable<Messaging.Conversation> hallInbox,
        DateTime nowUtc, int kpNearDeadline, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZones.ToManila(nowUtc));
        // Twelve Manila weeks ending with the current one: the first starts 11 weeks before this week's Monday.
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstWeek = monday.AddDays(-7 * (OfficialCharts.Weeks - 1));
        var week0 = TimeZones.ManilaToUtc(firstWeek.ToDateTime(TimeOnly.MinValue));

        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(conn);
            var cards = new NpgsqlBatchCommand(Cards);
            cards.Parameters.Add(new NpgsqlParameter<string>("reg_pending", "pending"));
            cards.Parameters.Add(new NpgsqlParameter<string[]>("req_pending", [.. DocumentRequestStatuses.Pending]));
            cards.Parameters.Add(new NpgsqlParameter<DateTime>("now", nowUtc));
            cards.Parameters.Add(new NpgsqlParameter<string>("published", EventStatuses.Published));
            cards.Parameters.Add(new NpgsqlParameter<Guid>("me", me ?? Guid.Empty));
            batch.BatchCommands.Add(cards);
            var visible = complaints.Select(c => new { c.Category, c.Status, c.ReportedAt });
            var open = EfBatch.Wrap(visible, VisibleComplaints, OpenComplaints);
            open.Parameters.Add(new NpgsqlParameter<string[]>("cmp_open", [.. ComplaintStatuses.Open]));
            batch.BatchCommands.Add(open);
            batch.BatchCommands.Add(EfBatch.Wrap(hallInbox.Where(c => c.AwaitingReply).Select(c => c.Id), "({0}) AS v(id)", from => $"SELECT count(*) FROM {from}"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(RequestsByStatus));
            batch.BatchCommands.Add(Residents(today));
            foreach (var weekly in new[] { new NpgsqlBatchCommand(PerWeek("document_requests", "submitted_at")), EfBatch.Wrap(visible, VisibleComplaints, from => PerWeek(from, "reported_at")) })
            {
                weekly.Parameters.Add(new NpgsqlParameter<DateTime>("week0", week0));
                weekly.Parameters.Add(new NpgsqlParameter<double>("week0_epoch", (week0 - DateTime.UnixEpoch).TotalSeconds));
                batch.BatchCommands.Add(weekly);
            }
            batch.BatchCommands.Add(EfBatch.Wrap(visible, VisibleComplaints, ComplaintCategories));
            var lookups = new NpgsqlBatchCommand(Lookups);
            lookups.Parameters.Add(new NpgsqlParameter<string>("purok_cat", LookupCategories.Purok));
            lookups.Parameters.Add(new NpgsqlParameter<string>("cat_cat", LookupCategories.ComplaintCategory));
            batch.BatchCommands.Add(lookups);

            await using var r = await batch.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            var c = Enumerable.Range(0, 5).Select(i => Int(r, i)).ToArray();

            await r.NextResultAsync(ct);
            await r.ReadAsync(ct);
            var openComplaints = Int(r, 0);

            await r.NextResultAsync(ct);
            await r.ReadAsync(ct);
            var awaitingReply = Int(r, 0);

            await r.NextResultAsync(ct);
            var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
            while (await r.ReadAsync(ct)) byStatus[r.GetString(0)] = Int(r, 1);

            await r.NextResultAsync(ct);
            var pyramid = AgeGroups.Pyramid.Labels.Select(l => new int[2]).ToArray();
            var perPurok = new Dictionary<string, int>(StringComparer.Ordinal);
            var population = 0;
            while (await r.ReadAsync(ct))
            {
                var purok = r.GetString(0);
                var sex = r.IsDBNull(1) ? null : r.GetString(1);
                var n = Int(r, 3);
                population += n;
                perPurok[purok] = perPurok.GetValueOrDefault(purok) + n;
                if (sex == "Male") pyramid[Int(r, 2)][0] += n;
                else if (sex == "Female") pyramid[Int(r, 2)][1] += n;
            }

            var weeks = new int[2][];
            for (var k = 0; k < 2; k++)
            {
                await r.NextResultAsync(ct);
                weeks[k] = new int[OfficialCharts.Weeks];
                while (await r.ReadAsync(ct))
                {
                    var w = Int(r, 0);
                    if (w is >= 0 and < OfficialCharts.Weeks) weeks[k][w] += Int(r, 1);
                }
            }

            await r.NextResultAsync(ct);
            var categories = new List<(string Code, int Count)>();
            while (await r.ReadAsync(ct)) categories.Add((r.GetString(0), Int(r, 1)));

            await r.NextResultAsync(ct);
            var purokLabels = new Dictionary<string, string>(StringComparer.Ordinal);
            var categoryLabels = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await r.ReadAsync(ct))
                (r.GetString(0) == LookupCategories.Purok ? purokLabels : categoryLabels)[r.GetString(1)] = r.GetString(2);

            var cardsOut = new OfficialCards(population, c[0], c[1], byStatus, c[2], openComplaints, kpNearDeadline, c[3], awaitingReply, c[4]);
            var charts = new OfficialCharts(
                AgeGroups.Pyramid.Labels.Select((l, i) => new PyramidBand(l, pyramid[i][0], pyramid[i][1])).ToList(),
                perPurok.Select(p => new PurokCount(p.Key, purokLabels.GetValueOrDefault(p.Key, p.Key), p.Value)).OrderBy(p => p.Purok, StringComparer.Ordinal).ToList(),
                Enumerable.Range(0, OfficialCharts.Weeks).Select(i => new WeekCount(firstWeek.AddDays(7 * i), weeks[0][i], weeks[1][i])).ToList(),
                categories.Select(x => new CategoryCount(x.Code, categoryLabels.GetValueOrDefault(x.Code, x.Code), x.Count))
                    .OrderByDescending(x => x.Count).ThenBy(x => x.Category, StringComparer.Ordinal).ToList());
            return new OfficialHome(cardsOut, charts);
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }

    /// <summary>
    /// Active residents by purok, sex and pyramid band on <paramref name="today"/>: the home's costliest statement. Its
    /// filter is the partial index's own text, so the planner answers from the index alone (an index-only scan).
    /// </summary>
    internal static NpgsqlBatchCommand Residents(DateOnly today)
    {
        var (bandSql, bandParams) = AgeGroups.Pyramid.CaseSql("dob", today, "age");
        var residents = new NpgsqlBatchCommand($"""
            SELECT purok, sex, {bandSql} AS band, count(*) FROM residents
            WHERE {OfficialHomeResidentIndex.Filter} GROUP BY 1, 2, 3
            """);
        residents.Parameters.AddRange(bandParams.ToArray());
        return residents;
    }

    // count(*) is bigint on PostgreSQL and CockroachDB alike; CAST(... AS INT) is int4 here and int8 there.
    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
