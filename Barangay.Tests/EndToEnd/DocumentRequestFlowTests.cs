using System.Text;
using System.Text.RegularExpressions;
using Barangay.Data.Accounts;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// The issue's "done when": a resident requests a Barangay Clearance from a phone, the secretary reviews, the treasurer
/// records the OR, the Punong Barangay approves, the resident downloads the PDF and the QR link in it says "genuine".
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public partial class DocumentRequestFlowTests(EndToEndFixture e2e)
{
    private const string OfficerPassword = "Officer#2026demo";

    /// <summary>The demo's Punong Barangay and treasurer start without passwords; give them one for the test.</summary>
    private async Task EnsurePasswordAsync(string userName)
    {
        await using var services = new TestServices(e2e.Database.AppConnectionString);
        var users = services.Get<UserManager<User>>();
        var user = await users.FindByNameAsync(userName);
        user.Should().NotBeNull();
        if (!await users.HasPasswordAsync(user!)) (await users.AddPasswordAsync(user!, OfficerPassword)).Succeeded.Should().BeTrue();
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input|descendant-or-self::textarea").First;

    [Fact]
    public async Task ClearanceFromPhone_ReviewedPaidApproved_DownloadedAndQrLinkSaysGenuine()
    {
        await EnsurePasswordAsync("kapitan");
        await EnsurePasswordAsync("treasurer");

        // The resident, on a phone.
        var phone = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        await phone.GotoAsync("/my/requests/new");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await EndToEndFixture.ChooseAsync(phone, "request-type", "Barangay Clearance");
        await Expect(phone.GetByTestId("request-type-info")).ToContainTextAsync("₱100.00");
        await Screenshots.SaveAsync(phone, "documents-phone-request-form");
        await phone.GetByTestId("request-submit").ClickAsync();
        await Expect(phone.GetByText("Purpose is required", new() { Exact = false })).ToBeVisibleAsync();
        await Input(phone, "request-purpose").FillAsync("Employment at a BPO company");
        // Typing the purpose takes its refusal away at once, before the next submit (issue 24 item 7).
        await Input(phone, "request-purpose").PressAsync("Tab");
        await Expect(phone.GetByText("Purpose is required", new() { Exact = false })).ToHaveCountAsync(0);
        await phone.GetByTestId("request-submit").ClickAsync();
        await Expect(phone.GetByTestId("request-ack")).ToBeVisibleAsync();
        var requestId = (await phone.GetByTestId("ack-request-id").InnerTextAsync()).Trim();
        requestId.Should().MatchRegex(@"^REQ-\d{4}-\d{6}$");
        await Expect(phone.GetByTestId("ack-due")).ToContainTextAsync("3 working days");
        await Screenshots.SaveAsync(phone, "documents-phone-acknowledgement");
        await phone.GetByTestId("ack-open").ClickAsync();
        await phone.WaitForURLAsync(new Regex("/my/requests/[0-9a-f-]{36}$"));
        var id = phone.Url[^36..];
        await Expect(phone.GetByTestId("request-timeline")).ToContainTextAsync("Submitted");
        // My requests tells this clearance from the others by its purpose.
        await phone.GotoAsync("/my/requests");
        await Expect(phone.GetByTestId("my-request").Filter(new() { HasText = requestId })).ToContainTextAsync("Employment at a BPO company");
        await Screenshots.SaveAsync(phone, "documents-phone-my-requests");
        await phone.SetViewportSizeAsync(1366, 900);
        await Screenshots.SaveAsync(phone, "documents-desktop-my-requests");
        await phone.SetViewportSizeAsync(390, 844);

        // The secretary reviews it from the queue.
        var secretary = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await secretary.GotoAsync("/documents");
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        await Expect(secretary.Locator("tr.queue-overdue").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(secretary, "documents-desktop-queue");
        await Input(secretary, "queue-search").FillAsync(requestId);
        await Expect(secretary.GetByTestId("queue-grid").Locator("tbody tr")).ToHaveCountAsync(1);
        await secretary.GetByTestId("queue-grid").GetByText(requestId).ClickAsync();
        await Expect(secretary.GetByTestId("request-heading")).ToContainTextAsync(requestId);
        await secretary.GetByTestId("action-review").ClickAsync();
        await Expect(secretary.GetByTestId("status-chip").First).ToHaveTextAsync("reviewed");
        await Screenshots.SaveAsync(secretary, "documents-desktop-secretary-reviewed");

        // The treasurer records the official receipt.
        var treasurer = await e2e.SignInAsync(DemoAccounts.TreasurerUser, DemoAccounts.TreasurerPassword, EndToEndFixture.Desktop);
        await treasurer.GotoAsync($"/documents/{id}");
        await EndToEndFixture.WaitInteractiveAsync(treasurer);
        await Expect(treasurer.GetByTestId("action-approve")).ToHaveCountAsync(0);
        await treasurer.GetByTestId("action-pay").ClickAsync();
        await Input(treasurer, "payment-or").FillAsync("OR-0047811");
        await treasurer.GetByTestId("payment-submit").ClickAsync();
        await Expect(treasurer.GetByTestId("request-fee")).ToContainTextAsync("OR OR-0047811");

        // The Punong Barangay approves.
        var kapitan = await e2e.SignInAsync(DemoAccounts.KapitanUser, DemoAccounts.KapitanPassword, EndToEndFixture.Desktop);
        await kapitan.GotoAsync($"/documents/{id}");
        await EndToEndFixture.WaitInteractiveAsync(kapitan);
        await kapitan.GetByTestId("action-approve").ClickAsync();
        await Expect(kapitan.GetByTestId("status-chip").First).ToHaveTextAsync("approved");
        await Screenshots.SaveAsync(kapitan, "documents-desktop-kapitan-approved");

        // The resident downloads the certificate and follows its QR link.
        await phone.GotoAsync($"/my/requests/{id}");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("download-certificate")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone, "documents-phone-approved-timeline");
        var response = await phone.Context.APIRequest.GetAsync($"/documents/{id}/certificate.pdf");
        response.Status.Should().Be(200);
        response.Headers["content-type"].Should().Be("application/pdf");
        var pdf = Encoding.Latin1.GetString(await response.BodyAsync());
        pdf.Should().StartWith("%PDF-");
        var url = UriInPdf().Match(pdf).Groups[1].Value;
        url.Should().Contain("/verify#B1.", "the QR code carries the signed payload after the #");
        var saved = Path.Combine(Environment.GetEnvironmentVariable("BARANGAY_DATA_ROOT") ?? Path.GetTempPath(), "test-results", "screenshots", "documents-certificate.pdf");
        await File.WriteAllBytesAsync(saved, await response.BodyAsync());

        var visitor = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await visitor.GotoAsync(url);
        await Expect(visitor.GetByTestId("verify-title")).ToHaveTextAsync("Genuine");
        await Expect(visitor.GetByTestId("verify-type")).ToHaveTextAsync("Barangay Clearance");
        await Expect(visitor.GetByTestId("verify-holder")).ToHaveTextAsync("JUAN P. DELA CRUZ");
        await Screenshots.SaveAsync(visitor, "documents-phone-verify-genuine");

        // The short link printed for typing (the HMAC code) still verifies on the server, and an altered one does not.
        await using (var services = new TestServices(e2e.Database.AppConnectionString))
        {
            await using var db = await services.DbAsync();
            var metadata = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.DocumentRequests.Where(d => d.Id == Guid.Parse(id)).Select(d => d.Metadata));
            var code = Barangay.Data.Documents.DocumentRequestMetadata.Parse(metadata).Certificate!.VerificationCode;
            await visitor.GotoAsync($"/verify/{code}");
            await Expect(visitor.GetByTestId("verify-genuine")).ToContainTextAsync("Genuine");
            await Expect(visitor.GetByTestId("verify-holder")).ToHaveTextAsync("JUAN P. D.");
            var response2 = await visitor.GotoAsync($"/verify/{(code[0] == 'x' ? 'y' : 'x')}{code[1..]}");
            response2!.Status.Should().Be(200);
            await Expect(visitor.GetByTestId("verify-not-genuine")).ToContainTextAsync("Not genuine");
            await Screenshots.SaveAsync(visitor, "documents-phone-verify-not-genuine");
        }
        (await visitor.GotoAsync("/verify/not-a-code"))!.Status.Should().Be(200);
        await Expect(visitor.GetByTestId("verify-not-genuine")).ToBeVisibleAsync();

        // Opening the PDF (a GET) released nothing; pressing "Download certificate" (a POST from the page's form) does.
        await phone.ReloadAsync();
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("status-chip").First).ToHaveTextAsync("approved");
        await Expect(phone.GetByTestId("receive-note")).ToBeVisibleAsync();
        await phone.SetViewportSizeAsync(1366, 900);
        await Screenshots.SaveAsync(phone, "documents-desktop-resident-approved");
        await phone.SetViewportSizeAsync(390, 844);
        var received = await phone.RunAndWaitForResponseAsync(() => phone.GetByTestId("download-certificate").ClickAsync(),
            r => r.Url.EndsWith($"/documents/{id}/receive", StringComparison.Ordinal));
        received.Status.Should().Be(303);
        (await received.HeaderValueAsync("location")).Should().Be($"/documents/{id}/certificate.pdf");
        await phone.GotoAsync($"/my/requests/{id}");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("status-chip").First).ToHaveTextAsync("released");
        await Expect(phone.GetByTestId("receive-note")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(phone, "documents-phone-released");
    }

    [GeneratedRegex(@"/URI\((https?://[^)]+)\)")]
    private static partial Regex UriInPdf();
}
