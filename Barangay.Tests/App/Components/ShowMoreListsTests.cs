using Barangay.App.Components.Pages.Admin;
using Barangay.App.Components.Pages.Imports;
using Barangay.Data.Files;
using Barangay.Data.Imports;
using Barangay.Tests.Data.Imports;
using Barangay.Data.Accounts;
using Barangay.Data.Seed;
using Barangay.Tests.App.Notifications;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>
/// Lists that used to stop without saying so (suspicious activity at 50 addresses, "Your imports" at 20): each says how
/// many there are, and "Show more" brings the rest. Rendered by bUnit over the real services and the demo database.
/// </summary>
public sealed class ShowMoreListsTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly TestServices _services;
    private readonly TestCaller _viewer;

    public ShowMoreListsTests(DemoDatabase database)
    {
        _services = new TestServices(database.AppConnectionString, s => s.AddScoped<SignInMonitorService>());
        _viewer = NotificationLiveServices.Add(Services, database.AppConnectionString);
        Services.AddScoped<SignInMonitorService>();
        Services.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot });
        Services.AddSingleton<IImportDispatcher>(new ImportTestHost.RecordingDispatcher());
        Services.AddScoped<ImportService>();
    }

    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-more-" + Guid.NewGuid().ToString("N")[..8]);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    private const string AddressRows = "[data-testid=suspicious-addresses] tbody tr.mud-table-row";

    [Fact]
    public async Task Addresses_MoreThanAPage_CountSaysSo_ShowMoreBringsTheRest()
    {
        var sessions = _services.Get<SessionService>();
        for (var a = 0; a < SignInMonitorService.PageSize + 7; a++)
            for (var i = 0; i < SignInMonitorService.Threshold; i++)
                await sessions.RecordFailureAsync($"more{a}", null, "wrong username or password", $"192.0.2.{a}", "bot");
        await _services.SignInAsAsync(DemoAccounts.AdminUser);
        var total = (await _services.Get<SignInMonitorService>().GetAsync())!.AddressTotal;
        total.Should().BeGreaterThan(SignInMonitorService.PageSize);
        _viewer.Current = _services.Caller.Current;

        var cut = Render<SecurityPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=addresses-more-count]").TextContent.Trim().Should().Be($"Showing {SignInMonitorService.PageSize} of {total}"));
        cut.FindAll(AddressRows).Should().HaveCount(SignInMonitorService.PageSize);

        cut.Find("[data-testid=addresses-more]").Click();
        // Read inside bUnit's wait: the page settles with every row shown and no button left.
        cut.WaitForAssertion(() =>
        {
            cut.FindAll(AddressRows).Should().HaveCount(total);
            cut.FindAll("[data-testid=addresses-more]").Should().BeEmpty("every address is shown");
        });
    }

    [Fact]
    public async Task Imports_MoreThanAPage_ShowMoreUntilEveryImportIsShown()
    {
        await _services.SignInAsAsync(DemoAccounts.AdminUser);
        var admin = _services.Caller.Current.UserId!.Value;
        await using (var db = await _services.DbAsync())
        {
            for (var i = 0; i < 45; i++)
                db.Imports.Add(new DataImport
                {
                    ImportId = $"IMP-MORE-{i:000}", RequestedBy = admin, RequestedAt = TestClock.UtcNow.AddMinutes(-i), DatasetTarget = "residents",
                    FileName = $"purok-{i}.csv", Status = ImportStatuses.Uploaded,
                });
            await db.SaveChangesAsync();
        }
        _viewer.Current = _services.Caller.Current;
        int total;
        await using (var db = await _services.DbAsync())
            total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Imports, i => i.RequestedBy == admin);
        total.Should().BeGreaterThanOrEqualTo(45);

        var cut = Render<ImportsPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=imports-more]").TextContent.Should().Contain($"20 of {total} shown"));
        cut.FindAll("[data-testid=import-row]").Should().HaveCount(20);
        cut.Find("[data-testid=imports-more]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=imports-more]").TextContent.Should().Contain($"40 of {total} shown"));
        cut.FindAll("[data-testid=import-row]").Should().HaveCount(40);
        cut.Find("[data-testid=imports-more]").Click();
        // Read inside bUnit's wait: the page settles with every import shown and no button left.
        cut.WaitForAssertion(() =>
        {
            cut.FindAll("[data-testid=import-row]").Should().HaveCount(total);
            cut.FindAll("[data-testid=imports-more]").Should().BeEmpty("every import is shown");
        });
    }
}
