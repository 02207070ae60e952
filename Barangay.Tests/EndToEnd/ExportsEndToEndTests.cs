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
        Enumerable.Range(2, rows).Select(r => sheet.Cells[r, 11].Text).Should().OnlyContain(p => p == "purok-3");

        // The link is the requester's: altered, it is "not found".
        (await page.Context.APIRequest.GetAsync(href! + "0")).Status.Should().Be(404);
        await page.Context.CloseAsync();
    }
}
