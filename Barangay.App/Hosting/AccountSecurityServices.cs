using Barangay.App.Accounts;
using Barangay.Data.Accounts.Privacy;
using Barangay.Data.Accounts.Security;

namespace Barangay.App.Hosting;

/// <summary>A person's own account security (MFA, password and email changes) and "Download my data".</summary>
public static class AccountSecurityServices
{
    public static WebApplicationBuilder AddAccountSecurity(this WebApplicationBuilder b)
    {
        b.Services.AddScoped<AccountSecurityService>();
        b.Services.AddScoped<PersonalDataService>();
        return b;
    }

    /// <summary>After authentication: admins without MFA are sent to set it up while the setting says so; the data download.</summary>
    public static WebApplication UseAccountSecurity(this WebApplication app)
    {
        app.UseMiddleware<MfaRequiredMiddleware>();
        app.MapPersonalData();
        return app;
    }
}
