using Barangay.Data.Accounts;
using Barangay.Data.Accounts.MobileCodes;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Accounts;

/// <summary>Issue 24 item 1, the part left: a resident without email recovers the password with a code texted to the proved number.</summary>
public partial class MobileCodeTests
{
    private const string NewPassword = "Bagong-Bangka-2026";

    private MobilePasswordReset Resets => _services.Get<MobilePasswordReset>();

    private async Task<User> ResidentWithPasswordAsync(string number, string name, string? language = null)
    {
        var user = await ResidentWithNumberAsync(number, name);
        await using var db = await _services.DbAsync();
        var hash = new PasswordHasher<User>().HashPassword(user, Password);
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, hash).SetProperty(x => x.PreferredLanguage, language));
        return user;
    }

    private async Task<bool> PasswordIsAsync(Guid id, string password)
    {
        // Read fresh: the scope's UserManager keeps the account it loaded before the reset.
        await using var db = await _services.DbAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        return new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash!, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>Asks for a reset code, reads it off the fake gateway and types it: the proof the new-password form carries.</summary>
    private async Task<string?> ProofAsync(string typed, string number)
    {
        (await Resets.RequestAsync(typed, "203.0.113.40", "test")).Ok.Should().BeTrue();
        var code = CodeIn((await TextsToAsync(number)).Last());
        var (check, proof) = await Resets.VerifyAsync(typed, code);
        check.Passed.Should().BeTrue();
        return proof;
    }

    [Fact]
    public async Task PasswordReset_ByTextedCode_NewPasswordWorks_EverySessionEnds_AuditedAndTheChangeIsTexted()
    {
        var user = await ResidentWithPasswordAsync("+639171110010", "mobile.reset");
        var sessions = _services.Get<SessionService>();
        var phone = await sessions.StartAsync(user.Id, "198.51.100.10", "Chrome on Android");
        var shop = await sessions.StartAsync(user.Id, "198.51.100.11", "Chrome on Windows");
        var stampBefore = user.SecurityStamp;

        var proof = await ProofAsync("0917 111 0010", "+639171110010");
        proof.Should().NotBeNullOrEmpty();

        // Refusals by field leave the proof usable.
        (await Resets.ResetAsync(proof, "short", "short", null, null)).Errors.Should().ContainKey("NewPassword");
        (await Resets.ResetAsync(proof, NewPassword, NewPassword + "x", null, null)).Errors["ConfirmPassword"].Should().Be(MobilePasswordReset.NotTheSame);
        (await PasswordIsAsync(user.Id, Password)).Should().BeTrue("nothing changed yet");

        var done = await Resets.ResetAsync(proof, NewPassword, NewPassword, "203.0.113.40", "test");
        done.Ok.Should().BeTrue(done.Message);
        done.Value.Should().Be(2, "both open sessions are ended");
        (await PasswordIsAsync(user.Id, NewPassword)).Should().BeTrue();
        (await PasswordIsAsync(user.Id, Password)).Should().BeFalse();
        (await sessions.ValidateAsync(phone, stampBefore)).Should().BeFalse("a reset signs out every device");
        (await sessions.ValidateAsync(shop, null)).Should().BeFalse("the session rows themselves are revoked, not only the stamp");

        (await Resets.ResetAsync(proof, "Another-Bangka-2027", "Another-Bangka-2027", null, null)).Message.Should().Be(MobilePasswordReset.ProofGone, "a proof works once");
        (await PasswordIsAsync(user.Id, NewPassword)).Should().BeTrue();

        (await TextsToAsync("+639171110010")).Last().Should().Contain("password was changed").And.Contain("signed out");
        await using var db = await _services.DbAsync();
        var audit = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == user.Id.ToString() && a.ActionType == MobilePasswordReset.Action).ToListAsync();
        audit.Should().ContainSingle().Which.Details.Should().Contain("+63917•••0010").And.MatchRegex("\"sessions_ended\": ?2").And.NotContain(NewPassword);
        audit[0].ActorUserId.Should().Be(user.Id);
        (await db.AuditLogs.CountAsync(a => a.TargetId == user.Id.ToString() && a.ActionType == "SessionsRevoked")).Should().Be(1);
    }

    [Fact]
    public async Task PasswordReset_NumberWithoutAccount_SameAnswer_NoText_NoProof()
    {
        await ResidentWithPasswordAsync("+639171110011", "mobile.reset2");
        var known = await Resets.RequestAsync("09171110011", "203.0.113.41", "test");
        var unknown = await Resets.RequestAsync("09171110999", "203.0.113.41", "test");
        unknown.Kind.Should().Be(known.Kind);
        unknown.Value!.Waiting.Should().Be(known.Value!.Waiting);
        (unknown.Value.ResendAt - known.Value.ResendAt).Should().Be(TimeSpan.Zero);
        (await Resets.RequestAsync("09171110999", "203.0.113.41", "test")).Value!.Waiting.Should().BeTrue("the same cooldown for every number");

        (await TextsToAsync("+639171110011")).Should().ContainSingle();
        (await TextsToAsync("+639171110999")).Should().BeEmpty();
        var (check, proof) = await Resets.VerifyAsync("09171110999", "123456");
        check.Passed.Should().BeFalse();
        proof.Should().BeNull();
        (await Resets.ResetAsync("forged", NewPassword, NewPassword, null, null)).Message.Should().Be(MobilePasswordReset.ProofGone);
    }

    [Fact]
    public async Task PasswordReset_WrongCodesCountInTheOneThrottle_CodeAndProofExpire()
    {
        _browser.Ip = "203.0.113.42";
        var user = await ResidentWithPasswordAsync("+639171110012", "mobile.reset3");
        await Resets.RequestAsync("09171110012", "203.0.113.42", "test");
        var code = CodeIn((await TextsToAsync("+639171110012")).Single());
        var wrong = code == "111111" ? "222222" : "111111";
        (await Resets.VerifyAsync("09171110012", wrong)).Proof.Should().BeNull();
        await using (var db = await _services.DbAsync())
            (await db.FailedLogins.CountAsync(f => f.Username == "+639171110012")).Should().Be(1, "a wrong reset code is a failure of the same throttle as a password");

        _clock.Advance(MobileCodeService.Lifetime + TimeSpan.FromSeconds(1));
        (await Resets.VerifyAsync("09171110012", code)).Proof.Should().BeNull("the code has expired");

        var proof = await ProofAsync("09171110012", "+639171110012");
        _clock.Advance(MobilePasswordReset.ProofLifetime + TimeSpan.FromSeconds(1));
        (await Resets.ResetAsync(proof, NewPassword, NewPassword, null, null)).Message.Should().Be(MobilePasswordReset.ProofGone, "the proof lives 10 minutes");
        (await PasswordIsAsync(user.Id, Password)).Should().BeTrue();
        _browser.Ip = "203.0.113.10";
    }

    [Fact]
    public async Task PasswordReset_NotForOfficials()
    {
        var official = await ResidentWithPasswordAsync("+639171110013", "mobile.reset4");
        await using (var db = await _services.DbAsync())
            await db.Users.Where(u => u.Id == official.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Roles, new List<string> { AppRoles.Resident, AppRoles.Official }));
        (await Resets.RequestAsync("09171110013", "203.0.113.43", "test")).Ok.Should().BeTrue();
        (await TextsToAsync("+639171110013")).Should().BeEmpty("a texted code must not reset an official's password");
    }

    [Fact]
    public async Task PasswordReset_InFilipino_TheCodeAndTheChangeAreTextedInFilipino()
    {
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        var user = await ResidentWithPasswordAsync("+639171110014", "mobile.reset5", AppLanguages.Filipino);
        var proof = await ProofAsync("09171110014", "+639171110014");
        (await TextsToAsync("+639171110014")).Single().Should().Contain("ang code mo sa pag-reset ng password sa");
        (await Resets.ResetAsync(proof, NewPassword, NewPassword, null, null)).Ok.Should().BeTrue();
        (await TextsToAsync("+639171110014")).Last().Should().StartWith("Napalitan ang password mo sa");
        (await PasswordIsAsync(user.Id, NewPassword)).Should().BeTrue();
    }
}
