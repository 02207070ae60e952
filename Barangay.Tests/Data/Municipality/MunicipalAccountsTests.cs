using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Municipality;
using Barangay.Tests.Data.Accounts;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Barangay.Tests.Data.Municipality;

/// <summary>Municipal accounts, and their sign-in through the one <see cref="PasswordGate"/> (failures kept in the municipality database).</summary>
public sealed class MunicipalAccountsTests(MunicipalityFixture muni) : IClassFixture<MunicipalityFixture>
{
    private const string Password = "Mlgoo#2026-santamaria";
    private readonly ProofOfWork _pow = new(new EphemeralDataProtectionProvider(), new MemoryCache(new MemoryCacheOptions()), TestClock.Running());

    private MunicipalSignIn SignIn(TestAttempts browser) =>
        new(muni.Get<MunicipalAccounts>(), muni.Get<MunicipalPasswordFailures>(), _pow, browser, new PasswordHasher<User>());

    /// <summary>What the browser's script does before it sends the form: solves the challenge the form carries for this name.</summary>
    private static async Task<MunicipalSignInResult> TryAsync(MunicipalSignIn signIn, TestAttempts browser, string userName, string password)
    {
        browser.Solution = TestAttempts.Solve((await signIn.OfferAsync(userName)).Challenge);
        return await signIn.SignInAsync(userName, password);
    }

    [Fact]
    public async Task SignIn_RightPassword_PassesAndIsAudited()
    {
        var accounts = muni.Get<MunicipalAccounts>();
        (await accounts.CreateAsync("MLGOO.Reyes", "Elena Reyes", "MLGOO", MunicipalRoles.Viewer, Password, "test")).Ok.Should().BeTrue();
        var browser = new TestAttempts { Ip = "10.0.0.1" };

        var result = await SignIn(browser).SignInAsync("mlgoo.reyes", Password);

        result.Passed.Should().BeTrue();
        result.Caller!.Office.Should().Be("MLGOO");
        result.Caller.IsAdmin.Should().BeFalse();
        browser.Known.Should().Equal(["municipality/mlgoo.reyes"], "the browser is marked as the owner's, under the municipal prefix");
        await using var db = await muni.MunicipalityAsync();
        (await db.Audit.CountAsync(a => a.Action == MunicipalAccounts.SignedIn && a.AccountId == result.Caller.AccountId && a.IpAddress == "10.0.0.1")).Should().Be(1);
    }

