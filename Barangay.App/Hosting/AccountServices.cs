using Barangay.App.Accounts;
using Barangay.App.Accounts.RateLimits;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Accounts.Throttling;
using Microsoft.AspNetCore.Identity;

namespace Barangay.App.Hosting;

/// <summary>Accounts and access: self-registration and its review, the password policy.</summary>
public static class AccountServices
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder b)
    {
        var services = b.Services;
        // The request log names the whole address, and a password-reset address carries its token: keep it quiet
        // whatever level the rest of the logging is set to.
        b.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // After AddIdentityCore's own options, so these win: ASVS level 2 length, no composition rules.
        services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = PasswordPolicy.MinLength;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 1;
            // Identity's lockout stays only for the MFA step (reached after a right password); password failures are
            // paused by the PasswordGate, per browser, so that no one can lock an account for everyone.
            o.Lockout.MaxFailedAccessAttempts = SignInThrottle.PauseAfter;
            o.Lockout.DefaultLockoutTimeSpan = SignInThrottle.Window;
        });
        services.AddScoped<IPasswordValidator<User>, BarangayPasswordValidator>();
        // A reset link works for one hour, and once: the reset changes the security stamp the token is bound to.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
        services.AddScoped<RegistrationService>();
        services.AddScoped<RegistrationReviewService>();
        services.AddSingleton<RegistrationCookie>();
        services.AddSingleton<MobileProofCookie>();
        services.AddScoped<Barangay.Data.Accounts.MobileCodes.MobileCodeService>();
        services.AddScoped<Barangay.Data.Accounts.MobileCodes.MobilePasswordReset>();
        services.AddScoped<IPasswordAttemptSource, HttpPasswordAttempts>();
        services.AddPasswordGate();
        b.AddMailRateLimits();
        services.AddSingleton<SessionRevalidationBatcher>();
        services.AddScoped<SignInMonitorService>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, SessionActivityCircuitHandler>();
        return b;
    }
}
