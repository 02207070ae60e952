using Barangay.Data.Dashboard;
using Barangay.Tests.Infrastructure;
using Npgsql;

namespace Barangay.Tests.Data.Dashboard;

/// <summary>
/// The home's costliest statement must be able to use its covering partial index: PostgreSQL uses a partial index only
/// when the statement's filter implies the index's, so a reworded filter (or a generic plan for a parameter in place of
/// the literal) would silently bring back the full scan the index was made to avoid (docs/schema.md, OfficialHomeIndexes).
/// </summary>
public class OfficialHomePlanTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task ResidentsStatement_WithSequentialScansOff_UsesTheCoveringPartialIndex()
    {
        await using var conn = new NpgsqlConnection(database.AppConnectionString);
        await conn.OpenAsync();
        // On a near-empty table a full scan is cheapest; switched off, the planner shows which index can serve instead.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
        var statement = OfficialHomeQuery.Residents(new DateOnly(2026, 3, 18));
        await using var explain = new NpgsqlCommand("EXPLAIN " + statement.CommandText, conn);
        foreach (NpgsqlParameter p in statement.Parameters) explain.Parameters.Add(p.Clone());

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        string.Join("\n", plan).Should().Contain($"using {OfficialHomeResidentIndex.Name} on residents").And.NotContain("Seq Scan");
    }
}
