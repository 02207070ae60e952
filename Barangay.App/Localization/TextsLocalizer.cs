using Barangay.Data.Localization;
using Microsoft.Extensions.Localization;

namespace Barangay.App.Localization;

/// <summary>
/// Every <c>IStringLocalizer&lt;T&gt;</c> in the app reads the one catalogue (<see cref="Texts"/>) in the circuit's
/// language: the English text is the key, so one resource file per language covers all components.
/// </summary>
public sealed class TextsLocalizer<T>(UiLanguage language) : IStringLocalizer<T>
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = Texts.Find(name ?? "", language.Culture);
            return new LocalizedString(name ?? "", value ?? name ?? "", resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = this[name];
            return new LocalizedString(found.Name, Texts.Format(name, language.Culture, arguments), found.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var set = Texts.Resources.GetResourceSet(language.Culture, createIfNotExists: true, tryParents: includeParentCultures);
        if (set is null) yield break;
        foreach (System.Collections.DictionaryEntry e in set)
            if (e.Key is string k && e.Value is string v) yield return new LocalizedString(k, v);
    }
}
