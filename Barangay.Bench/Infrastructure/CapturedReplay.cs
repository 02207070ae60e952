using System.Globalization;
using Npgsql;

namespace Barangay.Bench.Infrastructure;

/// <summary>The raw baseline of a queue benchmark: a service's captured count and page commands, replayed on plain Npgsql.</summary>
internal static class CapturedReplay
{
    /// <summary>
    /// The commands in order on one pooled connection: the first gives the total, and the one whose result has
    /// <paramref name="pageColumn"/> (EF names a projection's columns after the record's members, "RequestId",
    /// or the table's, "request_id") is the page, whose ids are returned.
    /// </summary>
    public static async Task<(long Total, List<Guid> Ids)> TotalAndPageAsync(NpgsqlDataSource source, IReadOnlyList<CapturedCommand> commands,
        string pageColumn, string pageColumnSnake, CancellationToken ct)
    {
        long total = 0;
        var ids = new List<Guid>();
        await using var conn = await source.OpenConnectionAsync(ct);
        for (var i = 0; i < commands.Count; i++)
        {
            await using var cmd = commands[i].On(conn);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var idColumn = columns.FindIndex(c => c is "Id" or "id");
            var isPage = columns.Contains(pageColumn) || columns.Contains(pageColumnSnake);
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(ct))
            {
                reader.GetValues(values);
                if (isPage) ids.Add((Guid)values[idColumn]);
                else if (i == 0) total = Convert.ToInt64(values[0], CultureInfo.InvariantCulture);
            }
        }
        return (total, ids);
    }
}
