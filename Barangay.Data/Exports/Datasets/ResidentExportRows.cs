using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Exports.Datasets;

/// <summary>
/// The residents register (and Custom: chosen columns of it) as plain SQL. At 100,000 rows EF's materialization, and then
/// Npgsql's per-column strings, were most of the export's time, so a CSV is made by the database itself with
/// <c>COPY (SELECT …) TO STDOUT (FORMAT CSV)</c> (<see cref="ExportTable.CsvCopy"/>), and the other formats read the
/// same SELECT with a plain <see cref="NpgsqlDataReader"/>. Age and sectors are computed in that SELECT, so both paths
/// give the same cells. The SQL keeps the soft-delete filter the EF model would have added.
/// </summary>
public static class ResidentExportRows
{
    private enum Kind { Text, Date, Int }

    private sealed record Column(string Header, string Sql, Kind Kind = Kind.Text);

    /// <summary>
    /// The sectors as <c>ResidentSectors.Describe</c> writes them (that is the rule for printed records; a test holds the two
    /// together). <c>{age}</c> is the age expression.
    /// </summary>
    private const string SectorsSql = """
        concat_ws('; ',
            CASE WHEN {age} >= 60 THEN 'Senior citizen' END,
            CASE WHEN r.is_pwd THEN CASE WHEN coalesce(btrim(r.disability_type), '') = '' THEN 'PWD' ELSE 'PWD (' || r.disability_type || ')' END END,
            CASE WHEN r.is_solo_parent THEN 'Solo parent' END,
            CASE WHEN r.is_four_ps THEN '4Ps' END,
            CASE WHEN r.is_indigenous THEN 'IP' END,
            CASE WHEN r.is_out_of_school_youth THEN 'OSY' END,
            CASE WHEN r.is_ofw THEN 'OFW' END,
            CASE WHEN r.is_registered_voter THEN 'Registered voter' END,
            CASE WHEN r.is_employed THEN 'Employed' END)
        """;

    /// <summary>Completed years on {today} (<c>Ages.On</c>), in arithmetic both PostgreSQL and CockroachDB have.</summary>
    private const string AgeSql =
        "({year} - extract(year FROM r.dob)::int - CASE WHEN extract(month FROM r.dob)::int * 100 + extract(day FROM r.dob)::int > {monthday} THEN 1 ELSE 0 END)";

    /// <summary>The purok's label as forms show it ("Purok 1 - Sampaguita"), not its code; the code when it has no lookup value.</summary>
    private const string PurokSql = "COALESCE((SELECT l.label FROM lookup_values l WHERE l.category = 'purok' AND l.code = r.purok LIMIT 1), r.purok)";

    private static readonly Column[] Columns =
    [
        new("Resident ID", "r.resident_id"), new("Last name", "r.last_name"), new("First name", "r.first_name"), new("Middle name", "r.middle_name"),
        new("Suffix", "r.name_extension"), new("Sex", "r.sex"), new("Birth date", "r.dob", Kind.Date), new("Age", "{age}", Kind.Int),
        new("Civil status", "r.marital_status"), new("Citizenship", "r.citizenship"), new("Purok", PurokSql), new("Address", "r.address"),
        new("Contact number", "r.contact_number"), new("Email", "r.email"), new("National ID (masked)", "r.national_id_masked"),
        new("Occupation", "r.occupation"), new("Sectors", SectorsSql), new("Status", "r.registration_status"), new("Household ID", "h.household_id"),
    ];

    public static readonly IReadOnlyList<string> Headers = Columns.Select(c => c.Header).ToList();

    /// <summary>The header's position, or -1 for a column that is not a resident column (refused by the service first).</summary>
    public static int IndexOf(string header) => Array.FindIndex(Columns, c => string.Equals(c.Header, header, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every column (Residents) or the chosen ones in the chosen order (Custom).</summary>
    public static ExportTable Open(BarangayDbContext db, ExportFilters f, DateOnly today, bool custom)
    {
        var chosen = custom && f.Columns is { Count: > 0 } names ? names.Select(IndexOf).Where(i => i >= 0).Select(i => Columns[i]).ToArray() : Columns;
        return new ExportTable(chosen.Select(c => c.Header).ToList(), Read(db, Sql(chosen, f, today, neutralize: false), chosen))
        {
            CsvCopy = ct => CopyAsync(db, Sql(chosen, f, today, neutralize: true), ct),
        };
    }

    private static async Task<TextReader> CopyAsync(BarangayDbContext db, string select, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginTextExportAsync($"COPY ({select}) TO STDOUT (FORMAT CSV)", ct);
    }

    private static async IAsyncEnumerable<object?[]> Read(BarangayDbContext db, string select, Column[] columns, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = ((NpgsqlConnection)db.Database.GetDbConnection()).CreateCommand();
        command.CommandText = select;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                if (await reader.IsDBNullAsync(i, ct)) continue;
                row[i] = columns[i].Kind switch
                {
                    Kind.Date => reader.GetFieldValue<DateOnly>(i),
                    Kind.Int => reader.GetInt32(i),
                    _ => reader.GetString(i),
                };
            }
            yield return row;
        }
    }

    /// <summary>
    /// The SELECT, with the filters as literals: COPY takes no parameters. Every value is quoted by <see cref="Literal"/>
    /// (standard-conforming strings: doubling the quote is the whole escape) or formatted from a number or a date.
    /// With <paramref name="neutralize"/>, text a spreadsheet would run as a formula gets a leading apostrophe, as
    /// <c>ExportWriters.Neutralize</c> does for rows written in .NET.
    /// </summary>
    private static string Sql(Column[] columns, ExportFilters f, DateOnly today, bool neutralize)
    {
        var age = AgeSql.Replace("{year}", today.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{monthday}", (today.Month * 100 + today.Day).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var sql = new StringBuilder("SELECT ");
        for (var i = 0; i < columns.Length; i++)
        {
            if (i > 0) sql.Append(", ");
            var expression = columns[i].Sql.Replace("{age}", age, StringComparison.Ordinal);
            sql.Append(neutralize && columns[i].Kind == Kind.Text
                // ascii() of the first character (tab, CR, +, -, =, @): no substring per value, unlike left(x, 1).
                ? $"CASE WHEN ascii({expression}) IN (9, 13, 43, 45, 61, 64) THEN '''' || {expression} ELSE {expression} END"
                : expression);
        }
        sql.Append(" FROM residents r LEFT JOIN households h ON h.id = r.household_id AND h.deleted_at IS NULL WHERE r.deleted_at IS NULL");
        if (f.Purok is { } purok) sql.Append(" AND r.purok = ").Append(Literal(purok));
        if (f.Status is { } status) sql.Append(" AND r.registration_status = ").Append(Literal(status));
        if (f.Sex is { } sex) sql.Append(" AND r.sex = ").Append(Literal(sex));
        // At least MinAge completed years: born on or before today minus MinAge years (and so on for MaxAge).
        if (f.MinAge is { } min) sql.Append(" AND r.dob <= ").Append(Literal(today.AddYears(-min)));
        if (f.MaxAge is { } max) sql.Append(" AND r.dob > ").Append(Literal(today.AddYears(-(max + 1))));
        sql.Append(" ORDER BY r.last_name, r.first_name, r.id");
        return sql.ToString();
    }

    private static string Literal(string value)
    {
        // No purok, status or sex holds these; refusing them keeps the quoting right whatever standard_conforming_strings says.
        if (value.AsSpan().IndexOfAny('\0', '\\') >= 0) throw new ArgumentException("A filter cannot hold a backslash or a NUL character.", nameof(value));
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static string Literal(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
}
