using System.Text;
using System.Text.RegularExpressions;
using Barangay.Data.Accounts;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>The demo's Lupon members besides the chairman-to-be Nestor G. Aguilar (the demo seeds three, a Pangkat).</summary>
    private static readonly IReadOnlyList<string> Lupon = ["Melinda C. Ramos", "Eduardo V. Soriano"];

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input|descendant-or-self::textarea").First;

    private static Task ChooseAsync(IPage page, string testId, string option) => EndToEndFixture.ChooseAsync(page, testId, option);

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
        var kapitan = await e2e.SignInAsync(DemoAccounts.KapitanUser, DemoAccounts.KapitanPassword, EndToEndFixture.Desktop);
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
        // RA 9262 sec. 33: never offered to the Lupon; its own path (BPO, referral) instead.
        await Expect(kapitan.GetByTestId("vawc-panel")).ToBeVisibleAsync();
        await Expect(kapitan.GetByTestId("kp-mark")).ToHaveCountAsync(0);
        await Input(kapitan, "vawc-notes").FillAsync("Application for a BPO received in person.");
        await kapitan.GetByTestId("vawc-record").ClickAsync();
        await Expect(kapitan.GetByTestId("vawc-row")).ToContainTextAsync("Application for a Barangay Protection Order");
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
        await ChooseAsync(secretary, "kp-nature", "Civil");
        // Sec. 408(c): an offence beyond the Lupon's authority is refused with the reason.
        await Input(secretary, "kp-x-grave").CheckAsync();
        await secretary.GetByTestId("kp-open-submit").ClickAsync();
        await Expect(secretary.GetByTestId("kp-open-message")).ToContainTextAsync("sec. 408(c)");
        await Input(secretary, "kp-x-grave").UncheckAsync();
        await secretary.GetByTestId("kp-open-submit").ClickAsync();
        await secretary.WaitForURLAsync(new Regex("/complaints/kp/[0-9a-f-]{36}$"));
        var caseId = secretary.Url[^36..];
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        await Expect(secretary.GetByTestId("kp-heading")).ToContainTextAsync("KP-");
        await Expect(secretary.GetByTestId("kp-step-summons")).ToContainTextAsync("Due");
        // The Lupon secretary keeps the record but does not summon: the Punong Barangay does (sec. 410(b)).
        await Expect(secretary.GetByTestId("kp-issue-summons")).ToHaveCountAsync(0);
        // The nature chosen at intake, correctable while the case is open (the Lupon's monthly report counts by it).
        await Expect(secretary.GetByTestId("kp-nature-edit")).ToContainTextAsync("Civil");
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-opened");

        await EnsurePasswordAsync("kapitan");
        await EnsurePasswordAsync("lupon.aguilar");
        var lupon = Lupon;
        var kapitan = await e2e.SignInAsync(DemoAccounts.KapitanUser, DemoAccounts.KapitanPassword, EndToEndFixture.Desktop);
        await kapitan.GotoAsync($"/complaints/kp/{caseId}");
        await EndToEndFixture.WaitInteractiveAsync(kapitan);
        await IssueSummonsAsync(kapitan);
        await RecordHearingAsync(kapitan, "Juan Dela Cruz\nRamon Santos", "Parties appeared before the Punong Barangay; no agreement on the fence line.");
        await Expect(kapitan.GetByTestId("kp-step-mediation")).ToContainTextAsync("Due");
        await Screenshots.SaveAsync(kapitan, "complaints-desktop-kp-mediation");
        await kapitan.GetByTestId("kp-fail-mediation").ClickAsync();
        await Expect(kapitan.GetByTestId("kp-stage")).ToHaveTextAsync("Conciliation (Pangkat)");
        await kapitan.GetByTestId("kp-constitute").ClickAsync();
        await ChooseAsync(kapitan, "kp-pangkat-chairman", "Nestor G. Aguilar");
        await ChooseAsync(kapitan, "kp-pangkat-secretary", lupon[0]);
        await ChooseAsync(kapitan, "kp-pangkat-member", lupon[1]);
        await kapitan.GetByTestId("kp-pangkat-submit").ClickAsync();
        await Expect(kapitan.GetByTestId("kp-step-pangkat")).ToContainTextAsync("Done");
        await Expect(kapitan.GetByTestId("kp-step-convene")).ToContainTextAsync("Due");

        // The Pangkat's chairman minutes its hearing (sec. 404(b)) and records that conciliation failed.
        var chair = await e2e.SignInAsync("lupon.aguilar", OfficerPassword, EndToEndFixture.Desktop);
        await chair.GotoAsync($"/complaints/kp/{caseId}");
        await EndToEndFixture.WaitInteractiveAsync(chair);
        await RecordHearingAsync(chair, "Juan Dela Cruz\nRamon Santos", "Pangkat hearing; respondent refuses to move the fence.");
        await Expect(chair.GetByTestId("kp-step-convene")).ToContainTextAsync("Done");
        await chair.GetByTestId("kp-fail-conciliation").ClickAsync();
        await Input(chair, "kp-text").FillAsync("Respondent refused every proposal.");
        await chair.GetByTestId("kp-text-submit").ClickAsync();
        await Expect(chair.GetByTestId("kp-stage")).ToHaveTextAsync("Conciliation failed");

        // The Lupon secretary certifies (sec. 412(a)).
        await secretary.GotoAsync($"/complaints/kp/{caseId}");
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        await Expect(secretary.GetByTestId("kp-issue-certificate")).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("kp-print-certificate")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-failed");
        var secretaryPhone = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Phone);
        await ScreenshotKpCaseAsync(secretaryPhone, caseId, "kp-issue-certificate", "complaints-phone-size-kp-failed");
        (await secretary.Context.APIRequest.GetAsync($"/complaints/kp/{caseId}/certificate.pdf")).Status.Should().Be(404);
        await secretary.GetByTestId("kp-issue-certificate").ClickAsync();
        await Expect(secretary.GetByTestId("kp-print-certificate")).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("kp-issue-certificate")).ToHaveCountAsync(0);
        await Expect(secretary.GetByTestId("kp-certificate-note")).ToContainTextAsync("Certificate to File Action issued");
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-certificate-issued");
        await ScreenshotKpCaseAsync(secretaryPhone, caseId, "kp-print-certificate", "complaints-phone-size-kp-certificate-issued");
        foreach (var form in new[] { "summons", "certificate" })
        {
            var pdf = await secretary.Context.APIRequest.GetAsync($"/complaints/kp/{caseId}/{form}.pdf");
            pdf.Status.Should().Be(200);
            await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, $"complaints-kp-{form}.pdf"), await pdf.BodyAsync());
        }

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
        // Filtered as the report counts: a civil case certified for court is listed under that outcome, not under criminal.
        await ChooseAsync(secretary, "kp-filter-outcome", "Certificate to file action issued");
        await ChooseAsync(secretary, "kp-filter-nature", "Civil");
        await Expect(secretary.GetByTestId("kp-table")).ToContainTextAsync("Ramon Santos");
        await ChooseAsync(secretary, "kp-filter-nature", "Criminal");
        await Expect(secretary.GetByTestId("kp-table")).Not.ToContainTextAsync("Ramon Santos");
        await secretary.SetViewportSizeAsync(390, 844);
        await Screenshots.SaveAsync(secretary, "complaints-phone-size-kp-book-filtered");
        await secretary.SetViewportSizeAsync(EndToEndFixture.Desktop.Width, EndToEndFixture.Desktop.Height);
        await secretary.GotoAsync("/complaints/blotter");
        await Expect(secretary.GetByTestId("blotter-table")).ToContainTextAsync(code);
        await Screenshots.SaveAsync(secretary, "complaints-desktop-blotter");
        var blotter = await secretary.Context.APIRequest.GetAsync("/complaints/blotter.pdf");
        blotter.Status.Should().Be(200);
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "complaints-blotter.pdf"), await blotter.BodyAsync());
    }

    private const string Kapitan = "RICARDO M. DELA CRUZ";
    private const string LuponSecretary = "LIZA R. MANALO";
    private const string PangkatChair = "NESTOR G. AGUILAR";

    /// <summary>
    /// Juan files from his phone; the Lupon secretary takes it up as a KP case against a named respondent, in the parties'
    /// language (sec. 411); the Punong Barangay issues the summons. Returns the case's id.
    /// </summary>
    private async Task<(string CaseId, IPage Secretary, IPage Kapitan)> OpenKpCaseAsync(string subject, string respondent, bool filipino, string shot, bool venue = false)
    {
        var phone = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        var (_, complaintId) = await FileFromPhoneAsync(phone, "Boundary or land dispute", subject, $"{subject}: the respondent will not listen to reason.", confidential: false, shot);
        var secretary = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await secretary.GotoAsync($"/complaints/{complaintId}");
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        if (venue)
        {
            // Sec. 408(f): a respondent who actually resides in another town is refused, with the reason.
            await secretary.SetViewportSizeAsync(390, 844);
            await secretary.GetByTestId("kp-mark").ClickAsync();
            await Input(secretary, "kp-respondent-name").FillAsync(respondent);
            await Input(secretary, "kp-respondent-barangay").FillAsync("Bigte");
            await Input(secretary, "kp-respondent-municipality").FillAsync("Norzagaray");
            await ChooseAsync(secretary, "kp-nature", "Civil");
            await secretary.GetByTestId("kp-open-submit").ClickAsync();
            await Expect(secretary.GetByTestId("kp-open-message")).ToContainTextAsync("sec. 408(f)");
            await Screenshots.SaveAsync(secretary, "complaints-phone-size-kp-venue-refused");
            await secretary.GetByTestId("kp-respondent-chip").Locator("button").ClickAsync();
            await Expect(secretary.GetByTestId("kp-respondent-chip")).ToHaveCountAsync(0);
            await secretary.SetViewportSizeAsync(EndToEndFixture.Desktop.Width, EndToEndFixture.Desktop.Height);
        }
        else await secretary.GetByTestId("kp-mark").ClickAsync();
        await Input(secretary, "kp-respondent-name").FillAsync(respondent);
        await Input(secretary, "kp-respondent-address").FillAsync("3 Rizal St., Purok 2");
        await ChooseAsync(secretary, "kp-nature", "Civil");
        if (venue) await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-open-venue");
        if (filipino) await ChooseAsync(secretary, "kp-language", "Filipino");
        await secretary.GetByTestId("kp-open-submit").ClickAsync();
        await secretary.WaitForURLAsync(new Regex("/complaints/kp/[0-9a-f-]{36}$"));
        var caseId = secretary.Url[^36..];
        var kapitan = await e2e.SignInAsync(DemoAccounts.KapitanUser, DemoAccounts.KapitanPassword, EndToEndFixture.Desktop);
        await OpenCaseAsync(kapitan, caseId);
        await IssueSummonsAsync(kapitan);
        return (caseId, secretary, kapitan);
    }

    /// <summary>
    /// The Punong Barangay issues the summons for the hearing the dialog offers (the next working day at 9:00 in the
    /// morning, sec. 410(b)); KP Forms 8 and 9 print that day and hour.
    /// </summary>
    private static async Task IssueSummonsAsync(IPage kapitan)
    {
        await kapitan.GetByTestId("kp-issue-summons").ClickAsync();
        await Expect(kapitan.GetByTestId("kp-summons-dialog")).ToBeVisibleAsync();
        // The offered day is loaded from the holiday calendar: wait for it before accepting it.
        await Expect(Input(kapitan, "kp-summons-date")).ToHaveValueAsync(new Regex(@"\d"));
        await Expect(Input(kapitan, "kp-summons-time")).ToHaveValueAsync(new Regex("9:00"));
        await kapitan.GetByTestId("kp-summons-submit").ClickAsync();
        await Expect(kapitan.GetByTestId("kp-print-summons")).ToBeVisibleAsync();
        // The case page names the hearing the summons set, beside who issued it.
        await Expect(kapitan.GetByTestId("kp-act").Filter(new() { HasText = "hearing set for" })).ToContainTextAsync("9:00 AM");
    }

    private static async Task OpenCaseAsync(IPage page, string caseId)
    {
        await page.GotoAsync($"/complaints/kp/{caseId}");
        await EndToEndFixture.WaitInteractiveAsync(page);
    }

    private static async Task TextStepAsync(IPage page, string button, string text)
    {
        await page.GetByTestId(button).ClickAsync();
        await Input(page, "kp-text").FillAsync(text);
        await page.GetByTestId("kp-text-submit").ClickAsync();
    }

    [Fact]
    public async Task KpCase_SettledInMediation_EveryFormNumberedDatedSignedByTheRightOfficer()
    {
        var (caseId, secretary, kapitan) = await OpenKpCaseAsync("Unpaid loan of 3,000 pesos", "Pedro Manalastas", filipino: false, "kp-a", venue: true);
        await RecordHearingAsync(kapitan, "Juan Dela Cruz\nPedro Manalastas", "Both appeared before the Punong Barangay.");
        await TextStepAsync(kapitan, "kp-settle", "Respondent pays 3,000 pesos in two monthly instalments.");
        await Expect(kapitan.GetByTestId("kp-stage")).ToHaveTextAsync("Amicably settled");

        // The 10 days to repudiate lapse (sec. 416); the Lupon secretary transmits the settlement to the court (sec. 419).
        await KpCaseBookHelpers.PassDaysAsync(e2e.Database.AppConnectionString, caseId, 11);
        await OpenCaseAsync(secretary, caseId);
        await TextStepAsync(secretary, "kp-transmit", "Municipal Trial Court of Santa Maria");
        await Expect(secretary.GetByTestId("kp-print-transmittal")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-settled-forms");

        await KpCaseBookHelpers.FormAsync(secretary, caseId, "complaint", "a", "7", false, "JUAN", "Received: Punong Barangay/Lupon Chairman");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "hearing-notice", "a", "8", false, Kapitan, "Punong Barangay/Lupon Chairman", "at 9:00 in the morning");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "summons", "a", "9", false, Kapitan, "OFFICER'S RETURN", "at 9:00 in the morning");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "settlement", "a", "16", false, "PEDRO MANALASTAS", Kapitan, "Attested: Punong Barangay/Lupon Chairman", "two monthly instalments");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "transmittal", "a", null, false, LuponSecretary, "Lupon Secretary", "Municipal Trial Court of Santa Maria", "section 419");
    }

    [Fact]
    public async Task KpCase_ThroughThePangkat_SettlementRepudiated_CertificateToFileAction_InFilipino()
    {
        await EnsurePasswordAsync("lupon.aguilar");
        var (caseId, secretary, kapitan) = await OpenKpCaseAsync("Sirang bakod", "Ramon Villareal", filipino: true, "kp-b");
        await RecordHearingAsync(kapitan, "Juan Dela Cruz\nRamon Villareal", "Humarap ang dalawang panig; walang napagkasunduan.");
        await kapitan.GetByTestId("kp-fail-mediation").ClickAsync();
        await kapitan.GetByTestId("kp-constitute").ClickAsync();
        await ChooseAsync(kapitan, "kp-pangkat-chairman", "Nestor G. Aguilar");
        await ChooseAsync(kapitan, "kp-pangkat-secretary", Lupon[0]);
        await ChooseAsync(kapitan, "kp-pangkat-member", Lupon[1]);
        await kapitan.GetByTestId("kp-pangkat-submit").ClickAsync();
        await Expect(kapitan.GetByTestId("kp-step-pangkat")).ToContainTextAsync("Done");

        // The Pangkat chairman hears the parties and attests their settlement (secs. 404(b), 411).
        var chair = await e2e.SignInAsync("lupon.aguilar", OfficerPassword, EndToEndFixture.Desktop);
        await OpenCaseAsync(chair, caseId);
        await RecordHearingAsync(chair, "Juan Dela Cruz\nRamon Villareal", "Pagdinig ng Pangkat.");
        await TextStepAsync(chair, "kp-settle", "Aayusin ng ipinagsusumbong ang bakod sa loob ng dalawang linggo.");
        await Expect(chair.GetByTestId("kp-stage")).ToHaveTextAsync("Amicably settled");

        // The respondent repudiates under oath before the Punong Barangay within 10 days (sec. 418).
        await OpenCaseAsync(kapitan, caseId);
        await TextStepAsync(kapitan, "kp-repudiate", "Pinilit akong pumirma");
        await Expect(kapitan.GetByTestId("kp-stage")).ToHaveTextAsync("Repudiated");

        // The Lupon secretary certifies (sec. 412(a)): KP Form 20, worded for a repudiated settlement (20-A is failed conciliation, 20-B an absent respondent).
        await OpenCaseAsync(secretary, caseId);
        await secretary.GetByTestId("kp-issue-certificate").ClickAsync();
        await Expect(secretary.GetByTestId("kp-print-certificate")).ToContainTextAsync("KP Form 20 · Certification to File Action (settlement repudiated)");
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-repudiated-forms");

        await KpCaseBookHelpers.FormAsync(secretary, caseId, "complaint", "b", "7", true, "Maysumbong", "Tinanggap: Punong Barangay/Pangulo ng Lupon");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "hearing-notice", "b", "8", true, Kapitan, "Pangulo ng Lupon", "sa ganap na ika-9:00 ng umaga");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "summons", "b", "9", true, Kapitan, "ULAT NG OPISYAL", "sa ganap na ika-9:00 ng umaga");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "pangkat-member-notice", "b", "11", true, Kapitan, "Nestor G. Aguilar");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "pangkat-notice", "b", "10", true, Kapitan, "palabunutan", "Nestor G. Aguilar (Pangulo)");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "conciliation-notice", "b", "12", true, PangkatChair, "Pangulo ng Pangkat", "sa ganap na ika-9:00 ng umaga");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "settlement", "b", "16", true, PangkatChair, "Pinatunayan: Pangulo ng Pangkat", "RAMON VILLAREAL");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "repudiation", "b", "17", true, Kapitan, "SINUMPAAN", "Pinilit akong pumirma", "itinatakwil ang kasunduang pag-aayos noong ika-");
        var (certificate, _) = await KpCaseBookHelpers.PrintAsync(secretary, caseId, "certificate", "b");
        certificate.Should().Contain(KpCaseBookHelpers.Squeeze("Pormularyo ng KP Blg. 20Republika")).And.NotContain("Blg.20-").And.Contain(LuponSecretary.Replace(" ", ""))
            .And.Contain(KpCaseBookHelpers.Squeeze("Kalihim ng Lupon")).And.Contain(KpCaseBookHelpers.Squeeze("Pinatunayan: Punong Barangay/Pangulo ng Lupon"))
            .And.Contain("itinakwil").And.NotContain("nabigo", "a repudiated settlement is not a failed mediation");
    }

    [Fact]
    public async Task KpCase_ByArbitration_AwardExecuted_EveryFormSignedByTheRightOfficer()
    {
        var (caseId, secretary, kapitan) = await OpenKpCaseAsync("Damaged tricycle", "Arnel Pangilinan", filipino: false, "kp-c");
        await kapitan.GetByTestId("kp-agree-arbitration").ClickAsync();
        await Expect(kapitan.GetByTestId("kp-stage")).ToContainTextAsync("Arbitration");

        // The 5 days to repudiate the agreement pass; the Lupon chairman makes the award (sec. 413(a)).
        await KpCaseBookHelpers.PassDaysAsync(e2e.Database.AppConnectionString, caseId, 6);
        await OpenCaseAsync(kapitan, caseId);
        await TextStepAsync(kapitan, "kp-award", "Respondent pays 4,500 pesos for the repair of the sidecar.");
        // An award cannot be repudiated (sec. 416): no such action is offered.
        await Expect(kapitan.GetByTestId("kp-repudiate")).ToHaveCountAsync(0);
        // The Lupon secretary transmits the award to the court within 5 days of its date (sec. 419).
        await OpenCaseAsync(secretary, caseId);
        await TextStepAsync(secretary, "kp-transmit", "Municipal Trial Court of Santa Maria");
        await Expect(secretary.GetByTestId("kp-print-transmittal")).ToBeVisibleAsync();

        // The award is final after 10 days (sec. 416); a party moves for execution, the Lupon chairman executes it (sec. 417).
        await KpCaseBookHelpers.PassDaysAsync(e2e.Database.AppConnectionString, caseId, 11);
        await OpenCaseAsync(secretary, caseId);
        await secretary.GetByTestId("kp-move-execution").ClickAsync();
        await Expect(secretary.GetByTestId("kp-print-execution-motion")).ToBeVisibleAsync();
        await OpenCaseAsync(kapitan, caseId);
        await TextStepAsync(kapitan, "kp-execute", "4,500 pesos paid at the barangay hall and handed to the complainant");
        await Expect(kapitan.GetByTestId("kp-executed")).ToBeVisibleAsync();
        await OpenCaseAsync(secretary, caseId);
        await Expect(secretary.GetByTestId("kp-print-execution-notice")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(secretary, "complaints-desktop-kp-executed-forms");

        await KpCaseBookHelpers.FormAsync(secretary, caseId, "summons", "c", "9", false, Kapitan, "at 9:00 in the morning", "ARNEL PANGILINAN");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "arbitration-agreement", "c", "14", false, "JUAN", "ARNEL PANGILINAN", Kapitan, "ATTESTATION");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "settlement", "c", "15", false, Kapitan, LuponSecretary, "Attested: Lupon Secretary", "4,500 pesos");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "execution-motion", "c", "23", false, "Movant", "final and executory");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "execution-hearing", "c", "24", false, Kapitan);
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "execution-notice", "c", "25", false, Kapitan, "handed to the complainant", "sec. 417");
        await KpCaseBookHelpers.FormAsync(secretary, caseId, "transmittal", "c", null, false, LuponSecretary, "Lupon Secretary", "Municipal Trial Court of Santa Maria", "section 419");
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
        // Count the hearings once the case is on the page (the button shows with it): counted while it still loads, the
        // count would be 0 and the case's loading alone would meet "one more".
        await Expect(page.GetByTestId("kp-record-hearing")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var before = await page.GetByTestId("kp-hearing").CountAsync();
        await page.GetByTestId("kp-record-hearing").ClickAsync();
        await Input(page, "kp-hearing-attendees").FillAsync(attendees);
        await Input(page, "kp-hearing-minutes").FillAsync(minutes);
        await page.GetByTestId("kp-hearing-submit").ClickAsync();
        await Expect(page.GetByTestId("kp-hearing")).ToHaveCountAsync(before + 1);
    }
}
