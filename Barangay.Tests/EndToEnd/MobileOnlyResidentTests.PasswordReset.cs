using System.Text.RegularExpressions;
using Barangay.Data.Accounts;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

public sealed partial class MobileOnlyResidentTests
{
    private const string ResetNumber = "+639175550303";
    private const string OldPassword = "tatlong bangka sa ilog";
    private const string NewPassword = "apat na kalabaw sa bukid";

    /// <summary>A resident account with a password and a proved number and no email, as an approved mobile-only registration leaves it.</summary>
    private async Task CreateMobileOnlyResidentAsync(string userName)
    {
        await using var services = new TestServices(e2e.Database.AppConnectionString);
        await using var db = await services.DbAsync();
        var user = new User
        {
            Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), FullName = "Ligaya Macaraeg",
            Status = UserStatuses.Active, PhoneNumber = ResetNumber, PhoneNumberConfirmed = true, LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), Roles = [AppRoles.Resident],
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, OldPassword);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ResidentWithoutEmail_ForgotPassword_ResetsItWithATextedCode_AndEveryDeviceIsSignedOut()
    {
        await CreateMobileOnlyResidentAsync("ligaya.m");
        // Signed in on another device, which the reset must sign out.
        var other = await e2e.SignInAsync("ligaya.m", OldPassword, EndToEndFixture.Desktop);

        var phone = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await phone.GotoAsync("/Identity/Account/Login");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await phone.GetByTestId("reset-by-text-link").ClickAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Reset your password with a text code");
        var code = await AskForCodeAsync(phone, "0917 555 0303", ResetNumber);
        await Expect(phone.GetByTestId("sms-notice")).ToContainTextAsync("If 0917 555 0303 belongs to a resident account");
        await phone.FillAsync("#Code", code);
        await phone.ClickAsync("#sms-verify-button");
        await Expect(phone.GetByTestId("sms-code-accepted")).ToBeVisibleAsync();

        // Two passwords that differ are refused under the second, and the form stays usable.
        await phone.FillAsync("#NewPassword", NewPassword);
        await phone.FillAsync("#ConfirmPassword", NewPassword + " din");
        await phone.ClickAsync("#sms-reset-button");
        await Expect(phone.GetByTestId("confirm-password-error")).ToHaveTextAsync("Confirm new password: the two passwords are not the same.");
        await Screenshots.SaveAsync(phone, "sms-new-password-phone");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
            .Should().BeLessThanOrEqualTo(0, "the page must not scroll sideways on a phone");

        var before = e2e.Sms.CountTo(ResetNumber);
        await phone.FillAsync("#NewPassword", NewPassword);
        await phone.FillAsync("#ConfirmPassword", NewPassword);
        await phone.ClickAsync("#sms-reset-button");
        await Expect(phone.GetByTestId("reset-password-done")).ToContainTextAsync("Your password has been reset.", new() { Timeout = 15_000 });
        (await e2e.Sms.WaitForTextAsync(ResetNumber, new Regex("password was changed"), before, TimeSpan.FromSeconds(60)))
            .Should().Contain("signed out");

        // The other device is signed out at its next request.
        await other.GotoAsync("/");
        await Expect(other.Locator("#Input_UserName")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await other.Context.CloseAsync();

        // The old password no longer signs in; the new one does.
        await phone.GotoAsync("/Identity/Account/Login");
        await phone.FillAsync("#Input_UserName", "ligaya.m");
        await phone.FillAsync("#Input_Password", OldPassword);
        await phone.ClickAsync("#login-submit");
        await Expect(phone.GetByTestId("login-errors")).ToHaveTextAsync(Barangay.App.Areas.Identity.Pages.Account.LoginModel.WrongCredentials, new() { Timeout = 15_000 });
        await phone.Context.CloseAsync();
        var signedIn = await e2e.SignInAsync("ligaya.m", NewPassword, EndToEndFixture.Phone);
        signedIn.Url.Should().NotContain("/Identity/Account/");
        await signedIn.Context.CloseAsync();

        var desk = await e2e.NewPageAsync(EndToEndFixture.Desktop);
        await desk.GotoAsync("/Identity/Account/SmsCode?for=password-reset");
        await Expect(desk.Locator("#sms-send-button")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(desk, "sms-password-reset-desktop");
        await desk.Context.CloseAsync();
    }
}
