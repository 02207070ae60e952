namespace Barangay.Data.Common;

/// <summary>
/// The system clock moved by a fixed offset: it runs at real speed from a chosen moment. Only for running the app and
/// the tests "as if" it were another day (see <c>Testing:Now</c>); production always uses <see cref="TimeProvider.System"/>.
/// </summary>
public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>A clock that reads <paramref name="start"/> now and runs on from there.</summary>
    public static ShiftedTimeProvider StartingAt(DateTimeOffset start) => new(start - System.GetUtcNow());
}
