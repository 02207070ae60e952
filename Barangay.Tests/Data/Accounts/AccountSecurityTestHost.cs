using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Privacy;
using Barangay.Data.Accounts.Security;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Email;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Accounts;

/// <summary>The account-security and personal-data services over a test database (emails stop at the queue).</summary>
public static class AccountSecurityTestHost
{
    public const string Password = "Correct-Horse-Battery-9";

    public static TestServices Start(string connectionString) =>
        new(connectionString, s =>
        {
            s.AddSingleton<IEmailDispatcher, RegistrationTestHost.RecordingDispatcher>();
            s.AddPasswordGate();
            s.AddScoped<AccountSecurityService>();
            s.AddScoped<PersonalDataService>();
        });

    public static async Task<User> CreateUserAsync(TestServices services, string name, params string[] roles)
    {
        var users = services.Get<UserManager<User>>();
        var u = new User { UserName = name, Email = $"{name}@example.ph", FullName = $"{name} Santos", Roles = roles.Length == 0 ? [AppRoles.Resident] : [.. roles], LockoutEnabled = true };
        var result = await users.CreateAsync(u, Password);
        result.Succeeded.Should().BeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
        services.Caller.Current = TestCaller.As(u.Id, name, u.Roles);
        return u;
    }

    /// <summary>Sets MFA up as a person would: the key from the set-up page, a code computed as the phone app would.</summary>
    public static async Task<(string Key, IReadOnlyList<string> Codes)> EnableMfaAsync(TestServices services, User user)
    {
        var security = services.Get<AccountSecurityService>();
        var (setup, _) = await security.SetupAsync(user, "Barangay San Isidro");
        var result = await security.EnableMfaAsync(user, Totp.Code(setup.SharedKey));
        result.Ok.Should().BeTrue(result.Message);
        return (setup.SharedKey, result.Value!);
    }
}
