using System.Text.RegularExpressions;
using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 21, item 8: typing a respondent's full name lists the exact namesake first (not the near typos the search adds),
/// each with purok and age to tell namesakes apart, and a case takes more than one respondent.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class KpRespondentPickerTests(EndToEndFixture e2e)
{
    // Found on 6 Dec 2026: a search MudAutocomplete started early ("Leon") could return after the full name's and list
    // the near typo "Bagasbas, Leonara" first; the picker now shows the newest search's list whichever returns last
    // (LatestSearch).
    [Fact]
    public async Task OpenDialog_FullNameTyped_ExactNamesakeFirstWithPurokAndAge_TwoRespondentsTaken()
    {
        // Two namesakes (one with a middle name) and two near typos, in different puroks and of different ages.
        await using (var services = new TestServices(e2e.Database.AppConnectionString))
        {
            await using var db = await services.DbAsync();
            if (!db.Residents.Any(r => r.LastName == "Bagasbas"))
            {
                db.Residents.AddRange(
                    new Resident { ResidentId = "RES-E2E-KP101", FirstName = "Leonara", LastName = "Bagasbas", Dob = new DateOnly(1970, 1, 5), Sex = "Female", Purok = "purok-1" },
                    new Resident { ResidentId = "RES-E2E-KP102", FirstName = "Leonora", LastName = "Bagasbes", Dob = new DateOnly(1980, 2, 9), Sex = "Female", Purok = "purok-3" },
                    new Resident { ResidentId = "RES-E2E-KP103", FirstName = "Leonora", MiddleName = "Cruz", LastName = "Bagasbas", Dob = new DateOnly(1999, 8, 15), Sex = "Female", Purok = "purok-5" },
                    new Resident { ResidentId = "RES-E2E-KP104", FirstName = "Leonora", LastName = "Bagasbas", Dob = new DateOnly(1961, 3, 1), Sex = "Female", Purok = "purok-2" });
                await db.SaveChangesAsync();
            }
        }
        await using var host = new ComplaintsTestHost(e2e.Database.AppConnectionString, new FakeTimeProvider(TestClock.Now.AddHours(-1)));
        await host.AsJuanAsync();
        var ack = (await host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;

        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync($"/complaints/{ack.Id}");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("kp-mark").ClickAsync();
        var box = EndToEndFixture.Field(page, "kp-respondent");
        var options = page.Locator(".mud-popover-open .mud-list-item");

        foreach (var (size, shot) in new[] { (EndToEndFixture.Desktop, "complaints-desktop-kp-respondent-picker"), (EndToEndFixture.Phone, "complaints-phone-size-kp-respondent-picker") })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await box.FillAsync("");
            await box.PressSequentiallyAsync("Leonora Bagasbas", new() { Delay = 20 });
            // The search also lists other near matches of the register (up to ten): the exact name first, then the namesake
            // with a middle name, then everything else, the near typos included; each with purok and age.
            await Expect(options.Nth(1)).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(options.Nth(0)).ToContainTextAsync("Bagasbas, Leonora");
            await Expect(options.Nth(0)).ToContainTextAsync(new Regex(@"Purok 2 - Ilang-Ilang · \d+ years old · RES-E2E-KP104"));
            await Expect(options.Nth(1)).ToContainTextAsync(new Regex(@"Bagasbas, Leonora Cruz\s*Purok 5 - .* · \d+ years old · RES-E2E-KP103"));
            var listed = await options.AllInnerTextsAsync();
            listed.Skip(2).Should().NotContain(t => t.Contains("RES-E2E-KP104") || t.Contains("RES-E2E-KP103"), "each resident is listed once");
            await Screenshots.SaveAsync(page, shot);
        }
        await page.SetViewportSizeAsync(EndToEndFixture.Desktop.Width, EndToEndFixture.Desktop.Height);
        await options.Nth(0).ClickAsync();
        await Expect(page.GetByTestId("kp-respondent-chip")).ToHaveCountAsync(1);
        await EndToEndFixture.PickAsync(page, box, "Leonora Bagasbas", "Bagasbas, Leonora Cruz");
        await Expect(page.GetByTestId("kp-respondent-chip")).ToHaveCountAsync(2);
        await EndToEndFixture.ChooseAsync(page, "kp-nature", "Civil");
        await Screenshots.SaveAsync(page, "complaints-desktop-kp-two-respondents");
        await page.GetByTestId("kp-open-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("/complaints/kp/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("kp-heading")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Leonora Bagasbas; Leonora C. Bagasbas");
    }
}
