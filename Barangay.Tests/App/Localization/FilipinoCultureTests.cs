using System.Globalization;
using Barangay.Data.Localization;

namespace Barangay.Tests.App.Localization;

public class FilipinoCultureTests
{
    private static readonly DateTime Dec4 = new(2026, 12, 4, 18, 0, 0);

    [Fact]
    public void FilipinoCulture_Dates_UseFilipinoMonthAndDayNames()
    {
        var fil = AppLanguages.FilipinoCulture;
        Dec4.ToString("MMMM d, yyyy", fil).Should().Be("Disyembre 4, 2026");
        Dec4.ToString("ddd, MMM d", fil).Should().Be("Biy, Dis 4");
        new DateTime(2026, 6, 1).ToString("MMMM", fil).Should().Be("Hunyo");
    }

    [Fact]
    public void BothCultures_Money_IsInPesos()
    {
        1234.5m.ToString("C", AppLanguages.FilipinoCulture).Should().Contain("₱").And.Contain("1,234.50");
        1234.5m.ToString("C", AppLanguages.EnglishCulture).Should().Contain("₱").And.Contain("1,234.50");
    }

    [Theory]
    [InlineData("fil", AppLanguages.Filipino)]
    [InlineData("fil-PH", AppLanguages.Filipino)]
    [InlineData("tl", AppLanguages.Filipino)]
    [InlineData("en-US", AppLanguages.English)]
    [InlineData("en", AppLanguages.English)]
    [InlineData("ceb", null)]
    [InlineData("", null)]
    public void Match_BrowserTags_MapToOurLanguages(string tag, string? expected) =>
        AppLanguages.Match(tag).Should().Be(expected);

    [Fact]
    public void Texts_Format_FillsArgumentsInTheReadersLanguage()
    {
        Texts.Format("Due by {0}", AppLanguages.FilipinoCulture, Dec4.ToString("MMMM d", AppLanguages.FilipinoCulture))
            .Should().Be("Dapat matapos bago ang Disyembre 4");
        Texts.Format("Due by {0}", AppLanguages.EnglishCulture, "Dec 4").Should().Be("Due by Dec 4");
        Texts.Get("A text nobody translated", AppLanguages.FilipinoCulture).Should().Be("A text nobody translated");
    }

    [Fact]
    public void Texts_AnEntryUnderAnotherCase_TakesTheKeysCase()
    {
        // "Active" and "active" compile to one entry ("aktibo"); "Resident" has only its capitalised one.
        Texts.Get("Active", AppLanguages.FilipinoCulture).Should().Be("Aktibo", "a title-case label");
        Texts.Get("active", AppLanguages.FilipinoCulture).Should().Be("aktibo", "a status word inside a sentence");
        Texts.Get("resident", AppLanguages.FilipinoCulture).Should().Be("residente");
        Texts.Get("Resident", AppLanguages.FilipinoCulture).Should().Be("Residente");
    }
}
