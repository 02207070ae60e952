using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Barangay.Data.Residents;

/// <summary>
/// The name dictionary (<c>resident_names</c>) behind typo-tolerant search. Comparing a typed name with every
/// resident's name costs a trigram similarity per resident: ~10,000 of them for a common surname among 100,000
/// residents, 100–200 ms. A barangay has a few hundred to a few thousand distinct names, so the typo is resolved
/// against those words instead (through their own trigram index), and the residents are then found by exact
/// lookups of the words it resolved to.
/// </summary>
public static class ResidentNames
{
    /// <summary>The dictionary words a typed, normalized name is one typo away from.</summary>
    public sealed record Alike(string[] Lasts, string[] Firsts, string[] PairLasts, string[] PairFirsts);

    /// <summary>
    /// One round trip: surnames and first names like the whole search, and the first-name/surname pairs where the
    /// search, split in two, has one half exactly a first name and the other like a surname, or the other way round
    /// ("juandelacrus" → juan + delacruz).
    /// </summary>
    public static async Task<Alike> AlikeAsync(BarangayDbContext db, string search, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT kind, name, NULL FROM resident_names WHERE name % @q
            UNION ALL
            SELECT 'pair', l.name, f.name
            FROM generate_series(2, length(@q) - 2) AS s(i)
            JOIN resident_names f ON f.kind = 'first' AND f.name = left(@q, i)
            JOIN resident_names l ON l.kind = 'last' AND l.name % substr(@q, i + 1)
            UNION ALL
            SELECT 'pair', l.name, f.name
            FROM generate_series(2, length(@q) - 2) AS s(i)
            JOIN resident_names l ON l.kind = 'last' AND l.name = substr(@q, i + 1)
            JOIN resident_names f ON f.kind = 'first' AND f.name % left(@q, i)
            """, conn);
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        cmd.Parameters.Add(new NpgsqlParameter<string>("q", search));
        List<string> lasts = [], firsts = [], pairLasts = [], pairFirsts = [];
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var name = reader.GetString(1);
                switch (reader.GetString(0))
                {
                    case ResidentNameKinds.Last: lasts.Add(name); break;
                    case ResidentNameKinds.First: firsts.Add(name); break;
                    default: pairLasts.Add(name); pairFirsts.Add(reader.GetString(2)); break;
                }
            }
        }
        return new Alike([.. lasts], [.. firsts], [.. pairLasts.Distinct()], [.. pairFirsts.Distinct()]);
    }

    /// <summary>Adds the residents' names to the dictionary (words already there are left as they are).</summary>
    public static async Task RememberAsync(DbConnection connection, DbTransaction? tx, IEnumerable<Resident> residents, CancellationToken ct)
    {
        var list = residents as IReadOnlyCollection<Resident> ?? residents.ToList();
        var firsts = list.Select(r => r.SearchFirst).Where(n => n.Length > 0).Distinct().ToArray();
        var lasts = list.Select(r => r.SearchLast).Where(n => n.Length > 0).Distinct().ToArray();
        if (firsts.Length == 0 && lasts.Length == 0) return;
        await using var cmd = new NpgsqlCommand(RememberSql, (NpgsqlConnection)connection, tx as NpgsqlTransaction);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("f", firsts));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("l", lasts));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private const string RememberSql = """
        INSERT INTO resident_names (kind, name)
        SELECT 'first', n FROM unnest(@f) AS n
        UNION ALL
        SELECT 'last', n FROM unnest(@l) AS n
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Every name in <c>residents</c>, for a register filled by other means than the app (a restore, a script).</summary>
    public const string RebuildSql = """
        INSERT INTO resident_names (kind, name)
        SELECT DISTINCT 'first', search_first FROM residents WHERE search_first <> ''
        UNION
        SELECT DISTINCT 'last', search_last FROM residents WHERE search_last <> ''
        ON CONFLICT DO NOTHING
        """;
}
