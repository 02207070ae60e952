using Npgsql;

namespace Barangay.Data.Municipality;

/// <summary>
/// Turns a catalogue row's server and database name into connection strings: the server's app-role string (what the
/// app uses) and owner-role string (what migrations and CREATE DATABASE use), with the database swapped in. Servers
/// are configuration (<c>Municipality:Servers:{name}:Default|Owner</c>); the unnamed one is the deployment's own
/// <c>ConnectionStrings:Default|Owner</c>. Pool sizes come with each string (see docs/municipality-rollups.md).
/// </summary>
public sealed class BarangayServers(string defaultApp, string defaultOwner, IReadOnlyDictionary<string, (string App, string Owner)>? named = null,
    string databasePrefix = "brgy_")
{
    /// <summary>A new barangay's database is named this plus its short name (tests use a prefix of their own).</summary>
    public string DatabaseNameFor(string slug) => databasePrefix + slug.Replace('-', '_');

    public string AppConnectionString(string? server, string database) => With(Server(server).App, database);

    public string OwnerConnectionString(string? server, string database) => With(Server(server).Owner, database);

    /// <summary>The owner's connection to the server's maintenance database (for CREATE DATABASE).</summary>
    public string Maintenance(string? server) => With(Server(server).Owner, "postgres");

    public bool Knows(string? server) => server is null || (named?.ContainsKey(server) ?? false);

    private (string App, string Owner) Server(string? server) =>
        server is null ? (defaultApp, defaultOwner)
        : named is not null && named.TryGetValue(server, out var s) ? s
        : throw new InvalidOperationException($"Database server '{server}' is not configured (Municipality:Servers:{server}).");

    private static string With(string cs, string database) => new NpgsqlConnectionStringBuilder(cs) { Database = database }.ConnectionString;
}
