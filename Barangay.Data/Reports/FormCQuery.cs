using System.Data.Common;
using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Dashboard;
using Barangay.Data.Residents;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Reports;

/// <summary>
/// The RBI monitoring report's numbers in one round trip: residents grouped by purok, sex, age bracket, civil status and
/// citizenship with the sector flags summed per group (a few thousand groups at most), households and families per
/// purok, and the purok labels. Who counts: residents on the register (active) whose record existed by the quarter's
/// last day and was not deleted by then; ages are completed years on that day. Families, as the RBI form counts them
/// (persons related by blood, marriage or adoption living together; a household may hold more than one): each occupied
/// household is the head's family, and each married son or daughter living there with their spouse (the son- or
/// daughter-in-law on the roll) is one more. A boarder is counted in the household but is no family of it.
/// </summary>
internal static class FormCQuery
{
    /// <summary>Relations that mark a married child's own family within the household.</summary>
    internal static readonly string[] InLaws = ["Son-in-law", "Daughter-in-law"];

    public static readonly string[] SectorNames =
        ["Senior citizens (60 and over)", "Persons with disability (PWD)", "Solo parents", "4Ps members", "Indigenous peoples (IP)", "Out-of-school youth (OSY)", "Overseas Filipino workers (OFW)", "Registered voters"];

    private const string NotRecorded = "Not recorded";
    private const string NoPurok = "(no purok)";

    private sealed record Group(string Purok, string? Sex, int Bracket, string Civil, string Citizenship, int Count, int[] Sectors);

    public static async Task<FormCReport> RunAsync(BarangayDbContext db, Quarter quarter, string? purok, CancellationToken ct)
    {
        var asOf = quarter.Last;
        var end = TimeZones.ManilaToUtc(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var (bracketSql, bracketParams) = AgeGroups.FormC.CaseSql("dob", asOf, "age");
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(conn);
            var residents = new NpgsqlBatchCommand($"""
                SELECT purok, sex, {bracketSql} AS bracket, marital_status, citizenship, count(*),
                  sum(CASE WHEN is_pwd THEN 1 ELSE 0 END), sum(CASE WHEN is_solo_parent THEN 1 ELSE 0 END),
                  sum(CASE WHEN is_four_ps THEN 1 ELSE 0 END), sum(CASE WHEN is_indigenous THEN 1 ELSE 0 END),
                  sum(CASE WHEN is_out_of_school_youth THEN 1 ELSE 0 END), sum(CASE WHEN is_ofw THEN 1 ELSE 0 END),
                  sum(CASE WHEN is_registered_voter THEN 1 ELSE 0 END)
                FROM residents
                WHERE registration_status = @active AND created_at < @end AND (deleted_at IS NULL OR deleted_at >= @end)
                  AND (@purok::text IS NULL OR purok = @purok)
                GROUP BY 1, 2, 3, 4, 5
                """);
            residents.Parameters.AddRange(bracketParams.ToArray());
            AddCommon(residents, end, purok);
            residents.Parameters.Add(new NpgsqlParameter<string>("active", ResidentStatuses.Active));
            batch.BatchCommands.Add(residents);
            const string alive = "h.created_at < @end AND (h.deleted_at IS NULL OR h.deleted_at >= @end) AND (@purok::text IS NULL OR h.purok = @purok)";
            foreach (var sql in new[]
            {
                $"SELECT h.purok, count(*) FROM households h WHERE {alive} GROUP BY 1",
                $"SELECT h.purok, count(*) FROM households h WHERE {alive} AND EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = h.id) GROUP BY 1",
                $"SELECT h.purok, count(*) FROM household_members m JOIN households h ON h.id = m.household_id WHERE {alive} AND m.relation = ANY(@in_laws) GROUP BY 1",
            })
            {
                var cmd = new NpgsqlBatchCommand(sql);
                AddCommon(cmd, end, purok);
                if (sql.Contains("@in_laws", StringComparison.Ordinal)) cmd.Parameters.Add(new NpgsqlParameter<string[]>("in_laws", InLaws));
                batch.BatchCommands.Add(cmd);
            }
            var labels = new NpgsqlBatchCommand("SELECT code, label FROM lookup_values WHERE category = @cat");
            labels.Parameters.Add(new NpgsqlParameter<string>("cat", LookupCategories.Purok));
            batch.BatchCommands.Add(labels);

            await using var r = await batch.ExecuteReaderAsync(ct);
            var groups = new List<Group>();
            while (await r.ReadAsync(ct))
                groups.Add(new Group(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), Int(r, 2), r.IsDBNull(3) ? NotRecorded : r.GetString(3),
                    r.IsDBNull(4) || string.IsNullOrWhiteSpace(r.GetString(4)) ? NotRecorded : r.GetString(4).Trim(), Int(r, 5),
                    Enumerable.Range(6, 7).Select(i => Int(r, i)).ToArray()));
            var perPurok = new Dictionary<string, int>[3];
            for (var k = 0; k < 3; k++)
            {
                await r.NextResultAsync(ct);
                perPurok[k] = new Dictionary<string, int>(StringComparer.Ordinal);
                while (await r.ReadAsync(ct)) perPurok[k][r.IsDBNull(0) ? NoPurok : r.GetString(0)] = Int(r, 1);
            }
            await r.NextResultAsync(ct);
            var purokLabels = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await r.ReadAsync(ct)) purokLabels[r.GetString(0)] = r.GetString(1);

