using System.Globalization;
using Barangay.App.Components.Pages.Complaints;
using Barangay.App.Localization;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Localization;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Complaints;

/// <summary>
/// The KP case page in Filipino (issue 26): a Lupon secretary who reads Filipino sees the case, its steps and deadlines,
/// its actions, its forms, a witness's refusal and the case book's refusals in Filipino, over the real case book service and database.
/// </summary>
public sealed class KpCasePageInFilipinoTests(DemoDatabase database)
    : KpPageTestBase(database, TestClock.AtManila("2026-12-04 09:00")), IClassFixture<DemoDatabase>
{
    private KpCaseDetail _case = null!;

    public override async Task InitializeAsync()
    {
        // Friday 4 December 2026, 9:00 in Manila: a noise complaint taken up, summons issued, first hearing, a witness summoned.
        var kp = await Host.SummonedCaseAsync(await Host.OtherResidentAsync(), language: KpLanguages.Filipino, nature: KpNatures.Civil);
        await Host.AsSecretaryAsync();
        kp = (await Host.Kp.RecordHearingAsync(kp.Id, new KpHearingInput(Clock.GetUtcNow().UtcDateTime, ["Juan Dela Cruz"], "Hindi nagkasundo."), kp.Version)).Value!;
        kp = (await Host.Kp.SummonWitnessAsync(kp.Id, "Rosa Mendoza", null, Clock.GetUtcNow().UtcDateTime.AddHours(2), kp.Version)).Value!;
        Clock.Advance(TimeSpan.FromHours(3));
        _case = (await Host.Kp.RecordWitnessFailureAsync(kp.Id, 0, KpWitnessFailures.Refused, "Sinabi sa tanod na hindi siya pupunta.", kp.Version)).Value!;
    }

    [Fact]
    public async Task CasePage_FilipinoReader_SeesTheCaseStepsActionsFormsAndWitnessInFilipino()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // In the test's own flow, as the circuit sets it: the page's texts and the service's step labels.
            var language = new UiLanguage();
            language.Set(AppLanguages.Filipino);
            language.Apply();
            Services.AddSingleton(language);
            Render<MudPopoverProvider>();

            var page = Render<Barangay.App.Components.Pages.Complaints.KpCasePage>(p => p.Add(x => x.Id, _case.Id));

            page.WaitForAssertion(() => page.Find("[data-testid=kp-heading]").TextContent.Should().Be($"Usaping Barangay Blg. {_case.CaseNo}"));
            page.Find("[data-testid=kp-stage]").TextContent.Should().Contain("Pamamagitan (Punong Barangay)");
            page.Find("[data-testid=kp-language]").TextContent.Should().Be("Nakalimbag sa Filipino ang mga pormularyo (sek. 411)");
            page.Find("[data-testid=kp-witness]").TextContent.Should().Contain("Pinatawag ang saksing si Rosa Mendoza (Pormularyo ng KP Blg. 13) sa pagdinig noong")
                .And.Contain("tumangging humarap");
            page.Find("[data-testid=kp-step-summons]").TextContent.Should().Contain("Nailabas ang patawag (bago matapos ang susunod na araw ng trabaho, sek. 410(b))")
                .And.Contain("Natapos noong");
            page.Find("[data-testid=kp-step-mediation]").TextContent.Should().Contain("Pamamagitan ng Punong Barangay (15 araw mula sa unang pagdinig, sek. 410(b))");
            page.Find("[data-testid=kp-print-summons]").TextContent.Should().Be("Pormularyo ng KP Blg. 9 · Patawag (PDF)");
            page.Find("[data-testid=kp-summon-witness]").TextContent.Should().Be("Magpatawag ng saksi");
            page.Find("[data-testid=kp-record-contempt]").TextContent.Should().Be("Naisampa sa hukuman ang aplikasyon para sa paglapastangan");
            page.Markup.Should().Contain("Mga hakbang at takdang araw").And.Contain("Mga pagdinig").And.Contain("Uri ng alitan").And.Contain("Ginawa at nilagdaan ni")
                .And.Contain("Kalihim ng Lupon").And.NotContain("Steps and deadlines");

            // The case book's refusals come out in the reader's language too (Texts.Say on the reader's culture).
            (await Host.Kp.SummonWitnessAsync(_case.Id, " ", null, _case.Witnesses[0].HearingAt, _case.Version)).Message.Should().Be("Isulat ang pangalan ng saksi.");
            (await Host.Kp.IssueSummonsAsync(_case.Id, _case.Version, Clock.GetUtcNow().UtcDateTime.AddDays(1))).Message.Should()
                .Be("Tanging ang Punong Barangay (Pangulo ng Lupon) ang maaaring maglabas ng patawag (sek. 410(b)).");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
