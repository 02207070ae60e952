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
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public partial class FilipinoResidentJourneyTests(EndToEndFixture e2e)
{
    private const string User = "ligaya.santos";
    private const string Address = "ligaya.santos@mail.example";
    private const string Password = "puno ng mangga sa bakuran";

    private async Task<IPage> FilipinoPhoneAsync()
    {
        var context = await e2e.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = e2e.App.Url,
            ViewportSize = EndToEndFixture.Phone,
            IsMobile = true,
            HasTouch = true,
            Locale = "fil-PH",
            TimezoneId = "Asia/Manila",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input|descendant-or-self::textarea").First;

    [Fact]
    public async Task ResidentWhoseBrowserPrefersFilipino_DoesEverythingInFilipino_ThenEnglishOnAnotherDevice()
    {
        // Registers, in Filipino from the first page.
        var phone = await FilipinoPhoneAsync();
        await phone.GotoAsync("/Identity/Account/Login");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Mag-sign in");
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
        await phone.ClickAsync("#register-submit");
        await Expect(phone.GetByTestId("registration-sent")).ToContainTextAsync("Naipadala na ang iyong pagpaparehistro");

        // The receipt email is in Filipino: the language she registered in.
        var receipt = await EmailAsync(s => s.StartsWith("Natanggap ang pagpaparehistro REG-", StringComparison.Ordinal));
        receipt.Body.Should().Contain("Magandang araw, Ligaya,").And.Contain("Natanggap namin ang iyong pagpaparehistro");
        var reference = Regex.Match(receipt.Subject, @"REG-\d{4}-\d{6}").Value;

        // The hall approves (the secretary reads English).
        var official = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await official.GotoAsync("/registrations");
        await EndToEndFixture.WaitInteractiveAsync(official);
        await official.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await official.GetByTestId("approve").ClickAsync();
        await Expect(official.GetByTestId("review-message")).ToContainTextAsync("Approved. The account is active");
        await official.Context.CloseAsync();

        // Signs in: her home is in Filipino.
        await phone.GotoAsync("/Identity/Account/Login");
        await phone.FillAsync("#Input_UserName", User);
        await phone.FillAsync("#Input_Password", Password);
        await phone.ClickAsync("#login-submit");
        await phone.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("home-my-profile")).ToHaveTextAsync("Aking profile");

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
        await Screenshots.SaveAsync(phone, "journey-fil-request-form-phone");
        await phone.SetViewportSizeAsync(1366, 900);
        await Screenshots.SaveAsync(phone, "journey-fil-request-form-desktop");
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GetByTestId("request-submit").ClickAsync();
        await Expect(phone.GetByTestId("request-ack")).ToBeVisibleAsync();
        var requestId = (await phone.GetByTestId("ack-request-id").InnerTextAsync()).Trim();
        await Expect(phone.GetByTestId("ack-due").First).ToContainTextAsync("araw ng trabaho");
        await Screenshots.SaveAsync(phone, "journey-fil-request-ack-phone");
        await phone.GetByTestId("ack-open").ClickAsync();
        await phone.WaitForURLAsync(new Regex("/my/requests/[0-9a-f-]{36}$"));
        var id = phone.Url[^36..];

        // Files a complaint: the acknowledgement is in Filipino.
        await phone.GotoAsync("/my/complaints/new");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("complaint-submit")).ToContainTextAsync("Isampa ang reklamo");
        await EndToEndFixture.ChooseAsync(phone, "complaint-category");
        await Input(phone, "complaint-subject").FillAsync("Maingay na karaoke");
        await Input(phone, "complaint-description").FillAsync("Hanggang alas-dos ng madaling araw ang karaoke ng kapitbahay.");
        await phone.GetByTestId("complaint-submit").ClickAsync();
        await Expect(phone.GetByTestId("complaint-ack")).ToContainTextAsync("Natanggap ang reklamo CMP-");
        await Expect(phone.GetByTestId("complaint-ack")).ToContainTextAsync("aabisuhan ka sa bawat pagbabago");
        await Screenshots.SaveAsync(phone, "journey-fil-complaint-ack-phone");

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
        await Screenshots.SaveAsync(phone, "journey-fil-notifications-phone");
        var reviewed = await EmailAsync(s => s == $"Nasuri na ang {requestId}");
        reviewed.Body.Should().StartWith("Magandang araw, Ligaya,").And.Contain("Makikita mo ito anumang oras sa Aking mga kahilingan.");

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
        await Screenshots.SaveAsync(phone, "journey-fil-request-phone");
        var received = await phone.RunAndWaitForResponseAsync(() => phone.GetByTestId("download-certificate").ClickAsync(),
            r => r.Url.EndsWith($"/documents/{id}/receive", StringComparison.Ordinal));
        received.Status.Should().Be(303);
        var pdf = await phone.Context.APIRequest.GetAsync($"/documents/{id}/certificate.pdf");
        pdf.Status.Should().Be(200);
        pdf.Headers["content-type"].Should().Be("application/pdf");
        var certificate = await CertificateTextAsync(await pdf.BodyAsync());
        certificate.Should().Contain(Squeeze("Ito ay nagpapatunay na si LIGAYA SANTOS")).And.Contain(Squeeze("para sa Para sa trabaho"))
            .And.Contain(Squeeze("taong gulang, walang asawa, naninirahan")).And.Contain("SAKINAUUKULAN:").And.Contain(Squeeze("Ibinigay ngayong ika-")).And.NotContain(Squeeze("This is to certify"));

        // Another device (its browser prefers Filipino too): the account's Filipino holds; she switches to English there...
        var other = await FilipinoPhoneAsync();
        await other.GotoAsync("/");
        await other.FillAsync("#Input_UserName", User);
        await other.FillAsync("#Input_Password", Password);
        await other.ClickAsync("#login-submit");
        await other.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        await EndToEndFixture.WaitInteractiveAsync(other);
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

    private sealed record Eml(string Subject, string Body);

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
        return new Eml(subject, body);
    }
}
