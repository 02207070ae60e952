using System.Data.Common;
using Barangay.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Barangay.Bench.Infrastructure;

/// <summary>One SQL command as EF Core sent it: its text and a copy of its parameters (values included).</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters)
{
    /// <summary>The same command on a plain Npgsql connection, with fresh copies of the parameters.</summary>
    public NpgsqlCommand On(NpgsqlConnection connection)
    {
        var cmd = new NpgsqlCommand(Text, connection);
        foreach (var p in Parameters) cmd.Parameters.Add(p.Clone());
        return cmd;
    }
}

/// <summary>
/// A context factory configured as the app's (<see cref="DataServiceCollectionExtensions.Configure"/>) that records
/// every command its contexts run, so a raw baseline can replay exactly the SQL a service issued.
/// Used once per query shape, before timing; the timed service calls go through the app's own factory.
/// </summary>
internal sealed class SqlCapture(string connectionString) : DbCommandInterceptor, IDbContextFactory<BarangayDbContext>
{
    private readonly List<CapturedCommand> _commands = [];

    public IReadOnlyList<CapturedCommand> Commands => _commands;

    public BarangayDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(options, connectionString, new DatabaseOptions()).AddInterceptors(this);
        return new BarangayDbContext(options.Options);
    }

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Add(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
