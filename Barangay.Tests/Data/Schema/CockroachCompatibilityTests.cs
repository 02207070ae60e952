using System.Text.RegularExpressions;
using Barangay.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Barangay.Tests.Data.Schema;

/// <summary>
/// Reads the whole generated migration script — as the PostgreSQL flavour generates it, and as the CockroachDB flavour
/// does (its history repository, then the CockroachDB-only steps the migrate command adds) — and fails on every
/// construct COCKROACHDB.md forbids.
/// </summary>
public class CockroachCompatibilityTests
{
    private static readonly Dictionary<string, string> Scripts = new()
    {
        [DatabaseOptions.PostgreSql] = GenerateScript(DatabaseOptions.PostgreSql),
        [DatabaseOptions.CockroachDb] = GenerateScript(DatabaseOptions.CockroachDb)
            + "\n" + string.Join(";\n", Barangay.Data.Scale.CockroachFeatures.Statements) + ";\n",
    };

    public static TheoryData<string> Flavours => new() { DatabaseOptions.PostgreSql, DatabaseOptions.CockroachDb };

    private static string GenerateScript(string flavour)
    {
        var b = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(b, "Host=127.0.0.1;Database=unused", new DatabaseOptions { Flavour = flavour });
        using var db = new BarangayDbContext(b.Options);
        return db.GetService<IMigrator>().GenerateScript();
    }

    public static TheoryData<string, string> Forbidden => new()
    {
        { @"\bCREATE\s+EXTENSION\b", "rule 19: extensions are created by the migrate command, not the script" },
        { @"\bLOCK\s+TABLE\b", "rule 15: no LOCK TABLE" },
        { @"\b(BIG)?SERIAL\b", "rule 6: no SERIAL (it becomes unique_rowid())" },
        { @"\bxmin\b", "rule 9: no xmin concurrency tokens" },
        { @"\bCREATE\s+(OR\s+REPLACE\s+)?(TRIGGER|FUNCTION|PROCEDURE)\b", "rule 14: no triggers or stored procedures" },
        { @"\bDO\s+\$", "rule 5: no DO blocks" },
        { @"\bPERFORM\b", "rule 5: no PERFORM" },
        { @"\bcitext\b", "rule 10: no citext" },
        { @"\bCREATE\s+DOMAIN\b", "rule 10: no domains" },
        { @"\bCOLLATE\b|\bCREATE\s+COLLATION\b", "rule 10: no collations" },
        { @"\b(tstzrange|tsrange|daterange|int4range|int8range|numrange)\b", "rule 10: no range types" },
        { @"jsonb_path_ops", "rule 12: GIN indexes without operator class on JSONB" },
        { @"ALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b", "rule 4: never change a column's type in place" },
        { @"\bpg_advisory", "rule 15: no advisory locks" },
        { @"\b(LISTEN|NOTIFY)\b", "rule 15: no LISTEN/NOTIFY" },
        { @"\bCREATE\s+SCHEMA\b", "rule 5: public schema only" },
        { @"\bALTER\s+TABLE\b[^;]*\bADD\b[^;]*\bGENERATED\b[^;]*\bAS\s+IDENTITY\b", "rule 6: identity columns only inside CREATE TABLE" },
        { @"\s(integer|int)\s+NOT\s+NULL|\s(integer|int)\s*(,|\)|\sNULL)", "rule 7: int columns are int4 explicitly" },
    };

    public static TheoryData<string, string, string> ForbiddenPerFlavour()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var flavour in new[] { DatabaseOptions.PostgreSql, DatabaseOptions.CockroachDb })
        {
            foreach (var row in Forbidden)
                data.Add(flavour, (string)row[0], (string)row[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenPerFlavour))]
    public void MigrationScript_ForbiddenConstruct_IsAbsent(string flavour, string pattern, string rule)
    {
        var script = Scripts[flavour];
        var hits = Regex.Matches(script, pattern, RegexOptions.IgnoreCase | RegexOptions.Multiline);
        hits.Should().BeEmpty($"{rule}; found: {string.Join(" | ", hits.Select(h => Line(script, h.Index)))}");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void MigrationScript_TrigramIndexes_UseGinTrgmOps(string flavour)
    {
        Scripts[flavour].Should().Contain("gin_trgm_ops", "names are searched through trigram indexes (rule 19)");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void MigrationScript_PrimaryKeys_DefaultToGenRandomUuid(string flavour)
    {
        Scripts[flavour].Should().Contain("gen_random_uuid()");
        Scripts[flavour].Should().NotContainAny("uuid_generate_v4", "unique_rowid");
    }

    [Fact]
    public void CockroachScript_HasTheTtlsAndTheHashShardedAuditIndex()
    {
        var script = Scripts[DatabaseOptions.CockroachDb];
        foreach (var table in new[] { "failed_logins", "sessions", "audit_logs" })
            script.Should().MatchRegex($@"ALTER TABLE {table} SET \(ttl_expiration_expression = ");
        script.Should().MatchRegex(@"CREATE INDEX IF NOT EXISTS \w+ ON audit_logs \(""timestamp"" DESC\) USING HASH");
        Scripts[DatabaseOptions.PostgreSql].Should().NotContain("ttl_expiration_expression").And.NotContain("USING HASH");
    }

    private static string Line(string script, int index)
    {
        var start = script.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var end = script.IndexOf('\n', index);
        return script[start..(end < 0 ? script.Length : end)].Trim();
    }
}
