using System.Globalization;
using Barangay.App.Components.Pages.Documents;
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

namespace Barangay.Tests.App.Components;

/// <summary>Issue 26: the officials' walk-in request form (the counter's everyday form) in the official's language.</summary>
public class WalkInPageTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly TestCaller _caller = new();
    private readonly (CultureInfo Culture, CultureInfo Ui) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public WalkInPageTests(DemoDatabase database)
    {
        // The page's language is the circuit's: set before the services (UiLanguage reads it) are built.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = AppLanguages.FilipinoCulture;
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<ICurrentUser>(_caller);
        Services.AddScoped<BarangayDb>();
        Services.AddSingleton<BarangayProfileService>();
        Services.AddSettingsAndAudit();
        Services.AddBarangayFiles(new FileStorageOptions { DataRoot = Path.Combine(Path.GetTempPath(), "barangay-wip-" + Guid.NewGuid().ToString("N")[..8]) });
        Services.AddSingleton(sp => new Barangay.Data.Documents.CertificateCodes(sp.GetRequiredService<FileStorageOptions>()));
        Services.AddScoped<Barangay.Data.Documents.DocumentRequestService>();
        Services.AddScoped<Barangay.Data.Residents.ResidentService>();
        Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(Barangay.App.Localization.TextsLocalizer<>));
        Services.AddScoped<Barangay.App.Localization.UiLanguage>();
    }

    public async Task InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var secretary = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoAccounts.OfficialUser);
        _caller.Current = TestCaller.As(secretary.Id, secretary.UserName!, secretary.Roles, OfficialPositions.Secretary);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
        await DisposeAsync();
    }

    [Fact]
    public void WalkInRequest_ForAFilipinoOfficial_IsInFilipino()
    {
        var cut = Render<WalkInPage>();
        cut.WaitForElement("[data-testid=walkin-resident]", TimeSpan.FromSeconds(10));
        cut.Find("h1").TextContent.Should().Be("Kahilingang personal na idinulog");
        cut.Markup.Should().Contain("Residente").And.Contain("Ipakita ang mga tugma").And.NotContain("Walk-in request").And.NotContain(">Resident<");
    }
}