    [Fact]
    public async Task TenWrongPasswords_PauseStrangersAsAtBarangaySignIn_ButTheOwnersBrowserStillGetsIn()
    {
        var accounts = muni.Get<MunicipalAccounts>();
        (await accounts.CreateAsync("mayor.office", "Jose Cruz", "Office of the Mayor", MunicipalRoles.Admin, Password, "test")).Ok.Should().BeTrue();
        var owner = new TestAttempts { Ip = "10.0.1.1" };
        (await TryAsync(SignIn(owner), owner, "mayor.office", Password)).Passed.Should().BeTrue();

        // Ten wrong guesses from ten addresses, each solving the (dearer and dearer) challenge its form carries.
        var outcomes = new List<PasswordCheckOutcome>();
        for (var i = 0; i < SignInThrottle.PauseAfter; i++)
        {
            var guesser = new TestAttempts { Ip = $"192.0.2.{i + 1}" };
            outcomes.Add((await TryAsync(SignIn(guesser), guesser, "mayor.office", $"wrong-{i}")).Check.Outcome);
        }
        outcomes.Should().Equal([.. Enumerable.Repeat(PasswordCheckOutcome.Wrong, SignInThrottle.PauseAfter - 1), PasswordCheckOutcome.Paused]);

        // A stranger with the right password, the challenge solved: paused, with the barangay sign-in's own words.
        var stranger = new TestAttempts { Ip = "192.0.2.200" };
        var refused = await TryAsync(SignIn(stranger), stranger, "mayor.office", Password);
        refused.Passed.Should().BeFalse();
        refused.Check.Outcome.Should().Be(PasswordCheckOutcome.Paused);
        refused.Refusal.Should().Be(MunicipalSignInResult.PausedMessage, "the page has no \"Forgot your password?\" link to point to")
            .And.NotContain("Forgot your password");
        // A browser that signed in to a barangay account of the same name is still a stranger here.
        var barangayNamesake = new TestAttempts { Ip = "192.0.2.201", Known = ["mayor.office"] };
        (await TryAsync(SignIn(barangayNamesake), barangayNamesake, "mayor.office", Password)).Check.Outcome.Should().Be(PasswordCheckOutcome.Paused);
        // Without the challenge solved, the password is not even looked at.
        var lazy = new TestAttempts { Ip = "192.0.2.202" };
        (await SignIn(lazy).SignInAsync("mayor.office", Password)).Check.Outcome.Should().Be(PasswordCheckOutcome.ChallengeNeeded);

        // The owner's browser is not kept out by someone else's guesses.
        owner.Ip = "10.0.1.2";
        (await TryAsync(SignIn(owner), owner, "mayor.office", Password)).Passed.Should().BeTrue();

        await using var db = await muni.MunicipalityAsync();
        (await db.Audit.CountAsync(a => a.Action == MunicipalAccounts.SignInFailed && a.Target == "mayor.office"))
            .Should().Be(SignInThrottle.PauseAfter + 2, "every failure, the paused ones too, is counted where the municipal accounts live");
        (await db.Audit.CountAsync(a => a.Action == MunicipalPasswordFailures.Paused && a.Target == "mayor.office")).Should().Be(1, "the pause is audited once");
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownName_FailsAlikeAndEachFailureIsCounted()
    {
        var accounts = muni.Get<MunicipalAccounts>();
        (await accounts.CreateAsync("dilg.staff", "Ana Lim", "MLGOO", MunicipalRoles.Viewer, Password, "test")).Ok.Should().BeTrue();
        var browser = new TestAttempts { Ip = "10.0.0.3" };

        var wrong = await SignIn(browser).SignInAsync("dilg.staff", "wrong-password-here");
        var unknown = await SignIn(browser).SignInAsync("nobody.here", Password);

        wrong.Check.Outcome.Should().Be(PasswordCheckOutcome.Wrong);
        unknown.Check.Outcome.Should().Be(PasswordCheckOutcome.Wrong);
        wrong.Caller.Should().BeNull();
        unknown.Caller.Should().BeNull();
        await using var db = await muni.MunicipalityAsync();
        (await db.Audit.CountAsync(a => a.Action == MunicipalAccounts.SignInFailed && a.IpAddress == "10.0.0.3")).Should().Be(2);
    }

    [Fact]
    public async Task Create_WeakPassword_RefusedNamingTheField()
    {
        var result = await muni.Get<MunicipalAccounts>().CreateAsync("weak.one", "Weak One", "MLGOO", MunicipalRoles.Viewer, "short", "test");

        result.Errors.Should().ContainKey("Password");
    }

    [Fact]
    public async Task SetPassword_OldPasswordFails_NewOnePasses_Audited_AndOldSessionsNoLongerMatch()
    {
        var accounts = muni.Get<MunicipalAccounts>();
        var created = (await accounts.CreateAsync("pdrrmo.santos", "Ana Santos", "MDRRMO", MunicipalRoles.Viewer, Password, "test")).Value!;
        const string NewPassword = "Bagong#Password-2026";

        (await accounts.SetPasswordAsync("nobody.here", NewPassword, "operator")).Errors.Should().ContainKey("UserName");
        (await accounts.SetPasswordAsync("pdrrmo.santos", "short", "operator")).Errors.Should().ContainKey("Password");
        var set = await accounts.SetPasswordAsync("PDRRMO.Santos", NewPassword, "set-municipal-password command (ops)");

        set.Ok.Should().BeTrue();
        var oldBrowser = new TestAttempts { Ip = "10.0.1.1" };
        (await TryAsync(SignIn(oldBrowser), oldBrowser, "pdrrmo.santos", Password)).Check.Outcome.Should().Be(PasswordCheckOutcome.Wrong);
        var newBrowser = new TestAttempts { Ip = "10.0.1.2" };
        (await TryAsync(SignIn(newBrowser), newBrowser, "pdrrmo.santos", NewPassword)).Passed.Should().BeTrue();
        // The stamp a session cookie carries (MunicipalAuth checks it on every request): the old one no longer matches.
        var now = (await accounts.FindAsync(created.AccountId))!;
        now.PasswordStamp.Should().NotBe(created.PasswordStamp, "a session opened with the old password ends");
        now.PasswordStamp.Should().MatchRegex("^[0-9A-F]{16}$", "the cookie carries a digest of the hash, never the hash").And.Be(set.Value!.PasswordStamp);
        await using var db = await muni.MunicipalityAsync();
        (await db.Audit.CountAsync(a => a.Action == "PasswordSet" && a.Actor == "set-municipal-password command (ops)")).Should().Be(1);
        (await db.Audit.CountAsync(a => a.Action == "PasswordSet" && a.Actor == "operator")).Should().Be(0, "refused attempts change nothing");
    }

    [Fact]
    public async Task SetMunicipalPasswordCommand_RefusesAWeakPasswordWithTheReason_ThenSetsAStrongOne()
    {
        var accounts = muni.Get<MunicipalAccounts>();
        (await accounts.CreateAsync("mswdo.cruz", "Lita Cruz", "MSWDO", MunicipalRoles.Viewer, Password, "test")).Ok.Should().BeTrue();
        string[] args = ["--username", "mswdo.cruz", $"--{Barangay.App.Municipality.MunicipalityHosting.ConnectionStringKey}={TestEnvironment.For(muni.Name, "Default")}"];

        // The password is read from standard input (never an argument), as the operator pipes it in.
        var (weak, weakErrors) = await RunWithInputAsync("short\n", () => Barangay.App.Municipality.MunicipalityCommands.SetPasswordAsync(args));
        var (strong, _) = await RunWithInputAsync("Mswdo#Bagong-2026\n", () => Barangay.App.Municipality.MunicipalityCommands.SetPasswordAsync(args));

        weak.Should().Be(1);
        weakErrors.Should().Contain("Password: ", "the field and the policy's reason");
        strong.Should().Be(0);
        var browser = new TestAttempts { Ip = "10.0.2.1" };
        (await TryAsync(SignIn(browser), browser, "mswdo.cruz", "Mswdo#Bagong-2026")).Passed.Should().BeTrue();
        await using var db = await muni.MunicipalityAsync();
        (await db.Audit.CountAsync(a => a.Action == "PasswordSet" && a.Actor.StartsWith("set-municipal-password command"))).Should().BeGreaterThan(0);
    }

    private static async Task<(int Code, string Errors)> RunWithInputAsync(string input, Func<Task<int>> command)
    {
        var (stdin, stderr) = (Console.In, Console.Error);
        var errors = new StringWriter();
        Console.SetIn(new StringReader(input));
        Console.SetError(errors);
        try
        {
            return (await command(), errors.ToString());
        }
        finally
        {
            Console.SetIn(stdin);
            Console.SetError(stderr);
        }
    }
}
