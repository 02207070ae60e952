using Barangay.Data.Seed;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>A new resident joins from a phone; an official reviews; the resident signs in to their home.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class SelfRegistrationTests(EndToEndFixture e2e)
{
    private const string Password = "tatlong bibe sa ilog";

    private static async Task FillFormAsync(IPage page, string user, string dob)
    {
        await page.FillAsync("#Input_FirstName", "Rosario");
        await page.FillAsync("#Input_MiddleName", "Lim");
        await page.FillAsync("#Input_LastName", "Magbanua");
        await page.FillAsync("#Input_Dob", dob);
        await page.SelectOptionAsync("#Input_Sex", "Female");
        await page.SelectOptionAsync("#Input_MaritalStatus", "Married");
        await page.SelectOptionAsync("#Input_Purok", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Input_Address", "45 Rizal St.");
        await page.FillAsync("#Input_ContactNumber", "0917 555 0101");
        await page.FillAsync("#Input_Email", $"{user}@mail.example");
        await page.SetInputFilesAsync("#IdPhoto", new FilePayload { Name = "my-id.png", MimeType = "image/png", Buffer = SampleFiles.Png });
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", Password);
        await page.CheckAsync("#Input_AcceptPrivacyNotice");
    }

    [Fact]
    public async Task NewResident_RegistersOnPhone_OfficialApproves_ResidentSignsInToHome()
    {
        var phone = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await phone.GotoAsync("/Identity/Account/Login");
        await phone.GetByTestId("register-link").ClickAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Register");

        // A 15-year-old is refused, by field, and nothing is kept but what they typed.
        await FillFormAsync(phone, "rosario.m", TestClock.ManilaToday.AddYears(-15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await phone.ClickAsync("#register-submit");
        await Expect(phone.GetByTestId("register-errors")).ToContainTextAsync("residents aged 16 to 90 may register themselves");
        await Expect(phone.Locator("#Input_FirstName")).ToHaveValueAsync("Rosario");
        // What is not kept is said plainly, next to the fields to fill again.
        await Expect(phone.GetByTestId("register-reenter")).ToContainTextAsync("Choose your ID photo again and type your password again");
        await Expect(phone.GetByTestId("register-photo-again")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("register-photo-chosen")).ToHaveTextAsync("No photo chosen yet");
        await Expect(phone.GetByTestId("register-password-again")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone, "register-error-phone");

        await FillFormAsync(phone, "rosario.m", "1988-07-21");
        // The chosen picture is named beside the page's own button (the browser's button would speak its own language).
        await Expect(phone.GetByTestId("register-photo-chosen")).ToHaveTextAsync("my-id.png");
        await Screenshots.SaveAsync(phone, "register-form-phone");
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "the form must not scroll sideways on a phone");
        await phone.ClickAsync("#register-submit");
        // The page answers the same whether or not the address already had an account: the number goes by email.
        await Expect(phone.GetByTestId("registration-sent")).ToContainTextAsync("We emailed your reference number");
        await Screenshots.SaveAsync(phone, "registration-sent-phone");
        var emailed = await ReferenceEmailedToAsync("rosario.m@mail.example");
        await phone.FillAsync("#Reference", emailed);
        await phone.FillAsync("#Password", Password);
        await phone.GetByTestId("check-status").ClickAsync();
        await Expect(phone.GetByTestId("registration-status")).ToContainTextAsync("Waiting for review");
        var reference = (await phone.GetByTestId("registration-ref").InnerTextAsync()).Trim();
        reference.Should().MatchRegex(@"^REG-\d{4}-\d{6}$").And.Be(emailed);
        await Expect(phone.GetByTestId("registration-eta")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone, "registration-status-phone");

        // Pending: the account cannot sign in yet.
        var early = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await early.GotoAsync("/Identity/Account/Login");
        await early.FillAsync("#Input_UserName", "rosario.m");
        await early.FillAsync("#Input_Password", Password);
        await early.ClickAsync("#login-submit");
        await Expect(early.GetByTestId("login-errors")).ToContainTextAsync("still being reviewed");
        await early.Context.CloseAsync();

        var official = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await official.GotoAsync("/registrations");
        await EndToEndFixture.WaitInteractiveAsync(official);
        await official.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(official.GetByTestId("applicant-name")).ToHaveTextAsync("Rosario Lim Magbanua");
        await Expect(official.GetByTestId("id-photo")).ToBeAttachedAsync();
        await Screenshots.SaveAsync(official, "registration-review-desktop");
        await official.GetByTestId("approve").ClickAsync();
        await Expect(official.GetByTestId("review-message")).ToContainTextAsync("Approved. The account is active");
        await Expect(official.GetByTestId("review-status")).ToHaveTextAsync("approved");
        await official.Context.CloseAsync();

        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("registration-status")).ToContainTextAsync("Approved");
        await phone.GetByTestId("go-sign-in").ClickAsync();
        await phone.FillAsync("#Input_UserName", "rosario.m");
        await phone.FillAsync("#Input_Password", Password);
        await phone.ClickAsync("#login-submit");
        await phone.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        await Expect(phone.Locator("#resident-home")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone, "registered-resident-home-phone");
        await phone.Context.CloseAsync();
    }

    private async Task<string> ReferenceEmailedToAsync(string address)
    {
        await using var conn = new Npgsql.NpgsqlConnection(e2e.Database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT subject, body FROM email_queue WHERE to_email = @to AND subject LIKE 'Registration % received'", conn);
        cmd.Parameters.AddWithValue("to", address);
        await using var row = await cmd.ExecuteReaderAsync();
        (await row.ReadAsync()).Should().BeTrue("the registration's receipt is emailed");
        var subject = row.GetString(0);
        var reference = System.Text.RegularExpressions.Regex.Match(subject, @"REG-\d{4}-\d{6}").Value;
        // The status link is absolute and on the configured public address (never a bare path a mail client cannot open).
        row.GetString(1).Should().Contain($"href=\"{e2e.App.Url}/Identity/Account/RegistrationStatus?ref={reference}\"");
        return reference;
    }
}
