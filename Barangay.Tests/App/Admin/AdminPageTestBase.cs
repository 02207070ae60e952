using System.Globalization;
using System.Security.Cryptography;
using Barangay.App.Hosting;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Admin;

/// <summary>
/// The admin pages over the real services and the demo database, signed in as the admin, in one language
/// (the circuit's: set before the services are built, as <c>WalkInPageTests</c> does).
/// </summary>
public abstract class AdminPageTestBase : ComponentTestBase, IAsyncLifetime
{
    private readonly TestCaller _caller = new();
    private readonly (CultureInfo Culture, CultureInfo Ui) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    protected AdminPageTestBase(DemoDatabase database, string language)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = AppLanguages.Culture(language);
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<ICurrentUser>(_caller);
        Services.AddScoped<BarangayDb>();
        Services.AddSingleton<BarangayProfileService>();
        Services.AddSettingsAndAudit();
        Services.AddOfficialsRoster();
        Services.AddScoped<Barangay.Data.Accounts.UserAdminService>();
        var files = new FileStorageOptions
        {
            DataRoot = Path.Combine(Path.GetTempPath(), "barangay-apt-" + Guid.NewGuid().ToString("N")[..8]),
            LinkKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        Services.AddBarangayFiles(files);
        Services.AddSingleton(sp => new Barangay.Data.Documents.CertificateCodes(sp.GetRequiredService<FileStorageOptions>()));
        Services.AddScoped<Barangay.Data.Documents.DocumentRequestService>();
        Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(Barangay.App.Localization.TextsLocalizer<>));
        Services.AddScoped<Barangay.App.Localization.UiLanguage>();
    }

    public async Task InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoAccounts.AdminUser);
        _caller.Current = TestCaller.As(admin.Id, admin.UserName!, admin.Roles);
    }

    /// <summary>MudBlazor's input services are IAsyncDisposable only: dispose the container asynchronously before xunit's Dispose.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
        await DisposeAsync();
    }

    /// <summary>The error texts under the fields (MudBlazor's helper line in its error state).</summary>
    protected static List<string> FieldErrors<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}
