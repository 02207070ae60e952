using System.Text.RegularExpressions;
using Npgsql;

namespace Barangay.Tests.EndToEnd.Filipino;

/// <summary>
/// The English prose the demo database holds (announcement bodies, complaint narratives, event descriptions, document
/// requirements, what officials typed into a note or a history entry): what people wrote is shown as they wrote it, so
/// it is taken out of a line before the line is judged English. Read from every text and jsonb column after the test's
/// own set-up has written its rows.
/// </summary>
public sealed partial class StoredTexts
{
    private readonly HashSet<string> _lines;
    private readonly List<string> _longestFirst;

    private StoredTexts(IEnumerable<string> values)
    {
        _lines = [.. values.SelectMany(v => v.Split('\n')).Select(EnglishTexts.Normal).Where(l => l.Length >= 4)];
        // Longest first: "the streetlight near the chapel" goes before "the chapel" takes a piece out of it.
        _longestFirst = [.. _lines.Where(l => l.Contains(' ')).OrderByDescending(l => l.Length)];
    }

    public int Count => _lines.Count;

    /// <summary>Stored texts given directly (the checks of the heuristic itself).</summary>
    public static StoredTexts Of(params string[] values) => new(values);

    public static async Task<StoredTexts> LoadAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
              AND c.data_type IN ('text', 'character varying', 'jsonb', 'ARRAY')
              AND (c.data_type <> 'ARRAY' OR c.udt_name IN ('_text', '_varchar'))
            """, conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        var values = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            // Only values with a space in them can be prose; the app's own account may not read every table (then skipped).
            var sql = type switch
            {
                "jsonb" => $"SELECT DISTINCT v #>> '{{}}' FROM \"{table}\" t, jsonb_path_query(t.\"{column}\", 'strict $.**') v WHERE jsonb_typeof(v) = 'string' AND (v #>> '{{}}') LIKE '% %'",
                "ARRAY" => $"SELECT DISTINCT x::text FROM (SELECT unnest(\"{column}\") x FROM \"{table}\") s WHERE x LIKE '% %'",
                _ => $"SELECT DISTINCT \"{column}\"::text FROM \"{table}\" WHERE \"{column}\" LIKE '% %'",
            };
            await using var cmd = new NpgsqlCommand(sql, conn);
            try
            {
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    if (!reader.IsDBNull(0)) values.Add(reader.GetString(0));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
            }
        }
        return new StoredTexts(values);
    }

    /// <summary>The line with every stored value in it taken out (a list's preview cut with "…" counts as the value).</summary>
    public string WithoutStoredValues(string line)
    {
        var cut = Ellipsis().Replace(line, "");
        if (_lines.Contains(cut) || _lines.Any(l => l.StartsWith(cut, StringComparison.Ordinal) && cut.Length >= 12)) return "";
        foreach (var value in _longestFirst)
            if (line.Contains(value, StringComparison.Ordinal)) line = line.Replace(value, " ", StringComparison.Ordinal);
        return line;
    }

    [GeneratedRegex(@"\s*(…|\.\.\.)\s*$")]
    private static partial Regex Ellipsis();
}
