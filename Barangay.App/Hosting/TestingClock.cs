using Barangay.Data.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.App.Hosting;

/// <summary>
/// <c>Testing:Now</c> (env <c>Testing__Now</c>, ISO 8601) runs the app, the worker and <c>seed-demo</c> on a clock that starts
/// at that moment and runs on at real speed, so the test suite can run "on" a Friday evening or 31 December and the app
/// agrees with it. It is refused unless <c>Testing:AllowShiftedClock</c> is true as well, so a production deployment
/// cannot run on a shifted clock because one stray variable was left set.
/// </summary>
public static class TestingClock
{
    public static void AddTestingClock(IServiceCollection services, IConfiguration config)
    {
        var value = config["Testing:Now"];
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!config.GetValue<bool>("Testing:AllowShiftedClock"))
            throw new InvalidOperationException(
                "Testing:Now is set but Testing:AllowShiftedClock is not true: refusing to run on a shifted clock. Unset Testing:Now (it is only for the test suite).");
        if (!DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var start))
            throw new InvalidOperationException($"Testing:Now is not a date and time: '{value}'.");
        var clock = ShiftedTimeProvider.StartingAt(start);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(clock);
        Console.Error.WriteLine($"WARNING: TESTING CLOCK. This process believes it is {start:O} (shifted {clock.Offset} from the real clock). Never use Testing:Now outside the test suite.");
    }
}
