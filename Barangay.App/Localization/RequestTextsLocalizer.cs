using System.Globalization;
using Barangay.Data.Localization;
using Microsoft.Extensions.Localization;

namespace Barangay.App.Localization;

/// <summary>The catalogue in the request's culture (set by the request localization middleware), for MVC's validation texts.</summary>
public sealed class RequestTextsLocalizer : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = Texts.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, Texts.Format(name, CultureInfo.CurrentUICulture, arguments), this[name].ResourceNotFound);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
