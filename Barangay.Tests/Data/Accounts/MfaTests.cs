using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Accounts;

/// <summary>TOTP authenticator apps through Identity: codes computed here per RFC 6238 from the key the set-up page shows.</summary>
public class MfaTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = AccountSecurityTestHost.Start(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private AccountSecurityService Security => _services.Get<AccountSecurityService>();
    private UserManager<User> Users => _services.Get<UserManager<User>>();

    private async Task<List<string>> AuditActionsAsync(Guid userId)
    {
        await using var db = await _services.DbAsync();
        return await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == userId.ToString()).OrderBy(a => a.Timestamp).Select(a => a.ActionType).ToListAsync();
    }

    private async Task<bool> MfaEnabledInDbAsync(Guid userId)
    {
        await using var db = await _services.DbAsync();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync();
    }

    [Fact]
    public async Task Setup_ShowsKeyUriAndQrCode_ForTheAuthenticatorApp()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "mfa-setup");
        var (setup, created) = await Security.SetupAsync(u, "Barangay San Isidro");
        created.Should().BeTrue();
        setup.SharedKey.Replace(" ", "", StringComparison.Ordinal).Should().HaveLength(32);
        setup.AuthenticatorUri.Should().StartWith("otpauth://totp/Barangay%20San%20Isidro:mfa-setup?secret=").And.Contain("&digits=6");
        setup.QrCodeDataUri.Should().StartWith("data:image/png;base64,");
        Convert.FromBase64String(setup.QrCodeDataUri["data:image/png;base64,".Length..]).Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);
        // Opening the page again shows the same key (the app already scanned it).
        (await Security.SetupAsync(u, "Barangay San Isidro")).Setup.SharedKey.Should().Be(setup.SharedKey);
        (await MfaEnabledInDbAsync(u.Id)).Should().BeFalse("MFA is on only after the app proves it has the key");
    }

    [Fact]
    public async Task EnableMfa_RightCodeFromTheApp_TurnsOnMfaEnabledAndGivesTenCodes()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "mfa-on");
        var (key, codes) = await AccountSecurityTestHost.EnableMfaAsync(_services, u);

        codes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        (await MfaEnabledInDbAsync(u.Id)).Should().BeTrue("users.mfa_enabled follows Identity's TwoFactorEnabled");
        (await Users.VerifyTwoFactorTokenAsync(u, TokenOptions.DefaultAuthenticatorProvider, Totp.Code(key))).Should().BeTrue();
        (await Security.MfaStatusAsync(u)).Should().Be(new MfaStatus(true, 10, false));
        (await AuditActionsAsync(u.Id)).Should().Contain("MfaEnabled");
    }

    [Fact]
    public async Task EnableMfa_WrongOrMalformedCode_RefusedWithAClearMessage_MfaStaysOff()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "mfa-wrong");
        var (setup, _) = await Security.SetupAsync(u, "Barangay");

        var wrong = await Security.EnableMfaAsync(u, Totp.WrongCode(setup.SharedKey));
        wrong.Ok.Should().BeFalse();
        wrong.Errors["Code"].Should().Be(AccountSecurityService.CodeWrong);

        (await Security.EnableMfaAsync(u, "12ab")).Errors["Code"].Should().Be(AccountSecurityService.CodeMissing);
        (await MfaEnabledInDbAsync(u.Id)).Should().BeFalse();
        (await AuditActionsAsync(u.Id)).Should().Contain("MfaSetupFailed").And.NotContain("MfaEnabled");
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce_AndRegeneratingReplacesTheOldOnes()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "mfa-codes");
        var (_, codes) = await AccountSecurityTestHost.EnableMfaAsync(_services, u);

        (await Users.RedeemTwoFactorRecoveryCodeAsync(u, codes[0])).Succeeded.Should().BeTrue();
        (await Users.RedeemTwoFactorRecoveryCodeAsync(u, codes[0])).Succeeded.Should().BeFalse("each recovery code works once");
        (await Security.MfaStatusAsync(u)).RecoveryCodesLeft.Should().Be(9);

        var fresh = await Security.RegenerateRecoveryCodesAsync(u);
        fresh.Value.Should().HaveCount(10).And.NotContain(codes);
        (await Users.RedeemTwoFactorRecoveryCodeAsync(u, codes[1])).Succeeded.Should().BeFalse("the old codes stop working");
        (await Users.RedeemTwoFactorRecoveryCodeAsync(u, fresh.Value![0])).Succeeded.Should().BeTrue();
        (await AuditActionsAsync(u.Id)).Should().Contain("MfaRecoveryCodesRegenerated");
    }

    [Fact]
    public async Task DisableMfa_NeedsPasswordOrCode_ThenRemovesKeyAndCodes()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "mfa-off");
        var (key, codes) = await AccountSecurityTestHost.EnableMfaAsync(_services, u);

        (await Security.DisableMfaAsync(u, null, null)).Errors["Proof"].Should().Be(AccountSecurityService.DisableProofMissing);
        (await Security.DisableMfaAsync(u, "not-my-password", Totp.WrongCode(key))).Errors["Proof"].Should().Be(AccountSecurityService.DisableProofWrong);
        (await MfaEnabledInDbAsync(u.Id)).Should().BeTrue("a wrong password or code changes nothing");

        // A recovery code, typed in lower case with spaces, is proof enough.
        (await Security.DisableMfaAsync(u, null, " " + codes[3].ToLowerInvariant() + " ")).Value.Should().BeTrue();
        (await MfaEnabledInDbAsync(u.Id)).Should().BeFalse();
        (await Users.CountRecoveryCodesAsync(u)).Should().Be(0);
        (await Users.GetAuthenticatorKeyAsync(u)).Should().NotBe(key, "setting up again starts with a new key");
        (await AuditActionsAsync(u.Id)).Should().Contain(["MfaDisableRefused", "MfaDisabled"]);

        // And with the password.
        await AccountSecurityTestHost.EnableMfaAsync(_services, u);
        (await Security.DisableMfaAsync(u, AccountSecurityTestHost.Password, null)).Value.Should().BeTrue();
    }

    [Fact]
    public async Task RequiredForAdmins_SettingOn_AdminCannotTurnItOff_AndTheSettingSaysSo()
    {
        var admin = await AccountSecurityTestHost.CreateUserAsync(_services, "mfa-admin", AppRoles.Admin);
        await AccountSecurityTestHost.EnableMfaAsync(_services, admin);

        var settings = _services.Get<SettingsService>();
        var edit = await settings.GetAsync();
        edit!.MfaRequiredForAdmins.Should().BeFalse("off unless an admin turns it on");
        edit.MfaRequiredForAdmins = true;
        (await settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();
        (await settings.GetAsync())!.MfaRequiredForAdmins.Should().BeTrue();

        await using (var db = await _services.DbAsync())
        {
            (await MfaPolicy.RequiredForAdminsAsync(db)).Should().BeTrue();
            (await MfaPolicy.RequiredForAsync(db, [AppRoles.Resident])).Should().BeFalse("only admins are required to");
            (await db.AuditLogs.AnyAsync(a => a.TargetType == "Setting" && a.TargetId == SettingKeys.MfaRequiredForAdmins)).Should().BeTrue("the change is audited");
        }
        (await Security.MfaStatusAsync(admin)).Required.Should().BeTrue();
        var off = await Security.DisableMfaAsync(admin, AccountSecurityTestHost.Password, null);
        off.Errors["Mfa"].Should().Be(AccountSecurityService.RequiredCannotDisable);
        (await MfaEnabledInDbAsync(admin.Id)).Should().BeTrue();

        edit = (await settings.GetAsync())!;
        edit.MfaRequiredForAdmins = false;
        (await settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task AdminResetMfa_TurnsItOffRemovesKeyAndCodes_EndsSessions_Audited()
    {
        var u = await AccountSecurityTestHost.CreateUserAsync(_services, "mfa-lost-phone");
        var (key, _) = await AccountSecurityTestHost.EnableMfaAsync(_services, u);
        var token = await _services.Get<SessionService>().StartAsync(u.Id, "198.51.100.9", "Chrome");

        await _services.SignInAsAsync(Barangay.Data.Seed.DemoAccounts.ResidentUser);
        (await _services.Get<UserAdminService>().ResetMfaAsync(u.Id)).Kind.Should().Be(Barangay.Data.Common.ResultKind.NotFound, "only admins reset MFA");
        (await MfaEnabledInDbAsync(u.Id)).Should().BeTrue();

        await _services.SignInAsAsync(Barangay.Data.Seed.DemoAccounts.AdminUser);
        var admins = _services.Get<UserAdminService>();
        (await admins.ListAsync(new UserFilter("mfa-lost-phone", null, null), 0, 10)).Items.Single().MfaEnabled.Should().BeTrue("the user list shows who has MFA");
        (await admins.ResetMfaAsync(u.Id)).Ok.Should().BeTrue();
        (await MfaEnabledInDbAsync(u.Id)).Should().BeFalse();
        (await admins.ListAsync(new UserFilter("mfa-lost-phone", null, null), 0, 10)).Items.Single().MfaEnabled.Should().BeFalse();
        await using var db = await _services.DbAsync();
        (await db.Set<IdentityUserToken<Guid>>().AnyAsync(t => t.UserId == u.Id)).Should().BeFalse("the key and the recovery codes are gone");
        (await db.Sessions.Where(s => s.SessionToken == SessionService.Hash(token)).Select(s => s.Revoked).SingleAsync()).Should().BeTrue();
        var audit = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == u.Id.ToString() && a.ActionType == "MfaReset").SingleAsync();
        audit.ActorName.Should().Be(Barangay.Data.Seed.DemoAccounts.AdminUser);
        audit.Details.Should().NotContain(key);
    }
}
