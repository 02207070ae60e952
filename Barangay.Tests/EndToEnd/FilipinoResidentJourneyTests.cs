using System.Text;
using System.Text.RegularExpressions;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 26's "done when": on a phone whose browser prefers Filipino (Accept-Language fil-PH, no cookie) a new resident
/// registers, requests a clearance, files a complaint, reads a notification and an email and downloads her certificate
/// (worded in Filipino), all in Filipino; then on another device she switches to English and both devices show English.
/// On the way every screen she sees is kept as a screenshot (journey-fil-NN-*-phone.png, the phone review of issue 26 item 6;
/// what it found is listed in docs/filipino-glossary.md, "Reviewed on a phone") and checked to fit the phone's width.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public partial class FilipinoResidentJourneyTests(EndToEndFixture e2e)
{
    private const string User = "ligaya.santos";
    private const string Address = "ligaya.santos@mail.example";
    private const string Password = "puno ng mangga sa bakuran";

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input|descendant-or-self::textarea").First;

    [Fact]
    public async Task ResidentWhoseBrowserPrefersFilipino_DoesEverythingInFilipino_ThenEnglishOnAnotherDevice()
    {
        // Registers, in Filipino from the first page.
        var phone = await e2e.NewPageAsync(EndToEndFixture.Phone, locale: "fil-PH");
        await phone.GotoAsync("/Identity/Account/Login");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Mag-sign in");
        await LookAsync(phone, "01-sign-in");
        await phone.GetByTestId("register-link").ClickAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Magparehistro");
        await phone.FillAsync("#Input_FirstName", "Ligaya");
        await phone.FillAsync("#Input_LastName", "Santos");
        await phone.FillAsync("#Input_Dob", "1990-03-14");
        await phone.SelectOptionAsync("#Input_Sex", "Female");
        await phone.SelectOptionAsync("#Input_MaritalStatus", "Single");
        await phone.SelectOptionAsync("#Input_Purok", new SelectOptionValue { Index = 1 });
        await phone.FillAsync("#Input_Address", "12 Mabini St.");
        await phone.FillAsync("#Input_ContactNumber", "0918 555 0133");
        await phone.FillAsync("#Input_Email", Address);
        await phone.SetInputFilesAsync("#IdPhoto", new FilePayload { Name = "id.png", MimeType = "image/png", Buffer = SampleFiles.Png });
        await phone.FillAsync("#Input_UserName", User);
        await phone.FillAsync("#Input_Password", Password);
        await phone.CheckAsync("#Input_AcceptPrivacyNotice");
        await LookAsync(phone, "02-register");
        await phone.ClickAsync("#register-submit");
        await Expect(phone.GetByTestId("registration-sent")).ToContainTextAsync("Naipadala na ang iyong pagpaparehistro");
        await LookAsync(phone, "03-registration-sent");

        // The receipt email is in Filipino: the language she registered in.
        var receipt = await EmailAsync(s => s.StartsWith("Natanggap ang pagpaparehistro REG-", StringComparison.Ordinal));
        receipt.Body.Should().Contain("Magandang araw, Ligaya,").And.Contain("Natanggap namin ang iyong pagpaparehistro");
        var reference = Regex.Match(receipt.Subject, @"REG-\d{4}-\d{6}").Value;
        await ShowEmailAsync(phone, receipt, "04-email-registration");

        // Follows her registration with the reference number and her password: waiting for review, in Filipino.
        await phone.GotoAsync("/Identity/Account/RegistrationStatus");
        await phone.FillAsync("#Reference", reference);
        await phone.FillAsync("#Password", Password);
        await phone.GetByTestId("check-status").ClickAsync();
        await Expect(phone.GetByTestId("registration-status")).ToHaveTextAsync("Naghihintay ng pagsusuri");
        await Expect(phone.Locator("main")).Not.ToContainTextAsync(new Regex(@"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"));
        await LookAsync(phone, "05-registration-status");

        // The Citizen's Charter (public, no circuit): the services' steps, fees and times in her language too.
        await phone.GotoAsync("/charter");
        await Expect(phone.Locator("#service-barangay-clearance")).ToContainTextAsync("Bayaran ang fee na ₱100.00");
        await Expect(phone.Locator("#service-barangay-clearance [data-testid=charter-time]")).ToHaveTextAsync("3 araw ng trabaho");
        await Expect(phone.Locator("main")).Not.ToContainTextAsync("Residents of the barangay");
        await LookAsync(phone, "05b-charter");

        // The hall approves (the secretary reads English).
        var official = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await official.GotoAsync("/registrations");
        await EndToEndFixture.WaitInteractiveAsync(official);
        await official.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await official.GetByTestId("approve").ClickAsync();
        await Expect(official.GetByTestId("review-message")).ToContainTextAsync("Approved. The account is active");
        await official.Context.CloseAsync();

        // Signs in: her home is in Filipino.
        await EndToEndFixture.SignInOnAsync(phone, User, Password);
        await Expect(phone.GetByTestId("home-my-profile")).ToHaveTextAsync("Aking profile");
        await LookAsync(phone, "06-home");

        // Requests a clearance.
        await phone.GotoAsync("/my/requests/new");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("request-submit")).ToContainTextAsync("Isumite ang kahilingan");
        await EndToEndFixture.ChooseAsync(phone, "request-type", "Barangay Clearance");
        // The service's validation message is in her language too.
        await phone.GetByTestId("request-submit").ClickAsync();
        await Expect(phone.GetByText("Kailangan ang layunin", new() { Exact = false })).ToBeVisibleAsync();
        await Input(phone, "request-purpose").FillAsync("Para sa trabaho");
        // The certificate's language is offered, starting as the page's.
        await Expect(phone.GetByTestId("request-language")).ToContainTextAsync("Wika ng sertipiko");
        await Expect(phone.GetByRole(AriaRole.Radio, new() { Name = "Filipino" })).ToBeCheckedAsync();
        await LookAsync(phone, "07-request-form");
        await phone.SetViewportSizeAsync(1366, 900);
        await Screenshots.SaveAsync(phone, "journey-fil-request-form-desktop");
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GetByTestId("request-submit").ClickAsync();
        await Expect(phone.GetByTestId("request-ack")).ToBeVisibleAsync();
        var requestId = (await phone.GetByTestId("ack-request-id").InnerTextAsync()).Trim();
        await Expect(phone.GetByTestId("ack-due").First).ToContainTextAsync("araw ng trabaho");
        await LookAsync(phone, "08-request-ack");
        await phone.GetByTestId("ack-open").ClickAsync();
        await phone.WaitForURLAsync(new Regex("/my/requests/[0-9a-f-]{36}$"));
        var id = phone.Url[^36..];
        await Expect(phone.GetByTestId("request-timeline")).ToBeVisibleAsync();
        await LookAsync(phone, "09-request-submitted");

        // Files a complaint: the acknowledgement is in Filipino.
        await phone.GotoAsync("/my/complaints/new");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("complaint-submit")).ToContainTextAsync("Isampa ang reklamo");
        await LookAsync(phone, "10-complaint-form");
        await EndToEndFixture.ChooseAsync(phone, "complaint-category");
        await Input(phone, "complaint-subject").FillAsync("Maingay na karaoke");
        await Input(phone, "complaint-description").FillAsync("Hanggang alas-dos ng madaling araw ang karaoke ng kapitbahay.");
        await phone.GetByTestId("complaint-submit").ClickAsync();
        await Expect(phone.GetByTestId("complaint-ack")).ToContainTextAsync("Natanggap ang reklamo CMP-");
        await Expect(phone.GetByTestId("complaint-ack")).ToContainTextAsync("aabisuhan ka sa bawat pagbabago");
        await LookAsync(phone, "11-complaint-ack");

        // The hall acts on the request (officials in English); she reads the notices and the email in Filipino.
        var secretary = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await secretary.GotoAsync($"/documents/{id}");
        await EndToEndFixture.WaitInteractiveAsync(secretary);
        await secretary.GetByTestId("action-review").ClickAsync();
        await Expect(secretary.GetByTestId("status-chip").First).ToHaveTextAsync("reviewed");
        await secretary.Context.CloseAsync();
        var treasurer = await e2e.SignInAsync(DemoAccounts.TreasurerUser, await PasswordOfAsync(DemoAccounts.TreasurerUser, DemoAccounts.TreasurerPassword), EndToEndFixture.Desktop);
        await treasurer.GotoAsync($"/documents/{id}");
        await EndToEndFixture.WaitInteractiveAsync(treasurer);
        await treasurer.GetByTestId("action-pay").ClickAsync();
        await Input(treasurer, "payment-or").FillAsync("OR-0052611");
        await treasurer.GetByTestId("payment-submit").ClickAsync();
        await Expect(treasurer.GetByTestId("request-fee")).ToContainTextAsync("OR OR-0052611");
        await treasurer.Context.CloseAsync();
        await phone.GotoAsync("/notifications");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("notification-item").First).ToBeVisibleAsync();
        await Expect(phone.Locator(".notification-text").Filter(new() { HasText = requestId }).Filter(new() { HasText = "Nasuri na ng barangay hall" }).First)
            .ToContainTextAsync("iyong kahilingan para sa Barangay Clearance");
        await Expect(phone.Locator("main")).Not.ToContainTextAsync($"request {requestId} received");
        await LookAsync(phone, "12-notifications");
        var reviewed = await EmailAsync(s => s == $"Nasuri na ang {requestId}");
        reviewed.Body.Should().StartWith("Magandang araw, Ligaya,").And.Contain("Makikita mo ito anumang oras sa Aking mga kahilingan.");
        await ShowEmailAsync(phone, reviewed, "13-email-reviewed");

        // The Punong Barangay approves (in English); she downloads the certificate from her request's page, in Filipino.
        var kapitan = await e2e.SignInAsync(DemoAccounts.KapitanUser, await PasswordOfAsync(DemoAccounts.KapitanUser, DemoAccounts.KapitanPassword), EndToEndFixture.Desktop);
        await kapitan.GotoAsync($"/documents/{id}");
        await EndToEndFixture.WaitInteractiveAsync(kapitan);
        await kapitan.GetByTestId("action-approve").ClickAsync();
        await Expect(kapitan.GetByTestId("status-chip").First).ToHaveTextAsync("approved");
        await kapitan.Context.CloseAsync();
        await phone.GotoAsync($"/my/requests/{id}");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "fil");
        await Expect(phone.GetByTestId("request-timeline")).Not.ToContainTextAsync("Submitted");
        await Expect(phone.GetByTestId("download-certificate")).ToContainTextAsync("I-download");
        await LookAsync(phone, "14-request-approved");
        var received = await phone.RunAndWaitForResponseAsync(() => phone.GetByTestId("download-certificate").ClickAsync(),
            r => r.Url.EndsWith($"/documents/{id}/receive", StringComparison.Ordinal));
        received.Status.Should().Be(303);
        var pdf = await phone.Context.APIRequest.GetAsync($"/documents/{id}/certificate.pdf");
        pdf.Status.Should().Be(200);
        pdf.Headers["content-type"].Should().Be("application/pdf");
        var certificate = await CertificateTextAsync(await pdf.BodyAsync());
        certificate.Should().Contain(Squeeze("Ito ay nagpapatunay na si LIGAYA SANTOS")).And.Contain(Squeeze("para sa Para sa trabaho"))
            .And.Contain(Squeeze("taong gulang, walang asawa, naninirahan")).And.Contain("SAKINAUUKULAN:").And.Contain(Squeeze("Ibinigay ngayong ika-")).And.NotContain(Squeeze("This is to certify"));

        // Her account and her messages to the hall, in Filipino.
        await phone.GotoAsync("/Identity/Account/Manage");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Aking account");
        await LookAsync(phone, "15-my-account");
        await phone.GotoAsync("/me");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.Locator("h1").First).ToBeVisibleAsync();
        await LookAsync(phone, "16-my-profile");
        try
        {
            await phone.GotoAsync("/messages/new");
            await EndToEndFixture.WaitInteractiveAsync(phone);
            await Expect(phone.GetByTestId("new-title")).ToHaveTextAsync("Sumulat sa barangay hall");
            await EndToEndFixture.Field(phone, "new-subject").FillAsync("Kailan po bukas ang hall sa Sabado?");
            await EndToEndFixture.Field(phone, "new-body").FillAsync("Magandang araw po. Bukas po ba ang hall sa Sabado ng umaga?");
            await LookAsync(phone, "17-message-new");
            await phone.GetByTestId("new-send").ClickAsync();
            await phone.WaitForURLAsync(u => u.Contains("/messages/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));
            await Expect(phone.GetByTestId("message-sender").First).ToContainTextAsync("Ikaw");
            await LookAsync(phone, "18-message-conversation");
            await phone.GotoAsync("/messages");
            await EndToEndFixture.WaitInteractiveAsync(phone);
            await Expect(phone.GetByTestId("conversation-item").First).ToBeVisibleAsync();
            await LookAsync(phone, "19-messages");
        }
        finally
        {
            await e2e.ClearMessageNotificationsAsync();
        }

        // Another device (its browser prefers Filipino too): the account's Filipino holds; she switches to English there...
        var other = await e2e.SignInAsync(User, Password, EndToEndFixture.Phone, locale: "fil-PH");
        await Expect(other.GetByTestId("home-my-profile")).ToHaveTextAsync("Aking profile");
        await other.GetByTestId("language-switch").ClickAsync();
        await Expect(other.GetByTestId("home-my-profile")).ToHaveTextAsync("My profile");
        await other.GotoAsync("/notifications");
        await EndToEndFixture.WaitInteractiveAsync(other);
        // (The request's notices are one row, showing the newest: the approval.)
        await Expect(other.Locator(".notification-text").Filter(new() { HasText = requestId }).Filter(new() { HasText = "was approved" }).First)
            .ToContainTextAsync("Your Barangay Clearance (");

        // ...and the first phone follows her account on its next page.
        await phone.GotoAsync("/");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("home-my-profile")).ToHaveTextAsync("My profile");
        await phone.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    /// <summary>
    /// Keeps the screen for the phone review (journey-fil-NN-name-phone.png) and checks that it fits: nothing scrolls
    /// sideways and nothing is drawn past the right edge (Filipino runs longer than English).
    /// </summary>
    private static async Task LookAsync(IPage page, string screen)
    {
        await Screenshots.SaveAsync(page, $"journey-fil-{screen}-phone");
        (await PageFit.SidewaysAsync(page)).Should().BeLessThanOrEqualTo(0, $"{screen} must not scroll sideways on the phone");
        (await PageFit.CutAsync(page)).Should().BeEmpty($"nothing on {screen} may run off the phone's screen");
        (await PageFit.SpilledAsync(page)).Should().BeEmpty($"no text on {screen} may spill out of its box");
    }

    /// <summary>The email as her phone's mail app shows it (the local transport's .eml, its body in a page of its own: our own HTML, or the text).</summary>
    private static async Task ShowEmailAsync(IPage phone, Eml email, string screen)
    {
        var mail = await phone.Context.NewPageAsync();
        await mail.SetContentAsync($$"""
            <!DOCTYPE html><html lang="fil"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font:16px/1.45 sans-serif;margin:0}header{background:#eee;padding:12px}main{padding:12px;overflow-wrap:anywhere{{(email.IsHtml ? "" : ";white-space:pre-wrap")}}}</style></head>
            <body><header><b>{{System.Net.WebUtility.HtmlEncode(email.Subject)}}</b><br>{{Address}}</header><main>{{(email.IsHtml ? email.Body : System.Net.WebUtility.HtmlEncode(email.Body))}}</main></body></html>
            """);
        await LookAsync(mail, screen);
        await mail.CloseAsync();
    }

    /// <summary>
    /// The officer's demo password; the test database's demo may start the Punong Barangay and the treasurer without one
    /// (then another test may already have given one), so a password is set here when it does not work.
    /// </summary>
    private async Task<string> PasswordOfAsync(string userName, string demoPassword)
    {
        await using var services = new TestServices(e2e.Database.AppConnectionString);
        var users = services.Get<Microsoft.AspNetCore.Identity.UserManager<Barangay.Data.Accounts.User>>();
        var user = (await users.FindByNameAsync(userName))!;
        if (await users.CheckPasswordAsync(user, demoPassword)) return demoPassword;
        const string testPassword = "Journey#2026 officer password";
        if (await users.CheckPasswordAsync(user, testPassword)) return testPassword;
        if (await users.HasPasswordAsync(user)) (await users.RemovePasswordAsync(user)).Succeeded.Should().BeTrue();
        (await users.AddPasswordAsync(user, testPassword)).Succeeded.Should().BeTrue();
        return testPassword;
    }

    /// <summary>The certificate's text as PdfPig reads it back (white space removed: PdfPig joins the drawn words), saved beside the screenshots.</summary>
    private static async Task<string> CertificateTextAsync(byte[] bytes)
    {
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "journey-fil-certificate.pdf"), bytes);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        return Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
    }

    private static string Squeeze(string s) => Regex.Replace(s, @"\s", "");

    private sealed record Eml(string Subject, string Body, bool IsHtml);

    /// <summary>The newest email to her written by the local mail transport (.eml files under the app's data folder), decoded.</summary>
    private async Task<Eml> EmailAsync(Func<string, bool> subject)
    {
        Eml? found = null;
        await JobsTestHost.WaitUntilAsync(() =>
        {
            var dir = Path.Combine(e2e.App.DataRoot, "mail");
            found = Directory.Exists(dir)
                ? Directory.GetFiles(dir, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc).Select(f => Parse(File.ReadAllText(f)))
                    .FirstOrDefault(m => m is not null && subject(m.Subject))
                : null;
            return Task.FromResult(found is not null);
        }, "her email");
        return found!;
    }

    private static Eml? Parse(string eml)
    {
        if (!eml.Contains($"To: {Address}\r\n", StringComparison.Ordinal)) return null;
        var raw = Regex.Match(eml, @"^Subject: (.*)\r$", RegexOptions.Multiline).Groups[1].Value;
        var encoded = Regex.Match(raw, @"^=\?utf-8\?B\?(.*)\?=$");
        var subject = encoded.Success ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Groups[1].Value)) : raw;
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(eml.Split("\r\n\r\n", 2)[1].Split('\n').Select(l => l.Trim()))));
        return new Eml(subject, body, eml.Contains("Content-Type: text/html", StringComparison.Ordinal));
    }
}
