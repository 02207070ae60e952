using System.Diagnostics;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Dashboard;

/// <summary>The real dashboard and report services over a test database, at <see cref="HallFixture.Now"/>.</summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public DashboardHost(string connectionString, DateTime? now = null) =>
        Services = new TestServices(connectionString, s => s.AddSingleton<TimeProvider>(new FixedClock(now ?? HallFixture.Now)));

    public TestServices Services { get; }

    public T Get<T>() where T : notnull => Services.Get<T>();

    public void SignIn(Guid userId, string name, string role, string? position = null) =>
        Services.Caller.Current = TestCaller.As(userId, name, [role], position);

    /// <summary>Runs <paramref name="work"/> and counts the database commands it sent (Npgsql's own activities, one per round trip).</summary>
    public static async Task<(T Result, int RoundTrips)> CountRoundTripsAsync<T>(Func<Task<T>> work)
    {
        using var source = new ActivitySource("Barangay.Tests.RoundTrips");
        using var parent = new ActivityListener { ShouldListenTo = s => s.Name == source.Name, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData };
        ActivitySource.AddActivityListener(parent);
        var trace = default(ActivityTraceId);
        var count = 0;
        using var npgsql = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = a =>
            {
                // Only this test's commands (tests run in parallel): they carry its trace id; opening a physical connection is not a command.
                if (a.TraceId == trace && !a.OperationName.Contains("connect", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref count);
            },
        };
        ActivitySource.AddActivityListener(npgsql);
        using var root = source.StartActivity("round-trips")!;
        trace = root.TraceId;
        var result = await work();
        return (result, count);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
