using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Barangay.Data.Tenancy;

/// <summary>
/// Whether an exception means the database could not be reached at all (the server is down, refuses connections,
/// is shutting down, or the database is gone), as opposed to a query or a rule that failed: the first is a barangay's
/// outage, which its pages say in plain words (503), the second a bug (500). EF Core and Npgsql wrap the cause, so the
/// whole chain is looked at.
/// </summary>
public static class DatabaseUnreachable
{
    /// <summary>admin_shutdown, crash_shutdown, cannot_connect_now, invalid_catalog_name (the database does not exist).</summary>
    private static readonly HashSet<string> Codes = ["57P01", "57P02", "57P03", "3D000"];

    /// <summary>
    /// Unreachable, and not a blip that background work should wait out elsewhere: the failover retry budget was spent on it
    /// (EF's <see cref="RetryLimitExceededException"/>), or the database does not exist (3D000). A connection opened outside
    /// the retry strategy that fails once during a failover is neither, so a poller's tick then does not mark the barangay
    /// down and its pages still wait for the new leader.
    /// </summary>
    public static bool IsLasting(Exception? e)
    {
        if (!Is(e)) return false;
        for (var depth = 0; e is not null && depth < 16; depth++, e = e.InnerException)
        {
            if (e is RetryLimitExceededException or PostgresException { SqlState: "3D000" }) return true;
            if (e is AggregateException a && a.InnerExceptions.Any(IsLasting)) return true;
        }
        return false;
    }

    public static bool Is(Exception? e)
    {
        for (var depth = 0; e is not null && depth < 16; depth++, e = e.InnerException)
        {
            switch (e)
            {
                case AggregateException a when a.InnerExceptions.Any(Is):
                    return true;
                case PostgresException p:
                    return Codes.Contains(p.SqlState);
                case NpgsqlException n when n.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case NpgsqlException n when n.Message.StartsWith("Failed to connect", StringComparison.Ordinal):
                    return true;
            }
        }
        return false;
    }
}
