using Barangay.Data;
using Barangay.Data.Localization;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Localization;

/// <summary>The barangay's default language (<c>language.default</c>) is set on the settings page and read by the first-visit rule.</summary>
public class DefaultLanguageSettingTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public async Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        await using var db = await _services.DbAsync();
        var admin = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == DemoAccounts.AdminUser);
        _services.Caller.Current = TestCaller.As(admin.Id, admin.UserName!, admin.Roles, null);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private SettingsService Settings => _services.Get<SettingsService>();

    /// <summary>A fresh reader each time: the app's own caches the setting for a minute.</summary>
    private Task<string?> FirstVisitLanguageAsync() =>
        new LanguagePreferences(_services.Get<IDbContextFactory<BarangayDbContext>>(), TimeProvider.System).BarangayDefaultAsync();

    [Fact]
    public async Task DefaultLanguage_SetToFilipino_IsWhatAFirstVisitGets_AndAudited()
    {
        var edit = (await Settings.GetAsync())!;
        edit.DefaultLanguage.Should().Be(AppLanguages.English, "never set means English");
        (await Settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();
        await using (var db = await _services.DbAsync())
            (await db.AuditLogs.AsNoTracking().CountAsync(a => a.TargetId == SettingKeys.DefaultLanguage)).Should().Be(0, "saving English when nothing was stored is no change");

        edit = (await Settings.GetAsync())!;
        edit.DefaultLanguage = AppLanguages.Filipino;
        var saved = await Settings.UpdateAsync(edit);
        saved.Succeeded.Should().BeTrue(string.Join("; ", saved.AllMessages));

        (await FirstVisitLanguageAsync()).Should().Be(AppLanguages.Filipino);
        (await Settings.GetAsync())!.DefaultLanguage.Should().Be(AppLanguages.Filipino);
        await using (var db = await _services.DbAsync())
            (await db.AuditLogs.AsNoTracking().CountAsync(a => a.TargetId == SettingKeys.DefaultLanguage)).Should().Be(1);
    }

    [Fact]
    public async Task DefaultLanguage_NotOneOfOurs_RefusedByField()
    {
        var edit = (await Settings.GetAsync())!;
        edit.DefaultLanguage = "de-DE";
        var result = await Settings.UpdateAsync(edit);
        result.Errors.Should().ContainKey(nameof(SettingsEdit.DefaultLanguage)).WhoseValue.Should().Contain("English or Filipino");
    }
}
