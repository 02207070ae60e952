using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Barangay.Tests.Infrastructure;

/// <summary>bUnit with MudBlazor's services and loose JS interop, as the components run in the app.</summary>
public abstract class ComponentTestBase : BunitContext
{
    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Under load (eight test runs on two cores) a re-render can take longer than bUnit's 1 s default.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        Services.AddLocalization();
        // The suite's clock (BARANGAY_TEST_NOW, or now): pages take "today" from the injected TimeProvider.
        Services.AddSingleton(TestClock.Running());
    }
}
