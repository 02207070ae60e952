using System.Globalization;
using Barangay.Data.Common;

namespace Barangay.App.Components.Pages.Messaging;

/// <summary>Times in messaging, in Manila time: "3:05 PM" today, "Nov 24, 3:05 PM" otherwise.</summary>
public static class MessageTime
{
    private static CultureInfo Culture => Barangay.Data.Localization.AppLanguages.Current;

    public static string Format(DateTime? utc, TimeProvider clock)
    {
        if (utc is not { } at) return "";
        var local = TimeZones.ToManila(at);
        var today = TimeZones.ToManila(clock.GetUtcNow().UtcDateTime).Date;
        return local.Date == today ? local.ToString("h:mm tt", Culture) : local.ToString(local.Year == today.Year ? "MMM d, h:mm tt" : "MMM d, yyyy h:mm tt", Culture);
    }

    public static string Full(DateTime utc) => TimeZones.ToManila(utc).ToString("MMM d, yyyy h:mm tt", Culture);
}
