using System.Globalization;
using Barangay.Data.Localization;

namespace Barangay.App.Localization;

/// <summary>
/// The language of one circuit or request. It starts as the culture the request localization middleware chose
/// and changes in place when the person switches, so the circuit keeps the choice for every later event and
/// render (Blazor resets <see cref="CultureInfo.CurrentUICulture"/> to the connection's culture between events).
/// </summary>
public sealed class UiLanguage
{
    private CultureInfo _culture = AppLanguages.Culture(AppLanguages.CodeOf(CultureInfo.CurrentUICulture));

    public CultureInfo Culture => _culture;
    public string Code => AppLanguages.CodeOf(_culture);
    public bool IsFilipino => Code == AppLanguages.Filipino;

    /// <summary>Raised after <see cref="Set"/> changed the language; the language scope re-renders the page.</summary>
    public event Action? Changed;

    public void Set(string code)
    {
        var culture = AppLanguages.Culture(AppLanguages.Match(code) ?? AppLanguages.English);
        if (culture.Name == _culture.Name) return;
        _culture = culture;
        Apply();
        Changed?.Invoke();
    }

    /// <summary>Makes the current flow format dates, numbers and money in this language.</summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _culture;
    }
}
