using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Barangay.App.Localization;

/// <summary>
/// Runs every inbound event of a circuit in the circuit's chosen language, so dates and numbers formatted with the
/// current culture follow a switch made without reloading the page.
/// </summary>
public sealed class CultureCircuitHandler(UiLanguage language) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            language.Apply();
            return next(context);
        };
}
