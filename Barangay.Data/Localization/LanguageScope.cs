using System.Globalization;

namespace Barangay.Data.Localization;

/// <summary>
/// Runs a job's work in the language of the person it is for (an import's problems for the official who queued it):
/// jobs have no circuit culture, so <see cref="Texts.Say"/> would speak English. Disposing puts the thread's culture back,
/// because pool threads run the next job.
/// </summary>
public sealed class LanguageScope : IDisposable
{
    private readonly (CultureInfo Culture, CultureInfo Ui) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    private LanguageScope(string? code)
    {
        var culture = AppLanguages.Culture(AppLanguages.Match(code) ?? AppLanguages.English);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>The given language (a code as stored: "fil-PH"), English when none or unknown.</summary>
    public static LanguageScope Use(string? code) => new(code);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
}
