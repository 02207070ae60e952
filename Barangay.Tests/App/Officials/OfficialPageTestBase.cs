using System.Globalization;
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

namespace Barangay.Tests.App.Officials;

/// <summary>
/// The hall's pages rendered by bUnit over the real services and the demo database, in a chosen language (issue 26),
/// with the demo secretary signed in and every permission granted to the page's AuthorizeViews.
/// </summary>
public abstract class OfficialPageTestBase : ComponentTestBase, IAsyncLifetime
{
    protected readonly TestCaller Caller = new();
    private readonly (CultureInfo Culture, CultureInfo Ui) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
    private readonly string _files = Path.Combine(Path.GetTempPath(), "barangay-hall-" + Guid.NewGuid().ToString("N")[..8]);

    protected OfficialPageTestBase(DemoDatabase database, string language)
    {
        // The page's language is the circuit's: set before the services (UiLanguage reads it) are built.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = AppLanguages.Culture(language);
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<ICurrentUser>(Caller);
        Services.AddScoped<BarangayDb>();
        Services.AddSingleton<BarangayProfileService>();
        Services.AddSettingsAndAudit();
        Services.AddBarangayFiles(new FileStorageOptions { DataRoot = _files });
        Services.AddSingleton(sp => new Barangay.Data.Documents.CertificateCodes(sp.GetRequiredService<FileStorageOptions>()));
        Services.AddScoped<Barangay.Data.Documents.DocumentRequestService>();
        Services.AddRecordsOfInhabitants();
        Services.AddScoped<Barangay.Data.Residents.ResidentSelfService>();
        Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(Barangay.App.Localization.TextsLocalizer<>));
        Services.AddScoped<Barangay.App.Localization.UiLanguage>();
        Services.AddTransient<MudBlazor.MudLocalizer, Barangay.App.Localization.CatalogueMudLocalizer>(); // MudBlazor's own texts, as the app has them
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoAccounts.OfficialUser);
        auth.SetPolicies([.. Permissions.All]);
    }

    public virtual async Task InitializeAsync() => await SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);

    protected async Task SignInAsync(string userName, string? position = null)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
        Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, position);
    }

    protected async Task<T> DbAsync<T>(Func<BarangayDbContext, Task<T>> read)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
        await DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, recursive: true);
    }
}
