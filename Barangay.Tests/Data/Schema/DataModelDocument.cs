using System.Text.RegularExpressions;

namespace Barangay.Tests.Data.Schema;

/// <summary>
/// Parses the data-model document (docs/data-model.txt, the copy of the specification the product was
/// built from) into what the migrated database must hold: tables, columns, NOT NULL, defaults,
/// references, unique constraints and named indexes.
/// </summary>
public sealed partial class DataModelDocument
{
    public sealed record Column(string Table, string Name, bool NotNull, bool HasDefault, bool Unique, string? References);

    public List<Column> Columns { get; } = [];
    public List<(string Table, string Name)> Indexes { get; } = [];
    public List<(string Table, string[] Columns)> UniqueSets { get; } = [];
    public HashSet<string> Tables { get; } = [];

    public static DataModelDocument Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "data-model.txt"))) dir = dir.Parent;
        if (dir is null) throw new FileNotFoundException("docs/data-model.txt not found above " + AppContext.BaseDirectory);
        return Parse(File.ReadAllLines(Path.Combine(dir.FullName, "docs", "data-model.txt")));
    }

    private static readonly string[] KnownTables =
    [
        "users", "residents", "households", "household_members", "officials", "document_requests", "complaints", "events",
        "event_registrations", "announcements", "conversations", "conversation_participants", "messages", "notifications",
        "audit_logs", "exports", "imports", "sessions", "failed_logins", "registration_pending", "email_queue", "files",
        "app_settings", "lookup_values",
    ];

    public static DataModelDocument Parse(IEnumerable<string> lines)
    {
        var doc = new DataModelDocument();
        string? table = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var bare = line.TrimEnd(':');
            if (KnownTables.Contains(bare)) { table = bare; doc.Tables.Add(table); continue; }
            if (line.StartsWith("Suggested Constraints", StringComparison.Ordinal)) break;
            if (table is null || line.Length == 0) continue;

            if (ColumnLine().Match(line) is { Success: true } c)
            {
                var name = c.Groups[1].Value;
                var rest = line[name.Length..];
                var references = ReferencesRx().Match(rest) is { Success: true } r ? r.Groups[1].Value : null;
                var isPk = rest.Contains(" PK", StringComparison.Ordinal);
                doc.Columns.Add(new Column(table, name,
                    NotNull: isPk || rest.Contains("NOT NULL", StringComparison.Ordinal),
                    HasDefault: rest.Contains("DEFAULT", StringComparison.Ordinal) || (isPk && rest.Contains("UUID", StringComparison.Ordinal)),
                    Unique: Regex.IsMatch(rest, @"\bUNIQUE\b"),
                    References: references));
            }
            else if (IndexLine().Match(line) is { Success: true } i)
            {
                doc.Indexes.Add((table, i.Groups[1].Value));
            }
            else if (UniqueLine().Match(line) is { Success: true } u)
            {
                doc.UniqueSets.Add((table, u.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)));
            }
        }
        return doc;
    }

    [GeneratedRegex(@"^([a-zA-Z_]+) (UUID|STRING|DATE|TIMESTAMPTZ|JSONB|BOOL|INT|TEXT)")]
    private static partial Regex ColumnLine();

    [GeneratedRegex(@"REFERENCES (\w+)\(")]
    private static partial Regex ReferencesRx();

    [GeneratedRegex(@"^(idx_\w+)\b")]
    private static partial Regex IndexLine();

    [GeneratedRegex(@"^UNIQUE \(([^)]+)\)")]
    private static partial Regex UniqueLine();
}
