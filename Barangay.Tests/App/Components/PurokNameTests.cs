using Barangay.App.Components.Shared;
using Barangay.Data;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>Puroks are shown by their label wherever a person reads them, never by their code.</summary>
public class PurokNameTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    public PurokNameTests(DemoDatabase database)
    {
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<ICurrentUser>(new TestCaller());
        Services.AddScoped<BarangayDb>();
        Services.AddScoped<LookupService>();
        Services.AddScoped<PurokLabelCache>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Theory]
    [InlineData("purok-1", "Purok 1 - Sampaguita")]
    [InlineData("purok-7", "Purok 7 - Waling-Waling")]
    [InlineData("no-such-purok", "no-such-purok")]
    public void PurokName_Code_ShowsTheLabelFormsUse(string code, string shown)
    {
        var cut = Render<PurokName>(p => p.Add(x => x.Code, code));

        cut.WaitForAssertion(() => cut.Markup.Trim().Should().Be(shown));
    }
}
