using System.Text.Json;
using System.Text.RegularExpressions;
using Barangay.Data.Complaints.Kp;
using Microsoft.EntityFrameworkCore;
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

    private readonly HashSet<string> _names;

    private StoredTexts(IEnumerable<string> values, IEnumerable<string>? names = null)
    {
        _names = new HashSet<string>(names ?? [], StringComparer.Ordinal);
        // An announcement's body is Markdown: the page shows it without the marks ("**Monday**" reads "Monday").
        _lines = [.. values.SelectMany(v => v.Split('\n')).SelectMany(l => new[] { l, Markdown().Replace(l, "") })
            .Select(EnglishTexts.Normal).Where(l => l.Length >= 4)];
        // Longest first: "the streetlight near the chapel" goes before "the chapel" takes a piece out of it.
        _longestFirst = [.. _lines.Where(l => l.Contains(' ')).OrderByDescending(l => l.Length)];
    }

    public int Count => _lines.Count;

    /// <summary>Stored texts given directly (the checks of the heuristic itself).</summary>
    public static StoredTexts Of(params string[] values) => new(values);

    /// <summary>
    /// A name the database holds as it is shown: a username ("secretary"), a person's name, an official's position as
    /// the barangay wrote it ("Secretary", kept as on the door: docs/filipino-glossary.md). Such a word matching a
    /// catalogue entry ("secretary", the Pangkat's secretary) is data, not a forgotten translation.
    /// </summary>
    public bool IsStoredName(string text) => _names.Contains(text);

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
        var names = new List<string>();
        foreach (var (table, column, type) in columns.Where(c => c.Type != "jsonb" && IsNameColumn(c.Column)))
        {
            await using var cmd = new NpgsqlCommand(type == "ARRAY"
                ? $"SELECT DISTINCT x::text FROM (SELECT unnest(\"{column}\") x FROM \"{table}\") s WHERE x IS NOT NULL"
                : $"SELECT DISTINCT \"{column}\"::text FROM \"{table}\" WHERE \"{column}\" IS NOT NULL", conn);
            try
            {
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) names.Add(reader.GetString(0));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
            }
        }
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
        values.AddRange(await DecryptedAsync(connectionString));
        return new StoredTexts(values, names);
    }

    private static bool IsNameColumn(string column) =>
        column is "username" or "email" or "position" || column.Contains("name", StringComparison.Ordinal);

    /// <summary>
    /// The columns kept encrypted at rest (Barangay.Data.Security.EncryptedColumns: complaint narratives, resolution
    /// notes, notes and history in a complaint's metadata, KP minutes and terms) read through the app's model, which
    /// decrypts them, as the pages show them.
    /// </summary>
    private static async Task<List<string>> DecryptedAsync(string connectionString)
    {
        await using var host = new Barangay.Tests.Data.Complaints.ComplaintsTestHost(connectionString);
        await using var db = await host.Services.DbAsync();
        var values = new List<string>();
        foreach (var c in await db.Complaints.IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Description, c.ResolutionNotes, c.Metadata }).ToListAsync())
        {
            values.Add(c.Description);
            if (c.ResolutionNotes is not null) values.Add(c.ResolutionNotes);
            if (c.Metadata is not null) values.AddRange(JsonStrings(c.Metadata));
        }
        values.AddRange(await db.Set<KpHearing>().AsNoTracking().Select(h => h.Minutes).ToListAsync());
        foreach (var k in await db.Set<KpCase>().AsNoTracking().Select(k => new { k.OutcomeTerms, k.RepudiationReason }).ToListAsync())
            values.AddRange(new[] { k.OutcomeTerms, k.RepudiationReason }.OfType<string>());
        return values.Where(v => v.Contains(' ')).ToList();
    }

    private static IEnumerable<string> JsonStrings(string json)
    {
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: found.Add(e.GetString()!); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Walk(p.Value); break;
                case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) Walk(i); break;
            }
        }
        using var doc = JsonDocument.Parse(json);
        Walk(doc.RootElement);
        return found;
    }

    /// <summary>The line with every stored value in it taken out (a list's preview cut with "…" counts as the value).</summary>
    public string WithoutStoredValues(string line)
    {
        if (_lines.Contains(line)) return "";
        // A preview cut short ("Juan: The streetlight near the chap…"): the end of the line is the start of a stored text.
        if (Ellipsis().IsMatch(line))
        {
            var cut = Ellipsis().Replace(line, "");
            for (var i = 0; i <= cut.Length - 12; i++)
            {
                if (i > 0 && cut[i - 1] != ' ') continue;
                var tail = cut[i..];
                if (_lines.Any(l => l.StartsWith(tail, StringComparison.Ordinal))) { line = cut[..i]; break; }
            }
        }
        foreach (var value in _longestFirst)
            if (line.Contains(value, StringComparison.Ordinal)) line = line.Replace(value, " ", StringComparison.Ordinal);
        return line;
    }

    [GeneratedRegex(@"\*\*|__|`|^\s*(#+|[-*]|\d+\.)\s+")]
    private static partial Regex Markdown();

    [GeneratedRegex(@"\s*(…|\.\.\.)\s*$")]
    private static partial Regex Ellipsis();
}
