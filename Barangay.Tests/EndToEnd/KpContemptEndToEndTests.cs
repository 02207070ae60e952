using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Contempt for refusing to appear (KP Rules, Rule VI), as the Lupon secretary does it: on a case dismissed for the
/// complainant's unjustified failure to appear (set up through the service a week earlier, since the browser cannot
/// move the app's clock), she records the application filed with the court, prints the certification of the record, and
/// records the court's ruling.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class KpContemptEndToEndTests(EndToEndFixture e2e)
{
    private const string Court = "Municipal Trial Court of Santa Maria";

    /// <summary>A walk-in complaint between two residents without accounts, taken up, summoned, and dismissed on the complainant's failure to appear, 8 days ago.</summary>
    private async Task<Guid> DismissedCaseAsync()
    {
        var clock = new FakeTimeProvider(TestClock.Now.AddDays(-10));
        await using var host = new ComplaintsTestHost(e2e.Database.AppConnectionString, clock);
        var kp = await host.SummonedCaseAsync(await host.OtherResidentAsync(4), walkInFor: await host.OtherResidentAsync(3));
        clock.Advance(TimeSpan.FromHours(2));
        await host.AsSecretaryAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var recorded = await host.Kp.RecordAbsenceAsync(kp.Id, KpParties.Complainant, now.AddMinutes(-30), now.AddDays(2), kp.Version);
        recorded.Ok.Should().BeTrue(recorded.Message);
        clock.Advance(TimeSpan.FromDays(2));
        await host.AsKapitanAsync();
        var found = await host.Kp.FindAbsenceAsync(kp.Id, false, "Did not come to explain.", recorded.Value!.Version);
        found.Value!.Stage.Should().Be(KpStages.Dismissed);
        return kp.Id;
    }

    [Fact]
    public async Task Secretary_RecordsTheContemptApplication_PrintsTheCertification_DesktopAndPhone()
    {
        var caseId = await DismissedCaseAsync();
        var secretary = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await secretary.GotoAsync($"/complaints/kp/{caseId}");
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        await Expect(secretary.GetByTestId("kp-stage")).ToContainTextAsync("Dismissed", new() { Timeout = 15_000 });

        await secretary.GetByTestId("kp-record-contempt").ClickAsync();
        await Expect(secretary.GetByTestId("kp-contempt-dialog")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(secretary.GetByTestId("kp-contempt-dialog")).ToContainTextAsync("The complainant, hearing of");
        await secretary.GetByTestId("kp-contempt-court").Locator("xpath=descendant-or-self::input").First.FillAsync(Court);
        await Screenshots.SaveAsync(secretary, "kp-desktop-contempt-dialog");
        await secretary.GetByTestId("kp-contempt-submit").ClickAsync();

        await Expect(secretary.GetByTestId("kp-contempt")).ToContainTextAsync($"Application for indirect contempt filed", new() { Timeout = 15_000 });
        await Expect(secretary.GetByTestId("kp-contempt")).ToContainTextAsync($"with the {Court} by the Punong Barangay (Lupon chairman)");
        await Expect(secretary.GetByTestId("kp-print-contempt-certification")).ToContainTextAsync("Certification of Refusal to Appear");
        await Expect(secretary.GetByTestId("kp-record-contempt")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(secretary, "kp-desktop-contempt-recorded");

        // The court granted it: the secretary records the ruling (the court it was filed with is offered; today's date).
        await secretary.GetByTestId("kp-record-ruling").ClickAsync();
        await Expect(secretary.GetByTestId("kp-ruling-dialog")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(secretary.GetByTestId("kp-ruling-court").Locator("xpath=descendant-or-self::input").First).ToHaveValueAsync(Court);
        await Screenshots.SaveAsync(secretary, "kp-desktop-contempt-ruling-dialog");
        await secretary.GetByTestId("kp-ruling-submit").ClickAsync();
        await Expect(secretary.GetByTestId("kp-contempt-ruling")).ToContainTextAsync($"The court's ruling: granted by the {Court}", new() { Timeout = 15_000 });
        await Expect(secretary.GetByTestId("kp-step-contempt-1")).ToContainTextAsync("granted by the court");
        await Expect(secretary.GetByTestId("kp-record-ruling")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(secretary, "kp-desktop-contempt-ruled");
        var (text, pages) = await KpCaseBookHelpers.PrintAsync(secretary, caseId.ToString(), "contempt-certification", "contempt");
        pages.Should().Be(1);
        text.Should().Contain("CERTIFICATIONOFREFUSALTOAPPEAR").And.Contain("(complainant),afterduenotice,failedtoappearatthemediationhearing")
            .And.Contain(KpCaseBookHelpers.Squeeze($"by the Punong Barangay (Lupon chairman) with the {Court}")).And.Contain("LuponSecretary");

        var phone = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Phone);
        await phone.GotoAsync($"/complaints/kp/{caseId}");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("kp-contempt")).ToContainTextAsync(Court, new() { Timeout = 15_000 });
        await Expect(phone.GetByTestId("kp-contempt-ruling")).ToContainTextAsync("granted");
        await Screenshots.SaveAsync(phone, "kp-phone-contempt-recorded");
    }
}
