using Barangay.Data.Documents;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 22, in Chromium on a desktop (1366×900) and a phone (390×844): the Punong Barangay opens a Barangay Clearance
/// (an ID-like type that prints the holder's photo) for a resident with no photo on record; before approving, the page
/// says so and what to do, and the button says "Approve without photo"; approving is allowed, and the page then reminds
/// the window to paste a photo in. The service rule and the audit row are proven in <see cref="CertificatePhotoTests"/>.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class HolderPhotoWarningTests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Approve_ClearanceForAResidentWithoutPhoto_WarnedFirst_ThenApprovedWithAReminder(string device)
    {
        var id = await ReadyToApproveAsync();
        var page = await e2e.SignInAsync(DemoAccounts.KapitanUser, DemoAccounts.KapitanPassword, device == "phone" ? EndToEndFixture.Phone : EndToEndFixture.Desktop);
        try
        {
            await page.GotoAsync($"/documents/{id}");
            await EndToEndFixture.WaitInteractiveAsync(page);
            var warning = page.GetByTestId("holder-photo-warning");
            await Expect(warning).ToContainTextAsync("No photo of the holder on record", new() { Timeout = 15_000 });
            await Expect(warning).ToContainTextAsync("prints with an empty photo box");
            await Expect(page.GetByTestId("holder-photo-add")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("action-approve")).ToContainTextAsync("Approve without photo");
            await Screenshots.SaveAsync(page, $"approval-no-photo-{device}");
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("the page fits the width of the screen");

            await page.GetByTestId("action-approve").ClickAsync();
            await Expect(page.GetByTestId("status-chip").First).ToHaveTextAsync("approved", new() { Timeout = 15_000 });
            await Expect(warning).ToContainTextAsync("Approved without the holder's photo", new() { Timeout = 15_000 });
            await Screenshots.SaveAsync(page, $"approval-no-photo-approved-{device}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A walk-in clearance for a resident with no account and no photo, reviewed and its fee waived.</summary>
    private async Task<Guid> ReadyToApproveAsync()
    {
        var host = new DocumentsTestHost(e2e.Database.AppConnectionString);
        await using var _ = host;
        var resident = await host.OtherResidentAsync();
        await using (var db = await host.Services.DbAsync())
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE residents SET photo_url = NULL WHERE id = {resident}");
        await host.AsSecretaryAsync();
        var created = await host.Requests.CreateAsync(new NewDocumentRequest { TypeCode = "barangay-clearance", Purpose = "Employment", ResidentId = resident });
        created.Ok.Should().BeTrue(created.Message);
        var id = created.Value!.Id;
        var reviewed = await host.Requests.ReviewAsync(id, (await host.Requests.GetAsync(id))!.Version);
        reviewed.Ok.Should().BeTrue(reviewed.Message);
        await host.AsTreasurerAsync();
        var waived = await host.Requests.WaiveAsync(id, reviewed.Value!.Version, "Indigent");
        waived.Ok.Should().BeTrue(waived.Message);
        return id;
    }
}
