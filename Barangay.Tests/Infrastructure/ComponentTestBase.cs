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
        Services.AddMudServices();
        Services.AddLocalization();
    }
}
