using Microsoft.Extensions.Time.Testing;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// The moment the suite runs "at". Unset, it is the moment the test process started; <c>BARANGAY_TEST_NOW=2026-12-04T18:00:00+08:00 ./test.sh</c>
/// runs every test that takes its clock from here as if it were then (a Friday after hours, say), so a test that would
/// fail on some day of the week fails on every run that names that day.
/// </summary>
public static class TestClock
{
    public static DateTimeOffset Now { get; } = Parse(Environment.GetEnvironmentVariable("BARANGAY_TEST_NOW")) ?? DateTimeOffset.UtcNow;

    /// <summary>A clock stopped at <see cref="Now"/>; a test moves it with <c>Advance</c>.</summary>
    public static FakeTimeProvider Frozen() => new(Now);

    /// <summary>
    /// A clock that starts at <see cref="Now"/> and runs at real speed (timeouts, lockout windows and pollers still see
    /// time pass). The default clock of <see cref="TestServices"/> and of the app an end-to-end test starts.
    /// </summary>
    public static TimeProvider Running() => Offset == TimeSpan.Zero ? TimeProvider.System : new Barangay.Data.Common.ShiftedTimeProvider(Offset);

    /// <summary>How far <see cref="Now"/> is from the real clock when the suite started: zero unless BARANGAY_TEST_NOW is set.</summary>
    public static TimeSpan Offset { get; } = Environment.GetEnvironmentVariable("BARANGAY_TEST_NOW") is { Length: > 0 } ? Now - DateTimeOffset.UtcNow : TimeSpan.Zero;

    /// <summary>"Now" on the running suite clock, as the UTC <see cref="DateTime"/> the entities store.</summary>
    public static DateTime UtcNow => Running().GetUtcNow().UtcDateTime;

    /// <summary>Today in Manila on the running suite clock.</summary>
    public static DateOnly ManilaToday => Barangay.Data.Common.TimeZones.ManilaToday(Running());

    /// <summary>True when BARANGAY_TEST_NOW moves the suite's clock.</summary>
    public static bool IsShifted => Offset != TimeSpan.Zero;

    /// <summary>A clock stopped at a Manila wall-clock moment, such as "2026-12-04 18:00".</summary>
    public static FakeTimeProvider AtManila(string local) =>
        new(new DateTimeOffset(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)));

    private static DateTimeOffset? Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new InvalidOperationException($"BARANGAY_TEST_NOW is not a date and time: '{value}' (use ISO 8601, e.g. 2026-12-04T18:00:00+08:00).");
}
