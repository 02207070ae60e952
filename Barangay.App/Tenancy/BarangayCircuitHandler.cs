using Barangay.Data.Tenancy;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Barangay.App.Tenancy;

/// <summary>
/// A circuit outlives the request that opened it: every inbound activity (an event, a JS call, a reconnect) runs with
/// the circuit's barangay as the ambient one, whatever thread or flow delivers it.
/// </summary>
public sealed class BarangayCircuitHandler(ICurrentBarangay current) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using var scope = BarangayAmbient.Use(current.Barangay);
            await next(context);
        };
}
