namespace Barangay.Tests.Data.Dashboard;

/// <summary>A clock stopped at one instant, so week buckets, ages and deadlines in the fixtures are counted by hand once.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
