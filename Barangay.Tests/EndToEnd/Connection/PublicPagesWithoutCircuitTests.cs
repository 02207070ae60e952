using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd.Connection;

/// <summary>
/// Issue 29, item 3: the public pages a first-time visitor meets on a phone need no live connection. Each is read on a
/// 390×844 phone and no WebSocket is ever opened (no Blazor circuit), and its HTML carries no interactive-server marker.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class PublicPagesWithoutCircuitTests(EndToEndFixture e2e)
{
    /// <summary>Each public page and a text it shows once read (the public announcements are on the sign-in page).</summary>
    public static TheoryData<string, string> Pages => new()
    {
        { "/officials", "Ricardo M. Dela Cruz" },
        { "/Identity/Account/Login", "Sign in" },
        { "/Identity/Account/Register", "Register" },
        { "/charter", "Citizen's Charter" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PublicPage_OnAPhone_IsReadWithoutALiveConnection(string path, string text)
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone);
        var sockets = new List<string>();
        page.WebSocket += (_, ws) => { lock (sockets) sockets.Add(ws.Url); };
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        response!.Ok.Should().BeTrue();
        await Expect(page.GetByText(text).First).ToBeVisibleAsync();
        (await response.TextAsync()).Should().NotContain("\"type\":\"server\"", "no component on a public page asks for a circuit");
        lock (sockets) sockets.Should().BeEmpty("a public page is read with plain HTML and CSS, without a live connection");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OfficialsPage_StaticOnAPhone_LinksToSignInAndSwitchesLanguage()
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await page.GotoAsync("/officials");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Barangay officials");
        await Expect(page.Locator("#app-interactive")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "officials-static-phone");
        await page.SetViewportSizeAsync(EndToEndFixture.Desktop.Width, EndToEndFixture.Desktop.Height);
        await Screenshots.SaveAsync(page, "officials-static-desktop");

        // The language form works without a circuit and comes back to the same page.
        await page.GetByTestId("language-switch").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/officials", StringComparison.Ordinal));
        await Expect(page.GetByTestId("language-switch")).ToHaveTextAsync("English");
        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.GetByTestId("language-switch")).ToHaveTextAsync("Filipino");

        // From the static page into the app: the sign-in link leads to the sign-in form.
        await page.GetByTestId("public-sign-in").ClickAsync();
        await Expect(page.Locator("#Input_UserName")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
