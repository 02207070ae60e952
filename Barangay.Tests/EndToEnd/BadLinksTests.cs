using System.Net;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// A mistyped or tampered link opens the page with the bad part ignored, never "Something went wrong" (issue 19, item 16).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class BadLinksTests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData("/Identity/Account/ConfirmEmail")]
    [InlineData("/Identity/Account/ConfirmEmail?userId=not-a-guid&code=***")]
    [InlineData("/Identity/Account/ConfirmEmail?userId=6f1c1f38-5b8e-4a43-9c55-0c7f5a0d6f11&code=Zm9v")]
    public async Task ConfirmEmail_WithoutAWorkingLink_SaysSoOnAPage(string path)
    {
        using var http = new HttpProbe(e2e.App.Url);
        using var res = await http.GetAsync(path);

        res.StatusCode.Should().Be(HttpStatusCode.OK);
        (await res.Content.ReadAsStringAsync()).Should().Contain("This confirmation link is incomplete, was already used or has expired");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConfirmEmail_WithoutParameters_ExplainsWhatToDo(bool phone)
    {
        var page = await e2e.NewPageAsync(phone ? EndToEndFixture.Phone : EndToEndFixture.Desktop);
        var response = await page.GotoAsync("/Identity/Account/ConfirmEmail");

        response!.Status.Should().Be(200);
        await Expect(page.GetByTestId("confirm-email-result")).ToContainTextAsync("Open the newest link we emailed you");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Send the confirmation email again" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, phone ? "confirm-email-broken-phone" : "confirm-email-broken-desktop");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Identity/Account/RegisterConfirmation")]
    [InlineData("/Identity/Account/ResetPassword")]
    public async Task StockAccountPages_WithoutTheirParameters_NeverFail(string path)
    {
        using var http = new HttpProbe(e2e.App.Url);
        var hops = 0;
        var res = await http.GetAsync(path);
        while (res.StatusCode == HttpStatusCode.Redirect && hops++ < 5)
        {
            var next = res.Headers.Location!.ToString();
            res.Dispose();
            res = await http.GetAsync(next);
        }
        using (res)
        {
            ((int)res.StatusCode).Should().BeLessThan(500, $"{path} ends on a page, not an error");
            (await res.Content.ReadAsStringAsync()).Should().NotContain("Something went wrong");
        }
    }

    [Fact]
    public async Task HallPages_WithMalformedQueryValues_OpenWithTheFilterIgnored()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        var cases = new (string Url, string TestId)[]
        {
            ("/documents?overdue=abc", "queue-grid"),
            ("/complaints?overdue=abc&mine=perhaps", "complaint-grid"),
            ("/messages/hall?resident=not-a-guid", "hall-summary"),
            ("/messages/new?resident=not-a-guid", "new-title"),
        };
        foreach (var (url, testId) in cases)
        {
            var response = await page.GotoAsync(url);
            response!.Status.Should().Be(200, url);
            await EndToEndFixture.WaitInteractiveAsync(page);
            await Expect(page.GetByTestId(testId)).ToBeVisibleAsync();
            await Expect(page.GetByText("Something went wrong")).ToHaveCountAsync(0);
        }
        await Expect(page.GetByTestId("new-title")).ToHaveTextAsync("Write to the barangay hall");
        await page.Context.CloseAsync();
    }
}
