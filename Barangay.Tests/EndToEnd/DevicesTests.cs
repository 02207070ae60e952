using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>"Your devices": a resident signs out a forgotten device, and its open page ends within a minute.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class DevicesTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task SignOutOtherDevices_EndsTheOpenPageOnTheOtherDevice_WithinAMinute()
    {
        var forgotten = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Desktop);
        await Expect(forgotten.Locator("#resident-home")).ToBeVisibleAsync();

        var phone = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        await phone.GotoAsync("/me/devices");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("this-device")).ToHaveCountAsync(1);
        (await phone.GetByTestId("device").CountAsync()).Should().BeGreaterThanOrEqualTo(2);
        await Screenshots.SaveAsync(phone, "my-devices-phone");
        await phone.GetByTestId("sign-out-others").ClickAsync();
        await Expect(phone.GetByTestId("devices-message")).ToContainTextAsync("Signed out");
        await Expect(phone.GetByTestId("device")).ToHaveCountAsync(1);

        // The forgotten device's open page (a live circuit) revalidates every minute and signs itself out.
        await Expect(forgotten.GetByTestId("user-chip")).ToBeHiddenAsync(new() { Timeout = 75_000 });
        await forgotten.ReloadAsync();
        await Expect(forgotten).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"));

        // This device stays signed in.
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("this-device")).ToBeVisibleAsync();
        await phone.Context.CloseAsync();
        await forgotten.Context.CloseAsync();
    }
}
