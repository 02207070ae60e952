namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>One floating-label text box of the registration form.</summary>
public sealed record RegisterField(string Name, string Label, string? Value, string Css, string? Error, string AutoComplete, string Type = "text", string? InputMode = null)
{
    public string Id => Name.Replace('.', '_');
}
