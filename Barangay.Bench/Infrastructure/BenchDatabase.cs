using Barangay.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Barangay.Bench.Infrastructure;

/// <summary>
/// The database under test, reached two ways: the app's own services (<see cref="AddBarangayData"/>'s
/// context factory, as the app registers it) and a plain <see cref="NpgsqlDataSource"/> for raw baselines.
/// Both connect as the application role, with the same connection string.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BenchDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddBarangayData(connectionString, new DatabaseOptions());
        ConnectionString = connectionString;
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Contexts = _services.GetRequiredService<IDbContextFactory<BarangayDbContext>>();
        // The same session settings as the app's connections, so raw SQL is compared like for like.
        Raw = NpgsqlDataSource.Create(SessionSettings.For(connectionString, new DatabaseOptions()));
    }

    /// <summary>The app role's connection string (for a context factory of the bench's own, such as <see cref="SqlCapture"/>).</summary>
    public string ConnectionString { get; }

    /// <summary>How the app gets a context: one short-lived context per operation.</summary>
    public IDbContextFactory<BarangayDbContext> Contexts { get; }

    /// <summary>Plain Npgsql, for the raw baselines.</summary>
    public NpgsqlDataSource Raw { get; }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var cmd = Raw.CreateCommand(sql);
        cmd.Parameters.AddRange(parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var cmd = Raw.CreateCommand(sql);
        cmd.Parameters.AddRange(parameters);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    public async ValueTask DisposeAsync()
    {
        await Raw.DisposeAsync();
        await _services.DisposeAsync();
    }
}
