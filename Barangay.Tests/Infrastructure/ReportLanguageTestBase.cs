using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// A test class over services whose prints follow the barangay's report language (<c>reports.language</c>): every test
/// starts with the setting absent (English) and leaves it absent, whatever it stored itself or through the settings page,
/// because the tests of one class share their database.
/// </summary>
/// <param name="create">Builds the test's host (once a test, before the setting is cleared).</param>
/// <param name="services">The host's services, where the setting is stored.</param>
public abstract class ReportLanguageTestBase<THost>(Func<THost> create, Func<THost, TestServices> services) : IAsyncLifetime
    where THost : IAsyncDisposable
{
    protected THost Host { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Host = create();
        await SetReportLanguageAsync(null);
    }

    public async Task DisposeAsync()
    {
        await SetReportLanguageAsync(null);
        await Host.DisposeAsync();
    }

    /// <summary>Stores the barangay's report language as the settings page does (a JSON string), or removes it (null: English).</summary>
    protected async Task SetReportLanguageAsync(string? code)
    {
        await using var db = await services(Host).DbAsync();
        await db.AppSettings.Where(s => s.Key == SettingKeys.ReportLanguage).ExecuteDeleteAsync();
        if (code is not null) await db.AppSettings.AddAsync(new AppSetting { Key = SettingKeys.ReportLanguage, Value = $"\"{code}\"" });
        await db.SaveChangesAsync();
    }
}
