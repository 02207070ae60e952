using System.Text.RegularExpressions;
using Barangay.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Barangay.Tests.Data.Schema;

/// <summary>Reads the whole generated migration script and fails on every construct COCKROACHDB.md forbids.</summary>
public class CockroachCompatibilityTests
{
    private static readonly string Script = GenerateScript();

    private static string GenerateScript()
    {
        var b = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(b, "Host=127.0.0.1;Database=unused", new DatabaseOptions());
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

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void MigrationScript_ForbiddenConstruct_IsAbsent(string pattern, string rule)
    {
        var hits = Regex.Matches(Script, pattern, RegexOptions.IgnoreCase | RegexOptions.Multiline);
        hits.Should().BeEmpty($"{rule}; found: {string.Join(" | ", hits.Select(h => Line(h.Index)))}");
    }

    [Fact]
    public void MigrationScript_TrigramIndexes_UseGinTrgmOps()
    {
        Script.Should().Contain("gin_trgm_ops", "names are searched through trigram indexes (rule 19)");
    }

    [Fact]
    public void MigrationScript_PrimaryKeys_DefaultToGenRandomUuid()
    {
        Script.Should().Contain("gen_random_uuid()");
        Script.Should().NotContainAny("uuid_generate_v4", "unique_rowid");
    }

    private static string Line(int index)
    {
        var start = Script.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var end = Script.IndexOf('\n', index);
        return Script[start..(end < 0 ? Script.Length : end)].Trim();
    }
}
