using System.Globalization;
using Barangay.Data.Common;

namespace Barangay.App.Components.Pages.Admin.Outbox;

/// <summary>Times on the outbox page, in Manila time and the reader's culture.</summary>
internal static class OutboxFormat
{
    public static string Manila(DateTime? utc) => utc is { } t ? TimeZones.ToManila(t).ToString("MMM d, yyyy h:mm:ss tt", CultureInfo.CurrentCulture) : "—";
}
