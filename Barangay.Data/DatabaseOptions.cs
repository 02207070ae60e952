namespace Barangay.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string PostgreSql = "PostgreSQL";
    public const string CockroachDb = "CockroachDB";

    /// <summary><c>PostgreSQL</c> (default) or <c>CockroachDB</c>.</summary>
    public string Flavour { get; set; } = PostgreSql;

    /// <summary>The login role the app runs as; <c>migrate</c> grants it everything but UPDATE/DELETE on audit_logs.</summary>
    public string? AppRole { get; set; }

    public bool IsCockroach => string.Equals(Flavour, CockroachDb, StringComparison.OrdinalIgnoreCase);
}
