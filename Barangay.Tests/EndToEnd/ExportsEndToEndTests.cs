using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using OfficeOpenXml;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>The secretary exports a purok's residents to Excel from the browser and opens the file.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class ExportsEndToEndTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task Secretary_ExportsAPuroksResidentsToExcel_WatchesItFinishAndDownloadsIt()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GetByRole(AriaRole.Link, new() { Name = "Exports" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/exports$"));
        await EndToEndFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("export-purok").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Purok 3", new() { Exact = false }).First.ClickAsync();
        await page.GetByTestId("export-start").ClickAsync();

        var first = page.GetByTestId("export-row").First;
        await Expect(first.GetByTestId("export-status")).ToHaveTextAsync("ready", new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "exports-desktop");
        var href = await first.GetByTestId("export-download").GetAttributeAsync("href");
        var response = await page.Context.APIRequest.GetAsync(href!);
        response.Status.Should().Be(200);
        using var package = new ExcelPackage(new MemoryStream(await response.BodyAsync()));
        var sheet = package.Workbook.Worksheets["Export"];
        sheet.Cells[1, 2].Text.Should().Be("Last name");
        var rows = sheet.Dimension.End.Row - 1;
        rows.Should().BeGreaterThan(50);
        (await first.GetByTestId("export-count").InnerTextAsync()).Replace(",", "").Should().Be(rows.ToString());
        Enumerable.Range(2, rows).Select(r => sheet.Cells[r, 11].Text).Should().OnlyContain(p => p == "Purok 3 - Rosal");

        // The file is the requester's own: its address carries no signed link, and without their session it gives nothing.
        href.Should().MatchRegex("^/files/[0-9a-f-]{36}$");
        var visitor = await e2e.NewPageAsync(EndToEndFixture.Desktop);
        var anonymous = await visitor.Context.APIRequest.GetAsync(href!, new() { MaxRedirects = 0 });
        anonymous.Status.Should().Be(302, "a visitor holding the address is sent to sign in");
        anonymous.Headers["location"].Should().Contain("/Identity/Account/Login");
        await visitor.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Secretary_ExportsDocumentRequestsToPdf_DownloadsItAndThePageFitsAPhone()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/exports");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("export-dataset").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Document requests", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("export-format").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("PDF (printable table)").ClickAsync();
        await page.GetByTestId("export-start").ClickAsync();

        var first = page.GetByTestId("export-row").First;
        await Expect(first).ToContainTextAsync("Document requests · PDF");
        await Expect(first.GetByTestId("export-status")).ToHaveTextAsync("ready", new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "exports-pdf-desktop");
        var href = await first.GetByTestId("export-download").GetAttributeAsync("href");
        var response = await page.Context.APIRequest.GetAsync(href!);
        response.Status.Should().Be(200);
        response.Headers["content-type"].Should().StartWith("application/pdf");
        var bytes = await response.BodyAsync();
        System.Text.Encoding.Latin1.GetString(bytes, 0, 5).Should().Be("%PDF-");
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "exports-document-requests.pdf"), bytes);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var text = System.Text.RegularExpressions.Regex.Replace(string.Concat(pdf.GetPages().Select(p => p.Text)), @"\s", "");
            text.Should().MatchRegex(@"REQ-\d{4}-\d{6}", "the requests are the table's rows");
            (await first.GetByTestId("export-count").InnerTextAsync()).Should().NotBe("0");
        }
        await page.Context.CloseAsync();

        var phone = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Phone);
        await phone.GotoAsync("/exports");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("export-start")).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        // The list of exports too: each export a card of its own, not a table that scrolls sideways inside the page.
        var download = await phone.GetByTestId("export-download").First.BoundingBoxAsync();
        var listOverflow = await phone.GetByTestId("export-list").EvaluateAsync<bool>(
            "el => [el, ...el.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')");
        await Screenshots.SaveAsync(phone, "exports-phone");
        overflow.Should().BeFalse("the exports page fits a 390-pixel phone without sideways scrolling");
        listOverflow.Should().BeFalse("the exports list fits the phone's width");
        (download!.X + download.Width).Should().BeLessThanOrEqualTo(EndToEndFixture.Phone.Width, "the Download button is on the screen");
        await phone.Context.CloseAsync();
    }
}
