using System.Globalization;
using Barangay.App.Hosting;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// A page rendered by bUnit over the real services and the demo database, as someone of the demo barangay: the set-up
/// every page test shared (data services, the caller, settings and audit, a file store of its own, the localizer the
/// app uses, the live notifier), so a test adds only what its page needs beyond it.
/// </summary>
public abstract class DemoPageTestBase : ComponentTestBase, IAsyncLifetime
{
    private readonly (CultureInfo Culture, CultureInfo Ui) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-page-" + Guid.NewGuid().ToString("N")[..8]);

    protected TestCaller Caller { get; } = new();

    /// <param name="culture">The page's language (the circuit's): set before the services, since UiLanguage reads it when built.</param>
    protected DemoPageTestBase(DemoDatabase database, CultureInfo? culture = null)
    {
        if (culture is not null) CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<ICurrentUser>(Caller);
        Services.AddScoped<BarangayDb>();
        Services.AddSingleton<BarangayProfileService>();
        Services.AddSettingsAndAudit();
        Services.AddBarangayFiles(new FileStorageOptions
        {
            DataRoot = _dataRoot,
            LinkKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), // signed file links
        });
        Services.AddSingleton(sp => new Barangay.Data.Documents.CertificateCodes(sp.GetRequiredService<FileStorageOptions>()));
        Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(Barangay.App.Localization.TextsLocalizer<>));
        Services.AddScoped<Barangay.App.Localization.UiLanguage>();
        // Pages that show a status someone waits on listen for it changing (LiveStatus).
        Services.AddSingleton(new Barangay.App.Live.LiveNotifier(Microsoft.Extensions.Logging.Abstractions.NullLogger<Barangay.App.Live.LiveNotifier>.Instance));
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's input services are IAsyncDisposable only: the container is disposed asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
        await DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    /// <summary>From now on the page's caller is this demo account (with this official position, if any).</summary>
    protected async Task SignInAsync(string userName, string? position = null)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
        Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, position);
    }

    /// <summary>A read of the demo database (what a page's action stored).</summary>
    protected async Task<T> DbAsync<T>(Func<BarangayDbContext, Task<T>> read)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        return await read(db);
    }
}
