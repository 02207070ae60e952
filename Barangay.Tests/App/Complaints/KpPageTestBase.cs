using Barangay.App.Localization;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;

namespace Barangay.Tests.App.Complaints;

/// <summary>
/// A KP page rendered by bUnit over the real KP service and the demo database (a <see cref="ComplaintsTestHost"/> whose
/// clock the test chose), with the app's localizer: the set-up the KP page tests share. The host goes with the bUnit context.
/// </summary>
public abstract class KpPageTestBase : ComponentTestBase, IAsyncLifetime
{
    protected KpPageTestBase(DemoDatabase database, FakeTimeProvider clock)
    {
        Clock = clock;
        Host = new ComplaintsTestHost(database.AppConnectionString, clock);
        Services.AddTransient(typeof(IStringLocalizer<>), typeof(TextsLocalizer<>));
        Services.AddSingleton(Host.Kp);
    }

    protected ComplaintsTestHost Host { get; }

    /// <summary>The services' clock (the page's own is the suite's, from <see cref="ComponentTestBase"/>).</summary>
    protected FakeTimeProvider Clock { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Host.DisposeAsync();
        await base.DisposeAsync();
    }
}
