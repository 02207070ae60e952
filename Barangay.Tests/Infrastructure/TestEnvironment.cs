using Npgsql;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// What ./test.sh tells the tests: the private cluster's superuser connection, the app and owner roles,
/// and the names of the migrated template databases to clone.
/// </summary>
public static class TestEnvironment
{
    public static string Super => Required("ConnectionStrings__Super");
    public static string AppTemplate => Environment.GetEnvironmentVariable("BARANGAY_TEST_TEMPLATE") ?? "barangay_test_template";
    public static string DemoTemplate => Environment.GetEnvironmentVariable("BARANGAY_TEST_DEMO_TEMPLATE") ?? "barangay_test_demo";
    public static string AppRole => Environment.GetEnvironmentVariable("Database__AppRole") ?? "barangay_app";

    /// <summary>A connection string for <paramref name="database"/> as the login in <paramref name="template"/> (Default or Owner).</summary>
    public static string For(string database, string template)
    {
        var b = new NpgsqlConnectionStringBuilder(Required($"ConnectionStrings__{template}")) { Database = database };
        return b.ConnectionString;
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set: run the tests with ./test.sh, which starts the private PostgreSQL cluster.");
}
