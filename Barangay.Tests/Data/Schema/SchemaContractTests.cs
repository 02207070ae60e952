using Barangay.Tests.Infrastructure;
using Npgsql;

namespace Barangay.Tests.Data.Schema;

/// <summary>Queries the migrated database's catalog and fails if anything the data-model document names is missing.</summary>
public class SchemaContractTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DataModelDocument Doc = DataModelDocument.Load();

    [Fact]
    public void Document_Parsed_HasEveryTable()
    {
        Doc.Tables.Should().HaveCount(24);
        Doc.Columns.Should().HaveCountGreaterThan(200);
        Doc.Indexes.Should().Contain(("users", "idx_users_email_lower"));
        Doc.UniqueSets.Should().Contain(u => u.Table == "household_members");
    }

    [Fact]
    public async Task Catalog_EveryDocumentedColumn_ExistsWithNullabilityAndDefault()
    {
        var columns = await QueryAsync(
            "SELECT table_name, column_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public'",
            r => (Table: r.GetString(0), Column: r.GetString(1), Nullable: r.GetString(2) == "YES", Default: r.IsDBNull(3) ? null : r.GetString(3)));
        var problems = new List<string>();
        foreach (var c in Doc.Columns)
        {
            var found = columns.FirstOrDefault(x => x.Table == c.Table && x.Column == c.Name);
            if (found == default) { problems.Add($"{c.Table}.{c.Name} is missing"); continue; }
            if (c.NotNull && found.Nullable) problems.Add($"{c.Table}.{c.Name} should be NOT NULL");
            if (c.HasDefault && found.Default is null) problems.Add($"{c.Table}.{c.Name} should have a default");
        }
        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Catalog_EveryDocumentedIndex_Exists()
    {
        var names = await QueryAsync("SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public'", r => (r.GetString(0), r.GetString(1)));
        Doc.Indexes.Where(i => !names.Contains(i)).Should().BeEmpty();
    }

    [Fact]
    public async Task Catalog_EveryDocumentedUniqueConstraint_IsEnforced()
    {
        var unique = await QueryAsync(
            """
            SELECT t.relname, array_agg(a.attname ORDER BY k.n)
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = 'public'
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE i.indisunique AND i.indpred IS NULL
            GROUP BY t.relname, i.indexrelid
            """,
            r => (Table: r.GetString(0), Columns: string.Join(",", r.GetFieldValue<string[]>(1))));
        var expected = Doc.Columns.Where(c => c.Unique).Select(c => (c.Table, Columns: c.Name))
            .Concat(Doc.UniqueSets.Select(u => (u.Table, Columns: string.Join(",", u.Columns))));
        expected.Where(e => !unique.Contains(e)).Should().BeEmpty();
    }

    [Fact]
    public async Task Catalog_EveryDocumentedReference_IsAForeignKey()
    {
        var fks = await QueryAsync(
            """
            SELECT tc.table_name, kcu.column_name, ccu.table_name
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
            JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
            """,
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        Doc.Columns.Where(c => c.References is not null)
            .Select(c => (c.Table, c.Name, c.References!))
            .Where(e => !fks.Contains(e)).Should().BeEmpty();
    }

    [Fact]
    public async Task Catalog_DocumentSuggestions_CompositeAndTrigramIndexesExist()
    {
        var defs = await QueryAsync("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'", r => r.GetString(0));
        defs.Should().Contain(d => d.Contains("ON public.complaints USING btree (purok, status)"));
        defs.Should().Contain(d => d.Contains("ON public.document_requests USING btree (purok, status)"));
        defs.Should().Contain(d => d.Contains("ON public.residents USING gin (search_last gin_trgm_ops)"));
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var conn = new NpgsqlConnection(db.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await r.ReadAsync()) list.Add(read(r));
        return list;
    }
}
