using System.Text.RegularExpressions;
using Barangay.Data.Accounts.MobileCodes;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 24 item 1 in Chromium on a phone: a resident with a mobile number and no email registers with a texted code,
/// is approved, and signs in with a texted code. The texts are read from the fake SMS gateway the app sends through.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class MobileOnlyResidentTests(EndToEndFixture e2e)
{
    private const string Number = "+639175550202";
    private const string Password = "dalawang kalabaw sa palayan";

    /// <summary>The newest text to <see cref="Number"/> that matches, once the app's SMS job has sent it.</summary>
    private Task<string> TextAsync(Regex match, int after) => e2e.Sms.WaitForTextAsync(Number, match, after, TimeSpan.FromSeconds(60));

    private int TextsSoFar => e2e.Sms.CountTo(Number);

    private async Task<string> AskForCodeAsync(IPage page, string typed, string number = Number)
    {
        var before = e2e.Sms.CountTo(number);
        await page.FillAsync("#PhoneNumber", typed);
        await page.ClickAsync("#sms-send-button");
        await Expect(page.GetByTestId("sms-notice")).ToBeVisibleAsync();
        return CodeIn().Match(await e2e.Sms.WaitForTextAsync(number, CodeIn(), before, TimeSpan.FromSeconds(60))).Value;
    }

    [Fact]
    public async Task ResidentWithoutEmail_RegistersWithATextedCode_IsApproved_AndSignsInWithACode()
    {
        var phone = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await phone.GotoAsync("/Identity/Account/Login");
        await phone.GetByTestId("register-link").ClickAsync();
        await phone.GetByTestId("register-by-mobile").ClickAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Register with your mobile number");

        // A number that is not a Philippine mobile number is refused, saying how to write one.
        await phone.FillAsync("#PhoneNumber", "0917 555");
        await phone.ClickAsync("#sms-send-button");
        await Expect(phone.GetByTestId("phone-error")).ToHaveTextAsync(MobileCodeService.BadNumber);
        await Screenshots.SaveAsync(phone, "sms-code-bad-number-phone");

        var code = await AskForCodeAsync(phone, "0917 555 0202");
        await Expect(phone.GetByTestId("sms-notice")).ToContainTextAsync("A 6-digit code is on its way to 0917 555 0202");
        await Screenshots.SaveAsync(phone, "sms-code-sent-phone");
        await phone.FillAsync("#Code", code);
        await phone.ClickAsync("#sms-verify-button");
        await Expect(phone.GetByTestId("mobile-verified")).ToContainTextAsync("Mobile number confirmed: 0917 555 0202");
        await Expect(phone.Locator("#Input_ContactNumber")).ToHaveValueAsync("0917 555 0202");

        await phone.FillAsync("#Input_FirstName", "Teodora");
        await phone.FillAsync("#Input_LastName", "Pangilinan");
        await phone.FillAsync("#Input_Dob", "1971-02-14");
        await phone.SelectOptionAsync("#Input_Sex", "Female");
        await phone.SelectOptionAsync("#Input_MaritalStatus", "Widowed");
        await phone.SelectOptionAsync("#Input_Purok", new SelectOptionValue { Index = 1 });
        await phone.FillAsync("#Input_Address", "3 Bonifacio St.");
        await phone.SetInputFilesAsync("#IdPhoto", new FilePayload { Name = "id.png", MimeType = "image/png", Buffer = SampleFiles.Png });
        await phone.FillAsync("#Input_UserName", "teodora.p");
        await phone.FillAsync("#Input_Password", Password);
        await phone.CheckAsync("#Input_AcceptPrivacyNotice");
        await Screenshots.SaveAsync(phone, "register-mobile-only-phone");
        var before = TextsSoFar;
        await phone.ClickAsync("#register-submit");
        await Expect(phone.GetByTestId("registration-sent")).ToContainTextAsync("We texted your reference number");
        var reference = Regex.Match(await TextAsync(new Regex("REG-"), before), @"REG-\d{4}-\d{6}").Value;
        reference.Should().NotBeEmpty();
        await phone.Context.CloseAsync();

        var official = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await official.GotoAsync("/registrations");
        await EndToEndFixture.WaitInteractiveAsync(official);
        await official.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(official.GetByTestId("applicant-name")).ToHaveTextAsync("Teodora Pangilinan");
        before = TextsSoFar;
        await official.GetByTestId("approve").ClickAsync();
        await Expect(official.GetByTestId("review-message")).ToContainTextAsync("Approved. The account is active");
        await official.Context.CloseAsync();
        (await TextAsync(new Regex("approved"), before)).Should().Contain("/Identity/Account/SmsCode?for=sign-in");

        // An official's phone bar (with the resident search) shows the barangay's name whole, on two lines if need be.
        var officialPhone = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Phone);
        (await officialPhone.GetByTestId("barangay-name").EvaluateAsync<bool>("el => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1"))
            .Should().BeTrue("the barangay's name is not cut on an official's phone");
        await Screenshots.SaveAsync(officialPhone, "official-app-bar-phone");
        await officialPhone.Context.CloseAsync();

        var signIn = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await signIn.GotoAsync("/Identity/Account/Login");
        await signIn.GetByTestId("sms-sign-in-link").ClickAsync();
        await Expect(signIn.Locator("h1")).ToHaveTextAsync("Sign in with a text code");
        var signInCode = await AskForCodeAsync(signIn, "+63 917 555 0202");
        // The answer does not say whether the number has an account.
        await Expect(signIn.GetByTestId("sms-notice")).ToContainTextAsync("If 0917 555 0202 belongs to a resident account");
        var overflow = await signIn.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "the page must not scroll sideways on a phone");
        await Screenshots.SaveAsync(signIn, "sms-sign-in-code-phone");
        var wrong = signInCode == "000000" ? "111111" : "000000";
        await signIn.FillAsync("#Code", wrong);
        await signIn.ClickAsync("#sms-verify-button");
        await Expect(signIn.GetByTestId("code-error")).ToHaveTextAsync("The code is not correct or has expired. Check the latest text, or ask for a new code.");
        await signIn.FillAsync("#Code", signInCode);
        await signIn.ClickAsync("#sms-verify-button");
        await signIn.WaitForURLAsync(u => !u.Contains("/Identity/Account/", StringComparison.Ordinal));
        await Expect(signIn.Locator("#resident-home")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(signIn, "mobile-only-resident-home-phone");
        await signIn.Context.CloseAsync();

        // The hall's desktop view of the same page, for the screenshot.
        var desk = await e2e.NewPageAsync(EndToEndFixture.Desktop);
        await desk.GotoAsync("/Identity/Account/SmsCode?for=sign-in");
        await Expect(desk.Locator("#sms-send-button")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(desk, "sms-sign-in-desktop");
        await desk.Context.CloseAsync();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodeIn();
}
