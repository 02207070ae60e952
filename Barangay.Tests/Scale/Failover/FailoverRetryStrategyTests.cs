using Barangay.Data.Resilience;
using Npgsql;

namespace Barangay.Tests.Scale.Failover;

public class FailoverRetryStrategyTests
{
    [Theory]
    [InlineData("40001")] // serialization failure (CockroachDB's retry)
    [InlineData("57P01")] // the leader shutting down
    [InlineData("57P03")] // a replica being promoted
    [InlineData("25006")] // a pooled connection that reaches a demoted node
    [InlineData("08006")] // connection failure
    public void IsRetried_LeaderChangeErrors_AreRetried(string sqlState) =>
        FailoverRetryStrategy.IsRetried(new PostgresException("x", "FATAL", "FATAL", sqlState)).Should().BeTrue();

    [Theory]
    [InlineData("23505")] // unique violation: a bug or a real conflict, never a reason to run again
    [InlineData("42P01")]
    [InlineData("40003")] // CockroachDB: statement completion unknown, may have committed
    public void IsRetried_OtherErrors_AreNot(string sqlState) =>
        FailoverRetryStrategy.IsRetried(new PostgresException("x", "ERROR", "ERROR", sqlState)).Should().BeFalse();

    [Fact]
    public void IsRetried_ACommitWhoseOutcomeIsUnknown_IsNeverRetried() =>
        FailoverRetryStrategy.IsRetried(new CommitOutcomeUnknownException(new NpgsqlException("connection lost", new IOException()))).Should().BeFalse();
}
