using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// The home's summary cards on a 390×844 phone in Filipino: every word of a card's label stays whole on one line.
/// In capitals with letter spacing, "PINAREHISTRUHAN" (the resident's) and "PAGPAPAREHISTRONG" (the hall's) were split
/// mid-word ("PINAREHISTRUHA / N KO").
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class SummaryCardWordsTests(EndToEndFixture e2e)
{
    /// <summary>Words of the cards' labels whose letters are drawn on more than one line.</summary>
    private const string SplitWords = """
        () => {
            const out = [];
            for (const el of document.querySelectorAll('.summary-label')) {
                const node = el.firstChild;
                if (!node || node.nodeType !== 3) continue;
                const text = node.textContent;
                let from = 0;
                for (const w of text.split(/\s+/).filter(w => w)) {
                    const start = text.indexOf(w, from); from = start + w.length;
                    const r = document.createRange(); r.setStart(node, start); r.setEnd(node, start + w.length);
                    if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) out.push(w);
                }
            }
            return out;
        }
        """;

    [Theory]
    [InlineData("juan", "#resident-home")]
    [InlineData("secretary", "#official-home")]
    public async Task Home_OnPhoneInFilipino_NoCardLabelSplitsAWord(string user, string heading)
    {
        var password = user == DemoAccounts.ResidentUser ? DemoAccounts.ResidentPassword : DemoAccounts.OfficialPassword;
        var page = await e2e.SignInAsync(user, password, EndToEndFixture.Phone, locale: "fil-PH");
        await EndToEndFixture.WaitInteractiveAsync(page);
        // The account's saved language wins over the browser's: switch in the app bar if another test saved English
        // (and only then switch back at the end: an account with no saved language is left without one, so a later test
        // whose browser prefers Filipino still gets Filipino from the browser).
        var switched = await page.Locator("html").GetAttributeAsync("lang") != "fil";
        if (switched) await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fil");
        await Expect(page.Locator(heading)).ToBeVisibleAsync();
        await Expect(page.Locator(".summary-label").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, $"home-cards-phone-fil-{user}");

        (await page.EvaluateAsync<string[]>(SplitWords)).Should().BeEmpty("a card's label keeps each word whole");

        // Leave the demo account as it was found.
        if (switched)
        {
            await page.GetByTestId("language-switch").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }
        await page.Context.CloseAsync();
    }
}
