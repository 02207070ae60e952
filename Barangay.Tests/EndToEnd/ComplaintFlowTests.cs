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
/// The issue's "done when": a resident files a confidential complaint from a phone and follows it; a separate KP case
/// goes from filing through a failed mediation and a Pangkat hearing to a printed Certificate to File Action.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class ComplaintFlowTests(EndToEndFixture e2e)
{
    private const string OfficerPassword = "Officer#2026demo";

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

    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
    }

    private static async Task<(string Code, string Id)> FileFromPhoneAsync(IPage phone, string category, string subject, string description, bool confidential, string shot)
    {
        await phone.GotoAsync("/my/complaints/new");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await ChooseAsync(phone, "complaint-category", category);
        await Input(phone, "complaint-subject").FillAsync(subject);
        await phone.GetByTestId("complaint-submit").ClickAsync();
        await Expect(phone.GetByText("the description is required", new() { Exact = false })).ToBeVisibleAsync();
        await Input(phone, "complaint-description").FillAsync(description);
        if (confidential) await Input(phone, "complaint-confidential").CheckAsync();
        await Screenshots.SaveAsync(phone, shot + "-form");
        await phone.GetByTestId("complaint-submit").ClickAsync();
        await Expect(phone.GetByTestId("complaint-ack")).ToBeVisibleAsync();
        var code = (await phone.GetByTestId("complaint-ack-id").InnerTextAsync()).Trim();
        code.Should().MatchRegex(@"^CMP-\d{4}-\d{6}$");
        await Screenshots.SaveAsync(phone, shot + "-acknowledgement");
        await phone.GetByTestId("complaint-ack-open").ClickAsync();
        await phone.WaitForURLAsync(new Regex("/my/complaints/[0-9a-f-]{36}$"));
        return (code, phone.Url[^36..]);
    }

    [Fact]
    public async Task ConfidentialComplaintFromPhone_HiddenFromSecretary_KapitanTakesIt_ResidentFollowsIt()
    {
        await EnsurePasswordAsync("kapitan");
        var phone = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        var (code, id) = await FileFromPhoneAsync(phone, "Violence against women and children", "Neighbor's child is being hurt",
            "I hear a child crying and being hit at night in the house beside ours. Please help quietly.", confidential: true, "complaints-phone-confidential");
        await Expect(phone.GetByTestId("complaint-confidential-chip")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("complaint-status")).ToHaveTextAsync("New");
        await Expect(phone.GetByTestId("complaint-timeline")).ToContainTextAsync("Filed");
        // The resident stays on the page: it follows the hall by itself from here.
        await Expect(phone.Locator("[data-testid=live-my-complaint]")).ToHaveAttributeAsync("data-live", "ready");

        // The secretary does not see it: not in the queue, not by its number, not by its address.
        var secretary = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await secretary.GotoAsync($"/complaints?q={code}");
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        await Expect(secretary.Locator($"[data-testid=complaint-count][data-search='{code}']")).ToHaveTextAsync("0 complaints");
        await Expect(secretary.GetByTestId("complaint-grid")).ToContainTextAsync("No complaints match these filters.");
        await Input(secretary, "complaint-search").FillAsync("child");
        await Expect(secretary.Locator("[data-testid=complaint-count][data-search='child']")).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("complaint-grid")).Not.ToContainTextAsync(code);
        await Screenshots.SaveAsync(secretary, "complaints-desktop-queue-secretary");
        await secretary.GotoAsync($"/complaints/{id}");
        await Expect(secretary.GetByTestId("complaint-not-found")).ToBeVisibleAsync();

        // The Punong Barangay sees it, takes it and starts work.
        var kapitan = await e2e.SignInAsync("kapitan", OfficerPassword, EndToEndFixture.Desktop);
        await kapitan.GotoAsync("/complaints");
        await EndToEndFixture.WaitInteractiveAsync(kapitan);
        await Input(kapitan, "complaint-search").FillAsync(code);
        await Expect(kapitan.Locator($"[data-testid=complaint-count][data-search='{code}']")).ToHaveTextAsync("1 complaint");
        await Expect(kapitan.GetByTestId("complaint-grid")).ToContainTextAsync(code);
        await Screenshots.SaveAsync(kapitan, "complaints-desktop-queue-kapitan");
        await kapitan.GetByTestId("complaint-grid").GetByText(code).ClickAsync();
        await Expect(kapitan.GetByTestId("complaint-heading")).ToContainTextAsync(code);
        await EndToEndFixture.WaitInteractiveAsync(kapitan);
        await kapitan.GetByTestId("complaint-take").ClickAsync();
        await Expect(kapitan.GetByTestId("complaint-timeline")).ToContainTextAsync("Assigned");
        await kapitan.GetByTestId("complaint-to-in_progress").ClickAsync();
        await Expect(kapitan.GetByTestId("complaint-status").First).ToHaveTextAsync("In progress");
        await kapitan.GetByTestId("complaint-add-note").ClickAsync();
        await Input(kapitan, "complaint-note-text").FillAsync("Coordinated with the VAW desk officer; home visit tomorrow.");
        await kapitan.GetByTestId("complaint-note-submit").ClickAsync();
        await Expect(kapitan.GetByTestId("complaint-note")).ToContainTextAsync("VAW desk officer");
        await Screenshots.SaveAsync(kapitan, "complaints-desktop-detail-kapitan");

        // The resident follows it on the page left open (no reload): the new status, never the internal note.
        await Expect(phone.GetByTestId("complaint-status")).ToHaveTextAsync("In progress");
        (await phone.ContentAsync()).Should().NotContain("VAW desk officer");
        await Screenshots.SaveAsync(phone, "complaints-phone-following");
        // No thread was opened for them: their first message opens it, and it is theirs, not the app's.
        await Expect(phone.GetByTestId("complaint-thread")).ToHaveCountAsync(0);
        await phone.GetByTestId("complaint-write").ClickAsync();
        await phone.WaitForURLAsync(new Regex("/messages/new"));
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("new-subject")).ToHaveCountAsync(0);
        await Input(phone, "new-body").FillAsync("He was shouting again tonight.");
        await phone.GetByTestId("new-send").ClickAsync();
        await phone.WaitForURLAsync(new Regex("/messages/[0-9a-f-]{36}$"));
        await Expect(phone.GetByTestId("message")).ToHaveCountAsync(1);
        await Expect(phone.GetByTestId("message-sender")).ToHaveTextAsync("You");
        await Expect(phone.GetByTestId("message-body")).ToHaveTextAsync("He was shouting again tonight.");
        await Screenshots.SaveAsync(phone, "complaints-phone-first-message");
        await phone.GotoAsync($"/my/complaints/{id}");
        await Expect(phone.GetByTestId("complaint-thread")).ToBeVisibleAsync();
        await phone.GotoAsync("/my/complaints");
        var listed = phone.GetByTestId("my-complaint").Filter(new() { HasText = code });
        await Expect(listed).ToContainTextAsync("Confidential complaint");
        await Expect(listed).Not.ToContainTextAsync("child");
        await Expect(listed).Not.ToContainTextAsync("Violence");
        await Screenshots.SaveAsync(phone, "complaints-phone-list");

        // On a shared family phone the first screen names it only "Confidential complaint" and its number.
        await phone.GotoAsync("/");
        var home = phone.GetByTestId("home-complaint").Filter(new() { HasText = code });
        await Expect(home.GetByTestId("home-complaint-title")).ToHaveTextAsync("Confidential complaint");
        await Expect(phone.GetByTestId("home-complaints")).Not.ToContainTextAsync("child is being hurt");
        await Expect(phone.GetByTestId("home-complaints")).Not.ToContainTextAsync("Violence");
        await Screenshots.SaveAsync(phone, "complaints-phone-home-confidential");
    }

    [Fact]
    public async Task KpCase_FiledMediationFailsPangkatHearing_CertificateToFileActionPrinted()
    {
        var phone = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        var (code, complaintId) = await FileFromPhoneAsync(phone, "Boundary or land dispute", "Fence built on my lot",
            "My neighbor built a concrete fence 50 cm inside my lot line last week.", confidential: false, "complaints-phone-kp");

        var secretary = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await secretary.GotoAsync($"/complaints/{complaintId}");
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        await Expect(secretary.GetByTestId("complaint-heading")).ToContainTextAsync(code);
        await secretary.GetByTestId("kp-mark").ClickAsync();
        await Input(secretary, "kp-respondent-name").FillAsync("Ramon Santos");
        await Input(secretary, "kp-respondent-address").FillAsync("12 Mabini St., Purok 1");
        await secretary.GetByTestId("kp-open-submit").ClickAsync();
        await secretary.WaitForURLAsync(new Regex("/complaints/kp/[0-9a-f-]{36}$"));
        var caseId = secretary.Url[^36..];
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        await Expect(secretary.GetByTestId("kp-heading")).ToContainTextAsync("KP-");
        await Expect(secretary.GetByTestId("kp-step-summons")).ToContainTextAsync("Due");

        // Mediation before the Punong Barangay: summons, a hearing, no agreement.
        await secretary.GetByTestId("kp-issue-summons").ClickAsync();
        await Expect(secretary.GetByTestId("kp-print-summons")).ToBeVisibleAsync();
        await RecordHearingAsync(secretary, "Juan Dela Cruz\nRamon Santos", "Respondent insists the fence follows the old survey. No agreement.");
        await Expect(secretary.GetByTestId("kp-step-mediation")).ToContainTextAsync("Due");
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-mediation");
        await secretary.GetByTestId("kp-fail-mediation").ClickAsync();
        await Expect(secretary.GetByTestId("kp-stage")).ToHaveTextAsync("Conciliation (Pangkat)");

        // The Pangkat: constituted, a hearing, conciliation fails.
        await secretary.GetByTestId("kp-constitute").ClickAsync();
        await Input(secretary, "kp-text").FillAsync("Nestor G. Aguilar\nRosa M. Lim\nPablo T. Cruz");
        await secretary.GetByTestId("kp-text-submit").ClickAsync();
        await Expect(secretary.GetByTestId("kp-step-pangkat")).ToContainTextAsync("Done");
        await RecordHearingAsync(secretary, "Juan Dela Cruz\nRamon Santos\nNestor G. Aguilar", "Pangkat heard both parties; respondent refuses a relocation survey.");
        await Expect(secretary.GetByTestId("kp-hearing")).ToHaveCountAsync(2);
        await secretary.GetByTestId("kp-fail-conciliation").ClickAsync();
        await Input(secretary, "kp-text").FillAsync("Respondent refused every proposal.");
        await secretary.GetByTestId("kp-text-submit").ClickAsync();
        await Expect(secretary.GetByTestId("kp-stage")).ToHaveTextAsync("Conciliation failed");
        await Expect(secretary.GetByTestId("kp-issue-certificate")).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("kp-print-certificate")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-failed");
        var secretaryPhone = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Phone);
        await ScreenshotKpCaseAsync(secretaryPhone, caseId, "kp-issue-certificate", "complaints-phone-size-kp-failed");

        // Opening the certificate's address (a GET) issues nothing: there is no certificate yet and the complaint stays open.
        (await secretary.Context.APIRequest.GetAsync($"/complaints/kp/{caseId}/certificate.pdf")).Status.Should().Be(404);
        await phone.GotoAsync($"/my/complaints/{complaintId}");
        await Expect(phone.GetByTestId("complaint-status")).Not.ToHaveTextAsync("Resolved");

        // The secretary issues it with its own button; then the print link appears.
        await secretary.GetByTestId("kp-issue-certificate").ClickAsync();
        await Expect(secretary.GetByTestId("kp-print-certificate")).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("kp-issue-certificate")).ToHaveCountAsync(0);
        await Expect(secretary.GetByTestId("kp-certificate-note")).ToContainTextAsync("Certificate to File Action issued");
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-certificate-issued");
        await ScreenshotKpCaseAsync(secretaryPhone, caseId, "kp-print-certificate", "complaints-phone-size-kp-certificate-issued");

        // The Certificate to File Action, printed.
        var response = await secretary.Context.APIRequest.GetAsync($"/complaints/kp/{caseId}/certificate.pdf");
        response.Status.Should().Be(200);
        response.Headers["content-type"].Should().Be("application/pdf");
        var bytes = await response.BodyAsync();
        Encoding.Latin1.GetString(bytes).Should().StartWith("%PDF-");
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "complaints-certificate-to-file-action.pdf"), bytes);
        (await phone.Context.APIRequest.GetAsync($"/complaints/kp/{caseId}/certificate.pdf")).Status.Should().Be(404, "a resident never gets the hall's KP forms");

        // The complainant sees it resolved; the case book lists it.
        await phone.GotoAsync($"/my/complaints/{complaintId}");
        await Expect(phone.GetByTestId("complaint-status")).ToHaveTextAsync("Resolved");
        await Screenshots.SaveAsync(phone, "complaints-phone-kp-resolved");
        await secretary.GotoAsync("/complaints/kp");
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        await Input(secretary, "kp-open-only").UncheckAsync();
        await Expect(secretary.GetByTestId("kp-table")).ToContainTextAsync("Ramon Santos");
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-book");
        await secretary.GotoAsync("/complaints/blotter");
        await Expect(secretary.GetByTestId("blotter-table")).ToContainTextAsync(code);
        await Screenshots.SaveAsync(secretary, "complaints-desktop-blotter");
        var blotter = await secretary.Context.APIRequest.GetAsync("/complaints/blotter.pdf");
        blotter.Status.Should().Be(200);
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "complaints-blotter.pdf"), await blotter.BodyAsync());
    }

    /// <summary>The KP case page as an official sees it on a phone, once <paramref name="ready"/> shows.</summary>
    private static async Task ScreenshotKpCaseAsync(IPage page, string caseId, string ready, string name)
    {
        await page.GotoAsync($"/complaints/kp/{caseId}");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId(ready)).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, name);
    }

    private static async Task RecordHearingAsync(IPage page, string attendees, string minutes)
    {
        var before = await page.GetByTestId("kp-hearing").CountAsync();
        await page.GetByTestId("kp-record-hearing").ClickAsync();
        await Input(page, "kp-hearing-attendees").FillAsync(attendees);
        await Input(page, "kp-hearing-minutes").FillAsync(minutes);
        await page.GetByTestId("kp-hearing-submit").ClickAsync();
        await Expect(page.GetByTestId("kp-hearing")).ToHaveCountAsync(before + 1);
    }
}
