using Npgsql;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test class, cloned from a migrated template (CREATE DATABASE … TEMPLATE),
/// so classes run in parallel and leave nothing behind.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    // CREATE DATABASE … TEMPLATE fails while another clone of the same template is being made.
    internal static readonly SemaphoreSlim CloneLock = new(1, 1);

    protected virtual string Template => TestEnvironment.AppTemplate;

    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>As the application role (no UPDATE/DELETE on audit_logs).</summary>
    public string AppConnectionString => TestEnvironment.For(Name, "Default");

    /// <summary>As the owner role that runs migrations.</summary>
    public string OwnerConnectionString => TestEnvironment.For(Name, "Owner");

    public virtual async Task InitializeAsync()
    {
        await CloneLock.WaitAsync();
        try
        {
            await using var conn = new NpgsqlConnection(TestEnvironment.Super);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {Name} TEMPLATE {Template} OWNER barangay_owner", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally
        {
            CloneLock.Release();
        }
    }

    public virtual async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(TestEnvironment.Super);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A clone of the template that already holds the demo barangay (seeded once by ./test.sh).</summary>
public class DemoDatabase : TestDatabase
{
    protected override string Template => TestEnvironment.DemoTemplate;
}
