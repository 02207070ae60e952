namespace Barangay.Tests.EndToEnd.Filipino;

/// <summary>The page walk's two tests of English can fail, and do not fail on Filipino or on what people wrote.</summary>
public class EnglishTextsTests
{
    [Theory]
    [InlineData("Rows per page:")]
    [InlineData("1-10 of 20")]
    [InlineData("Open the conversation to read it.")]
    [InlineData("approved")]
    public void UntranslatedEntry_EnglishCatalogueText_IsFound(string text) =>
        EnglishTexts.UntranslatedEntry(text).Should().NotBeNull();

    [Theory]
    [InlineData("Juan Dela Cruz")]
    [InlineData("Email")]
    [InlineData("Barangay clearance")]
    [InlineData("aprubado")]
    [InlineData("12/05/2026")]
    public void UntranslatedEntry_FilipinoNamesAndWordsKeptAsTheyAre_AreNotEnglish(string text) =>
        EnglishTexts.UntranslatedEntry(text).Should().BeNull();

    [Fact]
    public void UntranslatedEntry_TheFilipinoOfAnEntry_IsNotEnglish()
    {
        var filipino = Barangay.Data.Localization.Texts.Get("Rows per page:", Barangay.Data.Localization.AppLanguages.FilipinoCulture);
        filipino.Should().NotBe("Rows per page:");
        EnglishTexts.UntranslatedEntry(filipino).Should().BeNull();
    }

    [Fact]
    public void LooksEnglish_ProseNotStored_IsEnglish_ProseStored_IsNot()
    {
        const string line = "Please bring your ID to the hall and pay the fee.";
        EnglishTexts.LooksEnglish(line, StoredTexts.Of()).Should().BeTrue();
        EnglishTexts.LooksEnglish(line, StoredTexts.Of("Please bring your ID to the hall and pay the fee.")).Should().BeFalse();
        EnglishTexts.LooksEnglish("Paalala: " + line, StoredTexts.Of(line)).Should().BeFalse("a stored text with a Filipino label is data");
        EnglishTexts.LooksEnglish("Dalhin ang iyong ID sa barangay hall at bayaran ang fee.", StoredTexts.Of()).Should().BeFalse();
        EnglishTexts.LooksEnglish("Juan: " + line[..30] + "…", StoredTexts.Of(line)).Should().BeFalse("a list's preview is the start of a stored text");
        EnglishTexts.LooksEnglish("Juan: Please bring your ID to the office…", StoredTexts.Of(line)).Should().BeTrue("the preview must be the start of the stored text");
    }
}
