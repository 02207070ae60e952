using Barangay.App.Components.Pages.Documents;
using Barangay.App.Localization;
using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using LanguageScope = Barangay.Data.Localization.LanguageScope;

namespace Barangay.Tests.App.Components;

/// <summary>
/// Issue 26, seen on the phone review: a request's timeline showed "Paid ₱100.00, OR …" to a Filipino reader, because the
/// history keeps the notes the service wrote in English. The timeline words its fixed notes and titles in her language;
/// what an official typed (a reason) shows as typed.
/// </summary>
public class RequestTimelineInFilipinoTests : ComponentTestBase
{
    private static readonly DateTime At = new(2026, 12, 4, 1, 0, 0, DateTimeKind.Utc);

    private static readonly DocumentStatusEntry[] History =
    [
        new(DocumentRequestStatuses.Submitted, At, null, "Liza R. Manalo", "Walk-in request entered at the hall"),
        new("paid", At, null, "Corazon D. Ibañez", "Paid ₱1,100.00, OR 0052611"),
        new("waived", At, null, "Corazon D. Ibañez", "Fee waived: senior citizen"),
        new("extended", At, null, "Ricardo M. Dela Cruz", "Processing time extended to Fri, Dec 11, 2026 5:00 PM: kulang ang pirma"),
        new("ctc", At, null, "Liza R. Manalo", "CTC No. 12345678, issued January 5, 2026 at Santa Maria, Bulacan"),
        new("refunded", At, null, "Corazon D. Ibañez", "Refunded ₱100.00 (OR 0052611): doble ang bayad"),
        new(DocumentRequestStatuses.Released, At, null, null, "Downloaded by the resident"),
        new(DocumentRequestStatuses.Rejected, At, null, "Liza R. Manalo", "Paid twice by mistake"),
    ];

    public RequestTimelineInFilipinoTests()
    {
        Services.AddScoped<UiLanguage>();
        Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(TextsLocalizer<>));
    }

    private string Timeline(string language)
    {
        using var _ = LanguageScope.Use(language);
        return Render<RequestTimeline>(p => p.Add(x => x.History, History)).Find("[data-testid=request-timeline]").TextContent;
    }

    [Fact]
    public void Timeline_FilipinoReader_FixedNotesAndTitlesInFilipino_TypedReasonAsTyped()
    {
        var text = Timeline(AppLanguages.Filipino);
        text.Should().Contain("Kahilingang personal na idinulog sa barangay hall")
            .And.Contain("Binayaran ang ₱1,100.00, OR 0052611")
            .And.Contain("Hindi na sinisingil ang fee: senior citizen")
            .And.Contain("Pinalawig ang oras ng pagproseso hanggang Biy, Dis 11, 2026 5:00 PM: kulang ang pirma")
            .And.Contain("CTC Blg. 12345678, ibinigay noong Enero 5, 2026 sa Santa Maria, Bulacan")
            .And.Contain("Na-refund ang ₱100.00 (OR 0052611): doble ang bayad")
            .And.Contain("Na-download ng residente")
            .And.Contain("Naitala ang CTC").And.Contain("Na-refund ang fee")
            .And.Contain("Paid twice by mistake", "what an official typed shows as typed");
        text.Should().NotContain("Paid ₱").And.NotContain("Fee waived").And.NotContain("Walk-in").And.NotContain("extended to")
            .And.NotContain("issued January").And.NotContain("Downloaded").And.NotContain("ctc");
    }

    [Fact]
    public void Timeline_EnglishReader_ReadsTheNotesAsStored()
    {
        var text = Timeline(AppLanguages.English);
        foreach (var entry in History) text.Should().Contain(entry.Note);
        text.Should().Contain("CTC recorded").And.Contain("Fee refunded").And.Contain("Processing time extended");
    }
}
