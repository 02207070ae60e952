using Barangay.Data.Complaints;
using Barangay.Data.Localization;

namespace Barangay.Tests.Data.Localization;

/// <summary>A service's validation messages are in the language of the person using the page (the flow's culture), English elsewhere.</summary>
public class ServiceMessagesInReadersLanguageTests
{
    private static Dictionary<string, string> ValidateIn(string language, NewComplaint input)
    {
        using var _ = LanguageScope.Use(language);
        return ComplaintValidator.Validate(input, hallEntry: false);
    }

    [Fact]
    public void ComplaintWithoutSubject_Filipino_SaysSoInFilipino()
    {
        var errors = ValidateIn(AppLanguages.Filipino, new NewComplaint { Category = "noise", Description = new string('x', ComplaintValidator.MaxDescription + 1) });
        errors[nameof(NewComplaint.Subject)].Should().Be("Lagyan ng maikling paksa ang reklamo.");
        errors[nameof(NewComplaint.Description)].Should().Be("5,001 character ang haba ng paglalarawan; hanggang 5,000 lang (maglakip ng file para sa iba pa).");
    }

    [Fact]
    public void ComplaintWithoutSubject_English_KeepsTheEnglish()
    {
        var errors = ValidateIn(AppLanguages.English, new NewComplaint { Category = "noise", Description = new string('x', ComplaintValidator.MaxDescription + 1) });
        errors[nameof(NewComplaint.Subject)].Should().Be("Give the complaint a short subject.");
        errors[nameof(NewComplaint.Description)].Should().Be("The description is 5,001 characters long; keep it to 5,000 (attach a file for more).");
    }
}
