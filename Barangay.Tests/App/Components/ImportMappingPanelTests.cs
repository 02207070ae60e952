using System.Text;
using Barangay.App.Components.Pages.Imports;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Imports;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Imports;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Components;

/// <summary>The imports mapping panel, rendered by bUnit over the real import service and the demo database.</summary>
public class ImportMappingPanelTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly TestCaller _caller = new();
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "imports-bunit-" + Guid.NewGuid().ToString("N")[..8]);

    public ImportMappingPanelTests(DemoDatabase database)
    {
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<ICurrentUser>(_caller);
        Services.AddScoped<BarangayDb>();
        Services.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot });
        Services.AddSingleton<IImportDispatcher>(new ImportTestHost.RecordingDispatcher());
        Services.AddScoped<ImportService>();
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == DemoAccounts.AdminUser);
        _caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try { Directory.Delete(_dataRoot, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    /// <summary>
    /// MudSelect closes its list (a round trip to the browser) before it reports the chosen value, so a quick "Check again"
    /// can reach the server first. The panel used to replace its choices with the server's answer to that check, which
    /// threw away the choice that landed meanwhile: the select went back to "(not in the file)" and the import had no purok.
    /// </summary>
    [Fact]
    public async Task ChoiceReportedWhileACheckRuns_IsKeptAndChecked()
    {
        var imports = Services.GetRequiredService<ImportService>();
        var csv = new StringBuilder("Apelyido,Pangalan,Kaarawan,Kasarian,Zona\r\n");
        for (var i = 0; i < 50; i++) csv.Append($"Mappingtest{i},Tala,1990-03-15,F,Purok 1\r\n");
        var upload = await imports.UploadAsync(ImportTargets.Residents, "zona.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
        upload.Ok.Should().BeTrue(upload.Message);
        var view = (await imports.GetAsync(upload.Value))!;
        view.Mapping.Columns.Should().NotContainKey("Purok", "the guess does not know \"Zona\"");

        // Signalled when the panel reports a check made with the purok column: WaitForAssertion re-checks only after a
        // render, and the report can come after the last one.
        var checkedWithPurok = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cut = Render<ImportMappingPanel>(p => p.Add(x => x.View, view)
            .Add(x => x.Changed, EventCallback.Factory.Create<ImportView?>(this, v =>
            {
                view = v ?? view;
                if (view.Mapping.Columns.TryGetValue("Purok", out var column) && column == 4) checkedWithPurok.TrySetResult();
            })));
        var purok = cut.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label!.StartsWith("Purok", StringComparison.Ordinal));

        // "Check again" first (its check is now waiting on the database), then the select reports the choice, as MudSelect
        // does once its list has closed: through the ValueChanged the panel gave it.
        var check = cut.Find("[data-testid=mapping-apply]").ClickAsync(new MouseEventArgs());
        check.IsCompleted.Should().BeFalse("the check is still running when the choice lands");
        await cut.InvokeAsync(() => purok.Instance.ValueChanged.InvokeAsync(4));
        await check;

        cut.WaitForAssertion(() => cut.Find("[data-testid=map-Purok]").TextContent.Should().Be("5. Zona", "the choice the user made stays chosen"), TimeSpan.FromSeconds(20));
        await checkedWithPurok.Task.WaitAsync(TimeSpan.FromSeconds(20));
        view.Mapping.Columns.Should().Contain("Purok", 4);
        (await imports.GetAsync(upload.Value))!.Preview!.Errors.Should().NotContain(e => e.Row == 0 && e.Message.Contains("Purok"),
            "the last check ran with the purok column");
        cut.Render(p => p.Add(x => x.View, view)); // as the page does with the view the check returned
        cut.FindAll("[data-testid=mapping-changed]").Should().BeEmpty("what is chosen is what was checked");
    }

    [Theory]
    [InlineData(1, "Import 1 row")]
    [InlineData(2, "Import 2 rows")]
    [InlineData(1250, "Import 1,250 rows")]
    public void CommitLabel_SaysRowOrRows(int rows, string label) =>
        ImportMappingPanel.CommitLabel(rows, new Barangay.App.Localization.TextsLocalizer<ImportMappingPanel>(new Barangay.App.Localization.UiLanguage()))
            .Should().Be(label, "the button used to say \"Import 1 rows\"");

    [Fact]
    public async Task YourImports_MoreThanOnePage_HasATotalAndTheNextPage()
    {
        var imports = Services.GetRequiredService<ImportService>();
        for (var i = 0; i < 23; i++)
        {
            var upload = await imports.UploadAsync(ImportTargets.Residents, $"paged{i}.csv", new MemoryStream(Encoding.UTF8.GetBytes($"Apelyido,Pangalan,Kaarawan,Kasarian,Purok\r\nPagedtest{i},Tala,1990-03-15,F,Purok 1\r\n")));
            upload.Ok.Should().BeTrue(upload.Message);
        }
        var first = await imports.MinePageAsync(0, 20);
        first.Items.Should().HaveCount(20);
        first.Total.Should().BeGreaterThanOrEqualTo(23, "the list used to stop at 20 with nothing said");
        var second = await imports.MinePageAsync(1, 20);
        second.Items.Select(r => r.Id).Should().NotIntersectWith(first.Items.Select(r => r.Id));
        (first.Items.Count + second.Items.Count).Should().Be(first.Total);
    }
}
