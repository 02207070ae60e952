using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Barangay.Tests.EndToEnd.Filipino;

/// <summary>
/// The screens whose texts the Filipino page walk had translated, kept for people to look at in Filipino on the hall's
/// desk (1366×900) and on a phone (390×844) as filipino-changed-*.png, and checked to fit: Filipino runs longer.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class ChangedPagesInFilipinoTests(EndToEndFixture e2e)
{
    private static readonly (AxeRole Role, string Path, string Name)[] Pages =
    [
        (AxeRole.Resident, "/", "resident-home"),
        (AxeRole.Resident, "/messages", "resident-messages"),
        (AxeRole.Secretary, "/residents/new", "resident-form"),
        (AxeRole.Secretary, "/documents/templates", "templates"),
        (AxeRole.Admin, "/admin/audit", "audit"),
        (AxeRole.Admin, "/admin/settings", "settings"),
    ];

    [Fact]
    public async Task ChangedPages_InFilipino_FitTheDeskAndThePhone()
    {
        var walk = new PageWalk(e2e, _ => { });
        await walk.EnsureConversationAsync();
        foreach (var role in Pages.Select(p => p.Role).Distinct())
        {
            var page = await walk.OpenAsAsync(role, "fil-PH");
            var switched = await PagesInFilipinoTests.ChooseFilipinoAsync(page, role);
            try
            {
                foreach (var (_, path, name) in Pages.Where(p => p.Role == role))
                {
                    await page.GotoAsync(path);
                    foreach (var (screen, size) in new[] { ("desktop", EndToEndFixture.Desktop), ("phone", EndToEndFixture.Phone) })
                    {
                        await page.SetViewportSizeAsync(size.Width, size.Height);
                        await PageWalk.SettleAsync(page, "light", screen);
                        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fil");
                        await Screenshots.SaveAsync(page, $"filipino-changed-{name}-{screen}");
                        (await PageFit.SidewaysAsync(page)).Should().BeLessThanOrEqualTo(0, $"{path} fits the {screen} in Filipino");
                    }
                    await page.SetViewportSizeAsync(EndToEndFixture.Desktop.Width, EndToEndFixture.Desktop.Height);
                }
            }
            finally
            {
                if (switched) await PagesInFilipinoTests.BackToEnglishAsync(page);
                await page.Context.CloseAsync();
            }
        }
    }
}
