using Barangay.Data.Complaints;
using Barangay.Data.Localization;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// The moments put into the complaint and KP messages ("The summons was already issued on {0}", "… changed it on {0},
/// just before you") are in the reader's language: an English month inside a Filipino sentence was what they printed.
/// </summary>
public class MessageDatesTests
{
    [Fact]
    public void AMomentInAMessage_IsInManilaTime_InTheReadersLanguage()
    {
        var at = new DateTime(2026, 12, 6, 2, 15, 0, DateTimeKind.Utc); // 10:15 in Manila
        using (LanguageScope.Use(AppLanguages.Filipino))
            ComplaintService.Format(at).Should().Be("Dis 6, 2026 10:15 AM");
        using (LanguageScope.Use(AppLanguages.English))
            ComplaintService.Format(at).Should().Be("Dec 6, 2026 10:15 AM");
    }
}
