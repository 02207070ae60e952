using System.Reflection;
using System.Text.Json;
using Barangay.App.Connection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Barangay.Tests.App.Connection;

/// <summary>
/// Issue 29, capacity: the circuit's JS runtime builds no JSON contracts for the interfaces System.Text.Json visits
/// while looking for a primitive's polymorphic base (INumber&lt;int&gt;, IComparable&lt;string&gt;, ...: about 30 KB per
/// circuit for int alone), and still writes and reads interop arguments exactly as before.
/// </summary>
public class JsInteropMetadataTests
{
    private static readonly object[] Arguments =
        [1, 2.5, "a", Guid.Empty, true, new List<string> { "x" }, new Dictionary<string, int> { ["k"] = 1 }, new[] { 3 }];

    [Fact]
    public void CircuitJsRuntime_BuildsNoMarkerInterfaceContracts_AndWritesArgumentsAsBefore()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        var before = Json(builder.Services.BuildServiceProvider());

        JsInteropMetadata.Use(builder.Services);
        using var app = builder.Build();
        var after = Json(app.Services);

        JsonSerializer.Serialize(Arguments, after).Should().Be(JsonSerializer.Serialize(Arguments, before))
            .And.Be("""[1,2.5,"a","00000000-0000-0000-0000-000000000000",true,["x"],{"k":1},[3]]""");
        JsonSerializer.Deserialize<double>("2.5", after).Should().Be(2.5);
        JsonSerializer.Deserialize<Guid>("\"00000000-0000-0000-0000-000000000001\"", after).Should().Be(Guid.Parse("00000000-0000-0000-0000-000000000001"));

        before.TryGetTypeInfo(typeof(System.Numerics.INumber<int>), out _).Should().BeTrue("without the trim the runtime builds a contract for it");
        after.TryGetTypeInfo(typeof(System.Numerics.INumber<int>), out _).Should().BeFalse();
        after.TryGetTypeInfo(typeof(IComparable<string>), out _).Should().BeFalse();
        after.TryGetTypeInfo(typeof(IEnumerable<string>), out _).Should().BeTrue("collections declared as interfaces are still written");
    }

    /// <summary>The JSON options of a circuit's JS runtime (Blazor's RemoteJSRuntime, resolved as a circuit does).</summary>
    private static JsonSerializerOptions Json(IServiceProvider services)
    {
        var scope = services.CreateScope();
        var runtime = scope.ServiceProvider.GetRequiredService<IJSRuntime>();
        runtime.GetType().Name.Should().Be("RemoteJSRuntime");
        return (JsonSerializerOptions)typeof(JSRuntime).GetProperty("JsonSerializerOptions", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(runtime)!;
    }
}
