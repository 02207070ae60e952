using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Barangay.Data.Common;

/// <summary>
/// Human-friendly identifiers such as <c>RES-2026-000123</c>. The number comes from a counter row
/// bumped with one atomic upsert inside the caller's transaction, so a rollback gives the number back
/// (no gaps) and concurrent writers queue on the row lock (no duplicates). Never COUNT(*).
/// </summary>
public static class HumanIds
{
    public const string Resident = "RES";
    public const string Household = "HH";
    public const string Official = "OFF";
    public const string DocumentRequest = "REQ";
    public const string Complaint = "CMP";
    public const string Event = "EVT";
    public const string Announcement = "ANN";
    public const string Export = "EXP";
    public const string Import = "IMP";
    public const string Registration = "REG";

    public const string UpsertSql =
        "INSERT INTO id_counters (prefix, year, last_value) VALUES (@p, @y, 1) " +
        "ON CONFLICT (prefix, year) DO UPDATE SET last_value = id_counters.last_value + 1 " +
        "RETURNING last_value";

    public static string Format(string prefix, int year, long value) => $"{prefix}-{year}-{value:D6}";

    /// <summary>Takes the next ID. Call inside the transaction that inserts the row that uses it.</summary>
    public static async Task<string> NextAsync(BarangayDbContext db, string prefix, int? year = null, CancellationToken ct = default)
    {
        var y = year ?? TimeZones.ManilaToday(db.Clock()).Year;
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = UpsertSql;
        AddParameter(cmd, "p", prefix);
        AddParameter(cmd, "y", y);
        var value = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return Format(prefix, y, value);
    }

    /// <summary>Reserves <paramref name="count"/> consecutive numbers at once (bulk seeding and imports); returns the first.</summary>
    public static async Task<long> ReserveAsync(BarangayDbContext db, string prefix, int year, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText =
            "INSERT INTO id_counters (prefix, year, last_value) VALUES (@p, @y, @n) " +
            "ON CONFLICT (prefix, year) DO UPDATE SET last_value = id_counters.last_value + @n RETURNING last_value";
        AddParameter(cmd, "p", prefix);
        AddParameter(cmd, "y", year);
        AddParameter(cmd, "n", (long)count);
        var last = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return last - count + 1;
    }

    private static void AddParameter(System.Data.Common.DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
