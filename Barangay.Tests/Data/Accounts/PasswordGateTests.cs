using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Accounts.Security;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Notifications;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Accounts;

/// <summary>The one gate every password check passes (issue 19, items 2 and 13), over a real database.</summary>
public partial class PasswordGateTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Password = "kalabaw sa bukid ng lolo";
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-gate-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly TestAttempts _browser = new();
    private readonly CountingHasher _hasher = new();
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s =>
        {
            s.AddSingleton<IPasswordAttemptSource>(_browser);
            s.AddSingleton<IPasswordHasher<User>>(_hasher);
            s.AddPasswordGate();
            s.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot });
            s.AddSingleton<IEmailDispatcher, RegistrationTestHost.RecordingDispatcher>();
            s.AddSingleton(new NotificationOptions());
            s.AddScoped<NotificationService>();
            s.AddScoped<RegistrationService>();
            s.AddScoped<RegistrationReviewService>();
            s.AddScoped<AccountSecurityService>();
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    private PasswordGate Gate => _services.Get<PasswordGate>();
    private RegistrationService Registrations => _services.Get<RegistrationService>();

    private async Task<RegistrationReceipt> RegisterAsync(string user)
    {
        _services.Caller.Current = Caller.Anonymous;
        var purok = (await Registrations.PuroksAsync())[0].Code;
        var form = new RegistrationForm
        {
            FirstName = "Maria", LastName = "Bautista", Dob = new DateOnly(1995, 3, 14), Sex = "Female", MaritalStatus = "Single", Purok = purok,
            Address = "12 Mabini St.", ContactNumber = "0917 123 4567", Email = $"{user}@mail.example", UserName = user, Password = Password, AcceptPrivacyNotice = true,
        };
        var result = await Registrations.SubmitAsync(form, new RegistrationPhoto("id.png", new MemoryStream(SampleFiles.Png)), "203.0.113.5", "test");
        result.Ok.Should().BeTrue(result.Message);
        return result.Value!;
    }

    private async Task<long> FailuresAsync(string username)
    {
        await using var db = await _services.DbAsync();
        return await db.FailedLogins.CountAsync(f => f.Username == username);
    }

    [Fact]
    public async Task RegistrationStatus_AfterApproval_NeverChecksThePassword_SoItIsNoOracle()
    {
        var receipt = await RegisterAsync("approved.one");
        await _services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        var reviews = _services.Get<RegistrationReviewService>();
        (await reviews.ApproveAsync(receipt.Id, (await reviews.GetAsync(receipt.Id))!.Version, null)).Ok.Should().BeTrue();

        _hasher.Calls = 0;
        var right = await Registrations.FindForApplicantAsync(receipt.RegistrationId, Password);
        right.Status.Should().BeNull("a decided registration's page no longer tells whether a password is right");
        right.Check.Outcome.Should().Be(PasswordCheckOutcome.Wrong);
        _hasher.Calls.Should().Be(1, "the same hashing work is done as for a real check, against a throw-away hash");
        var wrong = await Registrations.FindForApplicantAsync(receipt.RegistrationId, "not the password at all");
        wrong.Should().BeEquivalentTo(right, o => o.Excluding(x => x.Check.Next.Challenge));
    }

    [Fact]
    public async Task RegistrationStatus_WhilePending_CountsGuessesOnTheAccount_AndAsksForTheChallenge()
    {
        var receipt = await RegisterAsync("pending.one");
        _browser.Ip = "198.51.100.20";
        for (var i = 0; i < SignInThrottle.ChallengeAfter; i++)
            (await Registrations.FindForApplicantAsync(receipt.RegistrationId, $"guess number {i}")).Check.Outcome.Should().Be(PasswordCheckOutcome.Wrong);
        (await FailuresAsync("pending.one")).Should().Be(SignInThrottle.ChallengeAfter, "guesses here count on the account, as at sign-in");

        // The right password without the work is not even looked at; with it, the applicant gets in.
        var unsolved = await Registrations.FindForApplicantAsync(receipt.RegistrationId, Password);
        unsolved.Status.Should().BeNull();
        unsolved.Check.Outcome.Should().Be(PasswordCheckOutcome.ChallengeNeeded);
        await _browser.SolveNextAsync(Gate, "pending.one");
        (await Registrations.FindForApplicantAsync(receipt.RegistrationId, Password)).Status!.Status.Should().Be(RegistrationStatuses.Pending);
    }

    [Fact]
    public async Task TenFailures_PauseStrangers_ButTheOwnersBrowserStillGetsIn()
    {
        var owner = await AccountSecurityTestHost.CreateUserAsync(_services, "admin.owner", AppRoles.Admin);
        var ownerBrowser = new HashSet<string> { "admin.owner" };
        // Guesses from many addresses, each solving its challenge.
        for (var i = 0; i < SignInThrottle.PauseAfter; i++)
        {
            _browser.Ip = $"192.0.2.{i + 1}";
            _browser.Known = [];
            await _browser.SolveNextAsync(Gate, "admin.owner");
            (await Gate.CheckAsync("admin.owner", owner.Id, "sign-in", _ => Gate.VerifyAsync(owner, $"wrong-{i}"))).Passed.Should().BeFalse();
        }

        _browser.Ip = "192.0.2.200";
        await _browser.SolveNextAsync(Gate, "admin.owner");
        var stranger = await Gate.CheckAsync("admin.owner", owner.Id, "sign-in", _ => Gate.VerifyAsync(owner, AccountSecurityTestHost.Password));
        stranger.Outcome.Should().Be(PasswordCheckOutcome.Paused, "a browser that never signed in to the account is paused, even with the right password");

        _browser.Known = ownerBrowser;
        await _browser.SolveNextAsync(Gate, "admin.owner");
        var mine = await Gate.CheckAsync("admin.owner", owner.Id, "sign-in", _ => Gate.VerifyAsync(owner, AccountSecurityTestHost.Password));
        mine.Outcome.Should().Be(PasswordCheckOutcome.Passed, "no one else's guesses keep the owner out");
        await using var db = await _services.DbAsync();
        (await db.Users.AsNoTracking().SingleAsync(u => u.Id == owner.Id)).LockoutEnd.Should().BeNull("no account-wide lock anyone could trigger");
        (await db.AuditLogs.CountAsync(a => a.ActionType == "Lockout" && a.TargetId == owner.Id.ToString())).Should().Be(1);
    }

    [Fact]
    public async Task EachFailure_MakesTheChallengeDearer_AndACheapSolutionIsRefused()
    {
        _browser.Ip = "198.51.100.77";
        var costs = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var offer = await Gate.OfferAsync("cost.climber");
            costs.Add(offer.Required ? offer.Challenge.MaxNumber : 0);
            _browser.Solution = TestAttempts.Solve(offer.Challenge);
            (await Gate.CheckAsync("cost.climber", null, "sign-in", _ => Gate.VerifyAsync(null, "guess"))).Outcome.Should().Be(PasswordCheckOutcome.Wrong);
        }
        costs.Should().Equal(0, 0, 0, ProofOfWork.BaseCost, ProofOfWork.BaseCost * 2, ProofOfWork.BaseCost * 4);

        // A solution to a cheap challenge (what a robot would ask for on a fresh address) does not pay for a dear one.
        _browser.Ip = "198.51.100.78";
        _browser.Solution = TestAttempts.Solve((await Gate.OfferAsync()).Challenge);
        _browser.Ip = "198.51.100.77";
        (await Gate.CheckAsync("cost.climber", null, "sign-in", _ => Gate.VerifyAsync(null, "guess"))).Outcome.Should().Be(PasswordCheckOutcome.ChallengeNeeded);
    }

    [Fact]
    public async Task UnknownName_GetsTheSameHashingWorkAsAKnownOne()
    {
        var user = await AccountSecurityTestHost.CreateUserAsync(_services, "known.person");
        _hasher.Calls = 0;
        (await Gate.VerifyAsync(user, "wrong password 1")).Should().BeFalse();
        var known = _hasher.Calls;
        _hasher.Calls = 0;
        (await Gate.VerifyAsync(null, "wrong password 1")).Should().BeFalse();
        _hasher.Calls.Should().Be(known).And.Be(1);
    }

    [Fact]
    public async Task ChangePasswordAndEmail_WrongCurrentPasswords_CountAndAskForTheChallenge()
    {
        var user = await AccountSecurityTestHost.CreateUserAsync(_services, "changer.one");
        var security = _services.Get<AccountSecurityService>();
        _browser.Ip = "198.51.100.90";
        for (var i = 0; i < 2; i++)
            (await security.ChangePasswordAsync(user, $"wrong current {i}", "A brand new long password 7", null)).Errors["CurrentPassword"].Should().Be(AccountSecurityService.WrongPassword);
        (await security.RequestEmailChangeAsync(user, "new.changer@example.ph", "wrong current 3", t => t)).Errors["CurrentPassword"].Should().Be(AccountSecurityService.WrongPassword);
        (await FailuresAsync("changer.one")).Should().Be(3);

        var refused = await security.ChangePasswordAsync(user, AccountSecurityTestHost.Password, "A brand new long password 7", null);
        refused.Errors["CurrentPassword"].Should().Be(PasswordCheck.ChallengeMessage, "after 3 failures the right password needs the work too");
        await _browser.SolveNextAsync(Gate, "changer.one");
        var changed = await security.ChangePasswordAsync(user, AccountSecurityTestHost.Password, "A brand new long password 7", null);
        changed.Ok.Should().BeTrue(string.Join(" ", changed.Errors.Values));
    }

    private sealed class CountingHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _inner = new();
        public int Calls;

        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Calls);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
