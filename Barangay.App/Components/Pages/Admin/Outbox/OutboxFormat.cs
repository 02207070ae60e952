using System.Globalization;
using Barangay.Data.Common;

namespace Barangay.App.Components.Pages.Admin.Outbox;

/// <summary>Times on the outbox page, in Manila time.</summary>
internal static class OutboxFormat
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    public static string Manila(DateTime? utc) => utc is { } t ? TimeZones.ToManila(t).ToString("MMM d, yyyy h:mm:ss tt", Ph) : "—";
}
