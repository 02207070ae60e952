using System.Globalization;
using Barangay.Data.Accounts.MobileCodes;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Sms;
using Xunit.Abstractions;

namespace Barangay.Tests.Data.Sms;

/// <summary>
/// Issue 26 item 3: "SMS templates fit one 160-character segment where they can", in every language. Each fixed text is
/// rendered as it is sent, with a long barangay name and a real public address: the ones without a link fit one
/// segment; the ones that carry a link (which alone is 60+ characters) fit two. All stay in the GSM 7-bit alphabet, or
/// a segment would hold 70 characters, not 160.
/// </summary>
public class SmsTemplatesFitTests(ITestOutputHelper output)
{
    /// <summary>Longer than most barangay names ("Barangay San Isidro" is the demo's).</summary>
    private const string LongName = "Barangay San Antonio de Padua";

    private static readonly PublicLinks Links = new(new Uri("https://sanantoniodepadua.gov.ph"));
    private const string Reference = "REG-2026-000123";

    public static TheoryData<string> Languages => new(AppLanguages.All);

    private static IEnumerable<(string What, string Text, int MaxSegments)> Rendered(CultureInfo lang)
    {
        foreach (var purpose in new[] { MobileCodePurposes.SignIn, MobileCodePurposes.PasswordReset, MobileCodePurposes.Registration })
        {
            var what = Texts.Format(MobileCodeService.PurposeText(purpose), lang, LongName);
            yield return ($"{purpose} code", Texts.Format(MobileCodeService.CodeText, lang, "482913", what), 1);
        }
        yield return ("password changed", Texts.Format(MobilePasswordReset.ChangedText, lang, LongName), 1);
        yield return ("registration withdrawn", Texts.Format(RegistrationTexts.WithdrawnText, lang, Reference), 1);
        yield return ("username taken", Texts.Get(RegistrationTexts.UserNameTakenText, lang), 1);
        var status = Links.To(RegistrationEmails.StatusPath);
        var signIn = Links.To(RegistrationTexts.SignInPath + "?for=sign-in");
        yield return ("registration received", Texts.Format(RegistrationTexts.ReceivedText, lang, Reference, status), 2);
        yield return ("registration approved", Texts.Format(RegistrationTexts.ApprovedText, lang, Reference, signIn), 2);
        yield return ("registration rejected", Texts.Format(RegistrationTexts.RejectedText, lang, Reference, status), 2);
        yield return ("number has an account", Texts.Format(RegistrationTexts.NumberHasAccountText, lang, signIn), 2);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryFixedText_FitsItsSegments_InTheGsmAlphabet(string language)
    {
        var lang = AppLanguages.Culture(language);
        var over = new List<string>();
        foreach (var (what, text, max) in Rendered(lang))
        {
            var sent = SmsText.Trim(text);
            output.WriteLine($"{language} {what}: {SmsText.GsmLength(sent)} characters, {SmsText.Segments(sent)} segment(s): {sent}");
            sent.Should().Be(text.Trim(), $"the {what} text is sent whole");
            if (!SmsText.IsGsm(sent)) over.Add($"{what}: not GSM 7-bit");
            else if (SmsText.Segments(sent) > max) over.Add($"{what}: {SmsText.GsmLength(sent)} characters, {SmsText.Segments(sent)} segments (at most {max})");
        }
        over.Should().BeEmpty();
    }

    [Fact]
    public void EveryFixedText_HasItsOwnFilipinoWording()
    {
        foreach (var ((what, en, _), (_, fil, _)) in Rendered(AppLanguages.EnglishCulture).Zip(Rendered(AppLanguages.FilipinoCulture)))
            fil.Should().NotBe(en, $"the {what} text must be in Filipino for a Filipino reader");
    }

    [Fact]
    public void TypographicPunctuation_IsSentAsItsGsmLookAlike_SoTheTextStaysInTheCheapAlphabet()
    {
        var sent = SmsText.Trim("Clean-up drive “Linis Purok” – Sat 7–9 AM… bring ₱50 for the ‘merienda’");
        sent.Should().Be("Clean-up drive \"Linis Purok\" - Sat 7-9 AM... bring PHP 50 for the 'merienda'");
        SmsText.IsGsm(sent).Should().BeTrue();
        SmsText.Segments(sent).Should().Be(1);
    }

    [Fact]
    public void ALongGsmText_IsCutToTwoSegments_WithThreeDots()
    {
        var sent = SmsText.Trim(string.Concat(Enumerable.Repeat("Purok 3 water interruption. ", 20)));
        SmsText.GsmLength(sent).Should().Be(SmsText.MaxLength);
        sent.Should().EndWith("...");
        SmsText.Segments(sent).Should().Be(2);
    }

    [Fact]
    public void ExtensionCharacters_CountTwice()
    {
        SmsText.GsmLength("[ok] €5").Should().Be(10);
        SmsText.Segments(new string('€', 81)).Should().Be(2, "81 euro signs are 162 septets");
    }

    [Fact]
    public void ATextWithCharactersOutsideGsm_IsCutToTwoUnicodeSegments_WithoutSplittingAnEmoji()
    {
        // "á" is not in the GSM alphabet (ñ is): the whole text goes as UCS-2, 67 characters a segment when split.
        var text = "Pagdiriwang sa plasá 🎉 " + string.Concat(Enumerable.Repeat("🎉", 80));
        var sent = SmsText.Trim(text);
        sent.Length.Should().BeLessThanOrEqualTo(SmsText.MaxLengthUnicode);
        sent.Should().EndWith("…");
        char.IsHighSurrogate(sent[^2]).Should().BeFalse("an emoji is never cut in half");
        SmsText.Segments(sent).Should().Be(2);
        SmsText.IsGsm("Señora Muñoz").Should().BeTrue("ñ and Ñ are in the GSM alphabet");
    }
}
