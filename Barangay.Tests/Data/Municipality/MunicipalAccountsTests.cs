using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Municipality;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Municipality;

public sealed class MunicipalAccountsTests(MunicipalityFixture muni) : IClassFixture<MunicipalityFixture>
{
    private const string Password = "Mlgoo#2026-santamaria";

    [Fact]
    public async Task SignIn_RightPassword_PassesAndIsAudited()
    {
        var accounts = muni.Get<MunicipalAccounts>();
        (await accounts.CreateAsync("MLGOO.Reyes", "Elena Reyes", "MLGOO", MunicipalRoles.Viewer, Password, "test")).Ok.Should().BeTrue();

        var (outcome, caller) = await accounts.SignInAsync("mlgoo.reyes", Password, "10.0.0.1");

        outcome.Should().Be(MunicipalSignInOutcome.Passed);
        caller!.Office.Should().Be("MLGOO");
        caller.IsAdmin.Should().BeFalse();
        await using var db = await muni.MunicipalityAsync();
        (await db.Audit.CountAsync(a => a.Action == MunicipalAccounts.SignedIn && a.AccountId == caller.AccountId)).Should().Be(1);
    }

    [Fact]
    public async Task SignIn_AfterTheThrottlesPauseCount_EvenTheRightPasswordIsRefused()
    {
        var accounts = muni.Get<MunicipalAccounts>();
        (await accounts.CreateAsync("mayor.office", "Jose Cruz", "Office of the Mayor", MunicipalRoles.Admin, Password, "test")).Ok.Should().BeTrue();
        // The failures are recorded as the throttle counts them (audit rows within its window), without waiting out the held-back answers.
        await using (var db = await muni.MunicipalityAsync())
        {
            for (var i = 0; i < SignInThrottle.PauseAfter; i++)
                db.Audit.Add(MunicipalAudit.Entry(Barangay.Tests.Infrastructure.TestClock.Running(), "mayor.office", null, MunicipalAccounts.SignInFailed, "mayor.office"));
            await db.SaveChangesAsync();
        }

        var (outcome, caller) = await accounts.SignInAsync("mayor.office", Password, "10.0.0.2");

        outcome.Should().Be(MunicipalSignInOutcome.Paused);
        caller.Should().BeNull();
    }

    [Fact]
    public async Task SignIn_WrongPassword_FailsAndTheFailureIsCounted()
    {
        var accounts = muni.Get<MunicipalAccounts>();
        (await accounts.CreateAsync("dilg.staff", "Ana Lim", "MLGOO", MunicipalRoles.Viewer, Password, "test")).Ok.Should().BeTrue();

        (await accounts.SignInAsync("dilg.staff", "wrong-password-here", "10.0.0.3")).Outcome.Should().Be(MunicipalSignInOutcome.Failed);
        (await accounts.SignInAsync("nobody.here", Password, "10.0.0.3")).Outcome.Should().Be(MunicipalSignInOutcome.Failed);

        await using var db = await muni.MunicipalityAsync();
        (await db.Audit.CountAsync(a => a.Action == MunicipalAccounts.SignInFailed && a.IpAddress == "10.0.0.3")).Should().Be(2);
    }

    [Fact]
    public async Task Create_WeakPassword_RefusedNamingTheField()
    {
        var result = await muni.Get<MunicipalAccounts>().CreateAsync("weak.one", "Weak One", "MLGOO", MunicipalRoles.Viewer, "short", "test");

        result.Errors.Should().ContainKey("Password");
    }
}
