using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// The language a person reads: the browser's on a first visit, the switch on the sign-in page and in the app bar,
/// and a signed-in person's choice follows them to another device.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class LanguageChoiceTests(EndToEndFixture e2e)
{
    /// <summary>A month only English writes this way (Mar and May are the same in Filipino).</summary>
    private static readonly System.Text.RegularExpressions.Regex EnglishDate = new("(Jan|Feb|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}, 20\\d\\d");

    [Fact]
    public async Task SignInPage_BrowserPrefersFilipino_IsFilipinoUntilSwitched()
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone, locale: "fil-PH");
        await page.GotoAsync("/Identity/Account/Login");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mag-sign in");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fil");
        await Expect(page.Locator("label[for=Input_UserName]")).ToHaveTextAsync("Username o email");
        await Screenshots.SaveAsync(page, "sign-in-phone-fil");

        // A wrong password is explained in Filipino too.
        await page.FillAsync("#Input_UserName", "nobody-here");
        await page.FillAsync("#Input_Password", "not the password");
        await page.ClickAsync("#login-submit");
        await Expect(page.GetByTestId("login-errors")).ToContainTextAsync("Mali ang username o password.");

        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        page.Url.Should().Contain("/Identity/Account/Login", "the switch brings the person back to the page they were on");
        await page.Context.CloseAsync();
    }

    /// <summary>The Identity pages the stock UI would show in English (lockout, access denied, resend the confirmation) are ours, in the reader's language.</summary>
    [Fact]
    public async Task IdentityPagesTheStockUiServes_AreInFilipino()
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone, locale: "fil-PH");
        await page.GotoAsync("/Identity/Account/Lockout");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Naka-pause ang pag-sign in");
        await Expect(page.GetByTestId("lockout-message")).ToContainTextAsync("Masyadong maraming maling subok");
        await page.GotoAsync("/Identity/Account/AccessDenied");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hindi para sa iyong account ang pahinang ito");
        await page.GotoAsync("/Identity/Account/ResendEmailConfirmation");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ipadala muli ang email ng kumpirmasyon");
        await page.GetByTestId("resend-submit").ClickAsync();
        await Expect(page.Locator("[role=alert]").First).ToContainTextAsync("Ilagay ang iyong email address.");
        await page.FillAsync("#Input_Email", "walang-account@mail.example");
        await page.GetByTestId("resend-submit").ClickAsync();
        await Expect(page.GetByTestId("resend-sent")).ToContainTextAsync("Pakitingnan ang iyong email.");
        await Expect(page.Locator("main, body").First).Not.ToContainTextAsync("Resend");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The ID photo field of the registration: Chromium's own file button reads "Choose File / No file chosen" in the
    /// phone's language, whatever the page's; ours names the button and the chosen file in the page's language.
    /// </summary>
    [Fact]
    public async Task RegistrationPhotoField_SpeaksThePagesLanguage_AndNamesTheChosenFile()
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone, locale: "fil-PH");
        await page.GotoAsync("/Identity/Account/Register");
        var button = page.Locator("label[for=IdPhoto]");
        await Expect(button).ToHaveTextAsync("Pumili ng litrato ng iyong ID");
        await Expect(page.GetByTestId("register-photo-chosen")).ToHaveTextAsync("Wala pang napiling litrato");
        // The browser's own button is not seen: the real field lies transparent over the page's button, the same box.
        await Expect(button).ToBeVisibleAsync();
        var field = (await page.Locator("#IdPhoto").BoundingBoxAsync())!;
        var drawn = (await button.BoundingBoxAsync())!;
        field.Width.Should().BeGreaterThan(drawn.Width - 4).And.BeLessThanOrEqualTo(drawn.Width);
        (await page.Locator("#IdPhoto").EvaluateAsync<string>("i => getComputedStyle(i).opacity")).Should().Be("0");
        // Reached by the keyboard, the ring shows on the button the hidden field stands for.
        await page.FocusAsync("#Input_Email");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#IdPhoto")).ToBeFocusedAsync();
        (await button.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle")).Should().Be("solid");
        await Screenshots.SaveAsync(page, "register-photo-field-focused-phone-fil");

        // Pressing the page's button opens the phone's file chooser, and the chosen file is named.
        var chooser = await page.RunAndWaitForFileChooserAsync(() => button.ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "aking-id.png", MimeType = "image/png", Buffer = Barangay.Tests.Data.Files.SampleFiles.Png });
        await Expect(page.GetByTestId("register-photo-chosen")).ToHaveTextAsync("aking-id.png");
        await Screenshots.SaveAsync(page, "register-photo-field-phone-fil");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Resident_SwitchesInTheAppBar_WithoutReload_AndTheChoiceFollowsToAnotherDevice()
    {
        var phone = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone, locale: "fil-PH");
        await Expect(phone.Locator("#resident-home")).ToContainTextAsync("Maligayang pagdating");
        await Expect(phone.GetByTestId("home-my-profile")).ToHaveTextAsync("Aking profile");
        await Screenshots.SaveAsync(phone, "resident-home-phone-fil");
        // Dates on the page are in Filipino too (the demo resident has requests with deadlines).
        await Expect(phone.Locator("#main-content, .main-content").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("(Ene|Peb|Mar|Abr|May|Hun|Hul|Ago|Set|Okt|Nob|Dis) \\d{1,2}, 20\\d\\d"));
        await Expect(phone.Locator(".main-content").First).Not.ToContainTextAsync(EnglishDate);

        // Switch to English in the app bar: the page changes language in place (a marker set on the window survives).
        await phone.EvaluateAsync("() => window.__sameDocument = true");
        await phone.GetByTestId("language-switch").ClickAsync();
        await Expect(phone.GetByTestId("home-my-profile")).ToHaveTextAsync("My profile");
        (await phone.EvaluateAsync<bool>("() => window.__sameDocument === true")).Should().BeTrue("switching must not reload the page");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(phone.Locator(".main-content").First).ToContainTextAsync(EnglishDate);

        // Another device whose browser prefers Filipino: the account's choice (English) wins.
        var other = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone, locale: "fil-PH");
        await Expect(other.GetByTestId("home-my-profile")).ToHaveTextAsync("My profile");

        // Back to Filipino there; the first device shows Filipino on its next visit.
        await other.GetByTestId("language-switch").ClickAsync();
        await Expect(other.GetByTestId("home-my-profile")).ToHaveTextAsync("Aking profile");
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("home-my-profile")).ToHaveTextAsync("Aking profile");

        // The resident's other pages, for people to look at on a phone.
        foreach (var (path, name) in new[] { ("/my/requests/new", "request-new"), ("/my/complaints", "my-complaints"), ("/notifications", "notifications") })
        {
            await phone.GotoAsync(path);
            await EndToEndFixture.WaitInteractiveAsync(phone);
            await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "fil");
            await Screenshots.SaveAsync(phone, $"{name}-phone-fil");
        }
        await phone.GotoAsync("/");

        // Leave the demo resident in English for the other tests.
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await phone.GetByTestId("language-switch").ClickAsync();
        await Expect(phone.GetByTestId("home-my-profile")).ToHaveTextAsync("My profile");
        await phone.Context.CloseAsync();
        await other.Context.CloseAsync();
    }
}
