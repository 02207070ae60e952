using System.Globalization;
using Barangay.Data.Common;

namespace Barangay.App.Components.Pages.Events;

/// <summary>Manila-time formatting shared by the event pages.</summary>
public static class EventFormat
{
    public static CultureInfo PH => Barangay.Data.Localization.AppLanguages.Current;

    public static string When(DateTime startUtc, DateTime endUtc)
    {
        var s = TimeZones.ToManila(startUtc);
        var e = TimeZones.ToManila(endUtc);
        return s.Date == e.Date
            ? $"{s.ToString("ddd d MMM yyyy, h:mm tt", PH)} – {e.ToString("h:mm tt", PH)}"
            : $"{s.ToString("d MMM yyyy h:mm tt", PH)} – {e.ToString("d MMM yyyy h:mm tt", PH)}";
    }

    public static MudBlazor.Color StatusColor(string status) => status switch
    {
        "published" or "registered" => MudBlazor.Color.Success,
        "cancelled" => MudBlazor.Color.Error,
        "waitlisted" => MudBlazor.Color.Warning,
        "attended" => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };
}
