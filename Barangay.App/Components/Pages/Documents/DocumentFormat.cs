using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Documents;
using MudBlazor;

namespace Barangay.App.Components.Pages.Documents;

/// <summary>How requests are shown: Manila dates, pesos, a colour per status.</summary>
public static class DocumentFormat
{
    private static CultureInfo Ph => Barangay.Data.Localization.AppLanguages.Current;

    public static string When(DateTime utc) => TimeZones.ToManila(utc).ToString("MMM d, yyyy h:mm tt", Ph);

    public static string Day(DateTime utc) => TimeZones.ToManila(utc).ToString("ddd, MMM d", Ph);

    public static string Peso(decimal amount) => amount <= 0 ? Barangay.Data.Localization.Texts.Get("Free", Ph) : "₱" + amount.ToString("N2", Ph);

    public static Color StatusColor(string status) => status switch
    {
        DocumentRequestStatuses.Submitted => Color.Info,
        DocumentRequestStatuses.Reviewed or DocumentRequestStatuses.Processing => Color.Primary,
        DocumentRequestStatuses.Approved or DocumentRequestStatuses.Released => Color.Success,
        DocumentRequestStatuses.Rejected => Color.Error,
        _ => Color.Default,
    };
}
