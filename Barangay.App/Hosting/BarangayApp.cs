using Barangay.App.Accounts.RateLimits;
using Barangay.App.Accounts;
using Barangay.App.Components;
using Barangay.App.Connection;
using Barangay.App.Files;
using Barangay.App.Security;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Dashboard;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Jobs.Maintenance;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Barangay.App.Hosting;

/// <summary>Builds the web app; tests build it the same way on a random loopback port.</summary>
public static class BarangayApp
{
    public static DatabaseOptions DatabaseOptionsFrom(IConfiguration config)
    {
        var o = new DatabaseOptions();
        config.GetSection("Database").Bind(o);
        if (config.GetConnectionString("Read") is { Length: > 0 } read) o.Read.ConnectionString = read; // unset: dashboards read the primary
        // Encrypted columns use the same key ring as files (Storage:DataRoot/keys, Storage:EncryptionKey).
        o.Keys = new Barangay.Data.Files.FileStorageOptions();
        config.GetSection("Storage").Bind(o.Keys);
        return o;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(BarangayApp).Assembly.GetName().Name,
            // appsettings.json and the static web assets manifest sit beside the assembly, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Serve MudBlazor's and Identity UI's assets from the build output too (not only from a publish).
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        AddServices(builder);
        builder.AddFiles();
        builder.AddEventsAndAnnouncements();
        builder.AddComplaints();
        builder.AddAccounts();
        builder.AddAccountSecurity();
        builder.AddDashboards();
        builder.AddWebSecurity();
        Localization.LocalizationSetup.AddBarangayLocalization(builder);
        builder.AddCircuitLimits();
        Municipality.MunicipalityHosting.AddMunicipality(builder);
        TestingClock.AddTestingClock(builder.Services, builder.Configuration);
        Tenancy.TenancySetup.AddBarangayWebTenancy(builder);
        Warmup.WarmupHosting.AddStartupWarmup(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var cs = config.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(cs))
            throw new InvalidOperationException("ConnectionStrings:Default is not set. Start the app with ./run.sh, which sets it.");

        services.AddBarangayData(cs, DatabaseOptionsFrom(config));
        services.AddDataProtection().SetApplicationName("Barangay").PersistKeysToDbContext<BarangayDbContext>();
        services.AddHttpContextAccessor();
        services.AddLocalization();

        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserStore<BarangayUserStore>()
            .AddUserManager<BarangayUserManager>()
            .AddClaimsPrincipalFactory<BarangayClaimsFactory>()
            .AddDefaultTokenProviders()
            // AddDefaultUI registers the stock SignInManager; ours must be registered after it to win.
            .AddDefaultUI()
            .AddSignInManager<BarangaySignInManager>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
            {
                o.Cookie.Name = "barangay.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = SessionService.Lifetime;
                o.SlidingExpiration = true;
                o.LoginPath = "/Identity/Account/Login";
                o.AccessDeniedPath = "/forbidden";
            }));
        // After Identity's own set-up, which installs its events: tie the cookie to a server-side session.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, SessionCookieEvents.Attach);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.OnRefreshingPrincipal = SessionCookieEvents.KeepSessionClaim;
        });
        services.AddAuthorization(o =>
        {
            foreach (var p in Permissions.All) o.AddPolicy(p, policy => policy.RequireClaim(Permissions.ClaimType, p));
        });
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<BarangayDb>();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<SessionPurge>();
        services.AddSingleton<BarangayProfileService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<FirstAdministrator>();
        services.AddSingleton<Barangay.Data.Officials.OfficialRosterService>();
        services.AddSettingsAndAudit();
        services.AddNotifications(config);
        services.AddRecordsOfInhabitants();
        services.AddOfficialsRoster();
        services.AddResidentSelfService();
        services.AddExports();
        services.AddImports();
        services.AddDocuments(config);
        Charter.CharterEndpoints.AddCharter(services);
        services.AddMessaging();

        builder.AddBarangayJobs();

        services.AddRazorPages();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<Components.Layout.ThemeStylesheet>();
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseTrustedProxies();
        Tenancy.TenancySetup.UseBarangayTenancy(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseSecurityHeaders();
        Warmup.WarmupHosting.UseReadiness(app); // /healthz: not ready until the process is warm; no database read behind it
        Tenancy.TenancySetup.UseBarangayOutagePage(app);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAuthentication();
        app.UseAuthorization();
        Localization.LocalizationSetup.UseBarangayLocalization(app);
        app.UseMailRateLimits();
        app.UseAntiforgery();
        app.UseAccountSecurity();

        app.MapStaticAssets();
        Components.Layout.ThemeStylesheet.Map(app);
        app.MapRazorPages();
        // The page's own Content-Security-Policy (SecurityHeaders) carries frame-ancestors; Blazor's would be a second header.
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapFileDownloads();
        Events.EventEndpoints.MapEventFiles(app);
        Documents.CertificateEndpoints.MapDocuments(app);
        Documents.Ra11032Endpoints.MapRa11032Prints(app);
        Charter.CharterEndpoints.MapCharter(app);
        Households.HouseholdEndpoints.MapHouseholds(app);
        Complaints.ComplaintEndpoints.MapComplaints(app);
        Dashboard.ReportEndpoints.MapReports(app);
        app.MapJobsDashboard();
        app.MapCircuitDiagnostics();
        Municipality.MunicipalityHosting.UseMunicipality(app);
    }
}
