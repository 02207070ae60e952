using Barangay.Data.Residents;
using Npgsql;

namespace Barangay.Data;

/// <summary>
/// Session settings every app connection starts with, carried in the connection string's <c>Options</c> (so they
/// survive the pool's reset between uses and cost no round trip).
/// </summary>
public static class SessionSettings
{
    /// <summary>
    /// PostgreSQL only: <c>random_page_cost</c> 1.1 instead of 4, the usual value for SSDs and for data that sits
    /// in memory, as a barangay's register does. With 4 the planner reads the whole <c>residents</c> table to match
    /// a common name (57 ms) rather than a bitmap of the matches from the trigram and name indexes (15 ms), measured
    /// side by side on 100,000 residents. CockroachDB has no such setting (its optimizer costs reads its own way).
    /// </summary>
    public const string RandomPageCost = "1.1";

    public static string For(string connectionString, DatabaseOptions options)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        Add(b, "pg_trgm.similarity_threshold", NameSearch.TypoSimilarity);
        if (!options.IsCockroach) Add(b, "random_page_cost", RandomPageCost);
        return b.ConnectionString;
    }

    private static void Add(NpgsqlConnectionStringBuilder b, string name, string value)
    {
        if (b.Options?.Contains(name, StringComparison.Ordinal) == true) return;
        var setting = $"-c {name}={value}";
        b.Options = string.IsNullOrWhiteSpace(b.Options) ? setting : $"{b.Options} {setting}";
    }
}
