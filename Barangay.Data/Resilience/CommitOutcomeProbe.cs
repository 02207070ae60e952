using System.Diagnostics;
using Npgsql;

namespace Barangay.Data.Resilience;

/// <summary>Asks the leader, over a new connection, whether a transaction committed; see <see cref="CommitOutcomeInterceptor"/>.</summary>
public static class CommitOutcomeProbe
{
    public static async Task<CommitOutcome> AskAsync(NpgsqlConnection broken, (ulong Xid, DateTime At) mark, TimeSpan ownCommitWindow, TimeSpan budget, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < budget)
        {
            try
            {
                // A clone keeps the password (the connection string alone no longer has it once opened).
                await using var probe = broken.CloneWith(broken.ConnectionString);
                await probe.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand(
                    "SELECT pg_is_in_recovery(), pg_xact_status(@xid::text::xid8), " +
                    "CASE WHEN current_setting('track_commit_timestamp')::bool AND pg_xact_status(@xid::text::xid8) = 'committed' " +
                    "THEN pg_xact_commit_timestamp(@xid::text::xid8::xid) END", probe);
                cmd.Parameters.AddWithValue("xid", mark.Xid.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                if (!reader.GetBoolean(0))
                {
                    var status = reader.IsDBNull(1) ? null : reader.GetString(1);
                    if (status != "committed") return status is "aborted" or null ? CommitOutcome.NotCommitted : CommitOutcome.Unknown;
                    // Without commit timestamps a reused id cannot be told from ours: say so rather than guess.
                    if (reader.IsDBNull(2)) return CommitOutcome.Unknown;
                    var at = reader.GetDateTime(2);
                    return at >= mark.At.AddSeconds(-1) && at <= mark.At + ownCommitWindow ? CommitOutcome.Committed : CommitOutcome.NotCommitted;
                }
            }
            catch (PostgresException e) when (e.SqlState == "22023")
            {
                return CommitOutcome.NotCommitted; // "transaction ID … is in the future": the new leader never saw it
            }
            catch (Exception e) when (FailoverRetryStrategy.IsRetried(e))
            {
                // The leader is not there yet: ask again shortly.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
        return CommitOutcome.Unknown;
    }
}
