namespace Barangay.App.Components.Shared;

/// <summary>
/// Reading a page's query string. Pages take every <c>[SupplyParameterFromQuery]</c> as a string and read it here:
/// Blazor binds a typed one (bool, Guid, int) by throwing on a value that does not parse, so a mistyped or
/// tampered link (<c>?overdue=abc</c>, <c>?resident=not-a-guid</c>) showed "Something went wrong" instead of the page.
/// Here a value that does not parse is as if it were absent: the filter is ignored, the page still opens.
/// </summary>
public static class QueryValue
{
    /// <summary><c>true</c>/<c>1</c>/<c>on</c>/<c>yes</c> (any case) is set; anything else, or nothing, is not.</summary>
    public static bool Flag(string? value) =>
        value?.Trim().ToLowerInvariant() is "true" or "1" or "on" or "yes";

    public static Guid? Id(string? value) => Guid.TryParse(value?.Trim(), out var id) ? id : null;

    public static int? Number(string? value) =>
        int.TryParse(value?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
