using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Data.Security;

/// <summary>
/// Encrypts, in place, values of <see cref="EncryptedColumns"/> still stored as plaintext: rows written before a column
/// was encrypted, or by a bulk COPY that bypasses EF. Run by the <c>migrate</c> command after the migrations (a data
/// step in C#, since the keys never enter the database); idempotent, in batches, each row's own UPDATE, which only
/// applies if the row still holds what was read.
/// </summary>
public static class EncryptedColumnsBackfill
{
    private const int Batch = 500;

    /// <summary>Returns how many values were encrypted.</summary>
    public static async Task<int> RunAsync(BarangayDbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        var total = 0;
        foreach (var (table, column, property) in EncryptedColumns.Of(db.Model))
        {
            var t = Quote(table);
            var c = Quote(column);
            var json = string.Equals(property.GetColumnType(), "jsonb", StringComparison.OrdinalIgnoreCase);
            // A whole encrypted value is recognised by its prefix; a JSON column's members have to be looked at.
            var pending = json ? "true" : $"{c} NOT LIKE '{ColumnCipher.Prefix}%'";
            var after = Guid.Empty;
            while (true)
            {
                var rows = new List<(Guid Id, string Value)>();
                await using (var select = new NpgsqlCommand($"SELECT id, {c}::text FROM {t} WHERE {c} IS NOT NULL AND {pending} AND id > @after ORDER BY id LIMIT {Batch}", conn))
                {
                    select.Parameters.AddWithValue("after", after);
                    await using var reader = await select.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct)) rows.Add((reader.GetGuid(0), reader.GetString(1)));
                }
                if (rows.Count == 0) break;
                after = rows[^1].Id;
                total += await EncryptAsync(conn, t, c, json, property, rows, ct);
            }
        }
        return total;
    }

    private static async Task<int> EncryptAsync(NpgsqlConnection conn, string t, string c, bool json, IProperty property, List<(Guid Id, string Value)> rows, CancellationToken ct)
    {
        var converter = property.GetValueConverter() ?? throw new InvalidOperationException($"{property.Name} has no encrypting converter.");
        var type = json ? NpgsqlDbType.Jsonb : NpgsqlDbType.Text;
        var done = 0;
        foreach (var (id, value) in rows)
        {
            var stored = (string)converter.ConvertToProvider(value)!;
            if (stored == value) continue;
            await using var update = new NpgsqlCommand($"UPDATE {t} SET {c} = @v WHERE id = @id AND {c} = @old", conn);
            update.Parameters.Add(new NpgsqlParameter("v", type) { Value = stored });
            update.Parameters.AddWithValue("id", id);
            update.Parameters.Add(new NpgsqlParameter("old", type) { Value = value });
            done += await update.ExecuteNonQueryAsync(ct);
        }
        return done;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
