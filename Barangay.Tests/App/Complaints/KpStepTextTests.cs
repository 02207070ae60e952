using Barangay.App.Components.Pages.Complaints;
using Barangay.App.Localization;
using Barangay.Data.Localization;

namespace Barangay.Tests.App.Complaints;

/// <summary>
/// The case page's record of acts names each step in the reader's language. "extension" (the Pangkat's 15 days
/// extended once, LGC sec. 410(e)) looked up the catalogue's "Extension", the resident form's name suffix label
/// ("Extension (Jr., Sr., III)"), since the lowercase entry was a case-only duplicate the build ignored.
/// </summary>
public class KpStepTextTests
{
    private static TextsLocalizer<KpStepTextTests> In(string code)
    {
        var language = new UiLanguage();
        language.Set(code);
        return new TextsLocalizer<KpStepTextTests>(language);
    }

    [Fact]
    public void Extension_IsThePangkatsTimeExtended_NotTheNameSuffix()
    {
        KpText.Step(In(AppLanguages.English), "extension").Should().Be("Pangkat's time extended");
        KpText.Step(In(AppLanguages.Filipino), "extension").Should().Be("pinalawig ang panahon ng Pangkat");
    }

    [Fact]
    public void OtherSteps_AreTheirWords_InTheReadersLanguage()
    {
        KpText.Step(In(AppLanguages.Filipino), "mediation_failed").Should().Be("nabigo ang pamamagitan");
        KpText.Step(In(AppLanguages.Filipino), "witness_summoned").Should().Be("pinatawag ang saksi");
        KpText.Step(In(AppLanguages.English), "mediation_failed").Should().Be("mediation failed");
    }
}
