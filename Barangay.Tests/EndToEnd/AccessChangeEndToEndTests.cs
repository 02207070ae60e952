using Barangay.Data.Accounts;
using Barangay.Data.Files;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// An official retired on the roster while their page is open loses the official's rights on that open page at its
/// next revalidation, without a reload: the page is sent to sign-in. The app runs with a short revalidation interval
/// (Sessions:RevalidationSeconds) so the test waits seconds, not a minute; another official's open page stays.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class AccessChangeEndToEndTests(EndToEndFixture e2e)
{
    private const string Password = "Tanod-Password-2026!";

    [Fact]
    public async Task RetiredOfficial_OpenResidentsPage_IsSentToSignIn_WhileAnotherOfficialsPageStays()
    {
        await using var app = await AppProcess.StartAsync(e2e.Database.AppConnectionString, new Dictionary<string, string>
        {
            ["Sessions__RevalidationSeconds"] = "2",
        });
        var dataRoot = Path.Combine(Path.GetTempPath(), "barangay-acc-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        await using var services = new TestServices(e2e.Database.AppConnectionString, s =>
        {
            s.AddBarangayFiles(new FileStorageOptions { DataRoot = dataRoot });
            s.AddScoped<OfficialAdminService>();
        });
        var userName = "tanod-" + Guid.NewGuid().ToString("N")[..8];
        var user = new User
        {
            UserName = userName, Email = $"{userName}@sanisidro.example", EmailConfirmed = true, FullName = "Pedro R. Bantay",
            Roles = [AppRoles.Resident], Status = UserStatuses.Active, LockoutEnabled = true,
        };
        (await services.Get<UserManager<User>>().CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        await services.SignInAsAsync(DemoAccounts.AdminUser);
        var officials = services.Get<OfficialAdminService>();
        var created = await officials.CreateAsync(user.Id, new OfficialEdit
        {
            Position = OfficialPositions.Tanod, TermStart = new DateOnly(2026, 1, 5), TermEnd = new DateOnly(2028, 11, 30),
        });
        created.Ok.Should().BeTrue(created.Message);

        var tanod = await e2e.SignInAsync(userName, Password, EndToEndFixture.Desktop, app.Url);
        var bystander = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop, app.Url);
        try
        {
            foreach (var page in new[] { tanod, bystander })
            {
                await page.GotoAsync("/residents");
                await EndToEndFixture.WaitInteractiveAsync(page);
                await page.GetByTestId("residents-grid").WaitForAsync();
                page.Url.Should().EndWith("/residents");
            }

            var retired = await officials.ChangeStatusAsync(created.Value!.Row.Id, OfficialStatuses.Former, created.Value.Row.UpdatedAt);
            retired.Ok.Should().BeTrue(retired.Message);

            // No reload: the open circuit revalidates (every 2 s here, under a minute by default) and signs the page out.
            await tanod.WaitForURLAsync(u => u.Contains("/Identity/Account/Login", StringComparison.Ordinal), new() { Timeout = 30_000 });
            // The change concerned one account only: the other official's session still opens the page.
            await bystander.ReloadAsync();
            await EndToEndFixture.WaitInteractiveAsync(bystander);
            await bystander.GetByTestId("residents-grid").WaitForAsync();
            bystander.Url.Should().EndWith("/residents");
        }
        finally
        {
            await tanod.Context.CloseAsync();
            await bystander.Context.CloseAsync();
            if (Directory.Exists(dataRoot)) Directory.Delete(dataRoot, recursive: true);
        }
    }
}