            int Sum(Dictionary<string, int> d, string? only) => only is null ? d.Values.Sum() : d.GetValueOrDefault(only);
            FormCArea Area(string label, string? code)
            {
                var mine = code is null ? groups : groups.Where(g => g.Purok == code).ToList();
                return Build(label, code, mine, Sum(perPurok[0], code), Sum(perPurok[1], code) + Sum(perPurok[2], code));
            }

            var areas = new List<FormCArea>();
            if (purok is null)
            {
                areas.Add(Area("Whole barangay", null));
                var codes = groups.Select(g => g.Purok).Concat(perPurok[0].Keys.Where(k => k != NoPurok)).Distinct()
                    .OrderBy(c => purokLabels.GetValueOrDefault(c, c), StringComparer.Ordinal);
                areas.AddRange(codes.Select(c => Area(purokLabels.GetValueOrDefault(c, c), c)));
            }
            else areas.Add(Area(purokLabels.GetValueOrDefault(purok, purok), purok));
            return new FormCReport(quarter, areas);
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }

    private static FormCArea Build(string label, string? code, List<Group> groups, int households, int families)
    {
        SexCount Line(string name, IEnumerable<(Group G, int N)> counts)
        {
            int m = 0, f = 0, t = 0;
            foreach (var (g, n) in counts)
            {
                t += n;
                if (g.Sex == "Male") m += n;
                else if (g.Sex == "Female") f += n;
            }
            return new SexCount(name, m, f, t);
        }

        var brackets = AgeGroups.FormC.Labels.Select((l, i) => Line(l, groups.Where(g => g.Bracket == i).Select(g => (g, g.Count)))).ToList();
        var seniorFrom = AgeGroups.FormC.IndexOf(60);
        var sectors = new List<SexCount> { Line(SectorNames[0], groups.Where(g => g.Bracket >= seniorFrom).Select(g => (g, g.Count))) };
        for (var s = 0; s < 7; s++) sectors.Add(Line(SectorNames[s + 1], groups.Select(g => (g, g.Sectors[s]))));
        var civilOrder = ResidentLists.MaritalStatuses.Append(NotRecorded).ToList();
        var civil = groups.Select(g => g.Civil).Distinct().OrderBy(c => civilOrder.IndexOf(c) is var i and >= 0 ? i : 99).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => Line(c, groups.Where(g => g.Civil == c).Select(g => (g, g.Count)))).ToList();
        var citizenship = groups.Select(g => g.Citizenship).Distinct().OrderBy(c => c == "Filipino" ? 0 : c == NotRecorded ? 2 : 1).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => Line(c, groups.Where(g => g.Citizenship == c).Select(g => (g, g.Count)))).ToList();
        return new FormCArea(label, code, brackets, sectors, civil, citizenship, groups.Sum(g => g.Count), households, families);
    }

    private static void AddCommon(NpgsqlBatchCommand cmd, DateTime end, string? purok)
    {
        cmd.Parameters.Add(new NpgsqlParameter<DateTime>("end", end));
        cmd.Parameters.Add(new NpgsqlParameter("purok", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)purok ?? DBNull.Value });
    }

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
}
