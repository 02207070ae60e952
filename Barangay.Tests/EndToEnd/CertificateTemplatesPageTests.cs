using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// The certificate wording page (issue 22, item 3) in Chromium on a desktop (1366×900) and a phone (390×844): the
/// secretary sees the wording, the merge fields and the preview, and an unknown field is named as she types. Nothing is
/// saved (the shared database keeps its wording); the screenshots are kept to be looked at.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class CertificateTemplatesPageTests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Open_Secretary_WordingFieldsAndPreviewFitTheScreen_UnknownFieldNamed(string device)
    {
        var viewport = device == "phone" ? EndToEndFixture.Phone : EndToEndFixture.Desktop;
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, viewport);
        try
        {
            await page.GotoAsync("/documents/templates");
            await EndToEndFixture.WaitInteractiveAsync(page);
            var wording = page.Locator("textarea[data-testid=template-text]");
            // The first read of the wording waits for the database; on a busy shared machine that is more than Playwright's 5 s.
            await Expect(wording).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\\{name\\}"), new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("template-preview-body")).ToContainTextAsync("JUAN P. DELA CRUZ");
            await Screenshots.SaveAsync(page, $"certificate-templates-{device}");
            // Nothing sticks out of the screen sideways (a phone must not scroll horizontally).
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("the page fits the width of the screen");

            await wording.FillAsync("This is to certify that {name}, also known as {nickname}, lives here.");
            await Expect(page.GetByText("{nickname}, which is not a merge field", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Screenshots.SaveAsync(page, $"certificate-templates-unknown-field-{device}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
