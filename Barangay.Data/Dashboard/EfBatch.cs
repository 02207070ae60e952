using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Dashboard;

/// <summary>
/// A LINQ query as a statement of an <see cref="NpgsqlBatch"/>: EF renders the query (a feature's own visibility filter)
/// and the statement aggregates over it, so a home card counts exactly the rows its list would show and still costs no
/// extra round trip.
/// </summary>
internal static class EfBatch
{
    /// <param name="query">the rows, projected to the columns <paramref name="source"/> names</param>
    /// <param name="source">a FROM item with <c>{0}</c> where the query's SQL goes, e.g. <c>({0}) AS v(id)</c></param>
    /// <param name="statement">the statement over that FROM item</param>
    public static NpgsqlBatchCommand Wrap<T>(IQueryable<T> query, string source, Func<string, string> statement)
    {
        using var command = query.CreateDbCommand();
        var wrapped = new NpgsqlBatchCommand(statement(string.Format(System.Globalization.CultureInfo.InvariantCulture, source, command.CommandText)));
        foreach (NpgsqlParameter p in command.Parameters) wrapped.Parameters.Add(p.Clone());
        return wrapped;
    }
}
