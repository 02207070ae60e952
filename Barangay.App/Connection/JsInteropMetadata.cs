using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.JSInterop;

namespace Barangay.App.Connection;

/// <summary>
/// Issue 29, capacity: each circuit has its own JS runtime, and its JSON options (their converters hold that runtime)
/// build their own serialization metadata for every type that crosses JS interop. For an int, a double, a string or a
/// Guid sent as a call's argument, System.Text.Json also looks for a polymorphic ancestor among the type's interfaces
/// and builds a contract for each one (INumber&lt;int&gt;, IComparable&lt;int&gt;, ISpanParsable&lt;int&gt;, ... about
/// thirty for a number): measured, about 30 KB per circuit for int alone, and 83 KB of JSON metadata per open
/// resident home in all (docs/capacity.md). Those interfaces of the System namespaces are never what interop
/// serializes (nothing is declared as IComparable), so the circuit's runtime is given a resolver that answers "no
/// contract" for them; every other type gets the reflection contract it got before, and JSON is written and read the same.
/// </summary>
public sealed class JsInteropMetadata : IJsonTypeInfoResolver
{
    public static readonly JsInteropMetadata Instance = new();
    private static readonly DefaultJsonTypeInfoResolver Reflection = new();

    private JsInteropMetadata() { }

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        IsMarkerInterface(type) ? null : Reflection.GetTypeInfo(type, options);

    /// <summary>
    /// Interfaces of System, System.Numerics and System.Runtime.Serialization that are not collections: the ones
    /// System.Text.Json only visits while looking for a polymorphic base of a primitive.
    /// </summary>
    internal static bool IsMarkerInterface(Type type) =>
        type.IsInterface
        && type.Namespace is "System" or "System.Numerics" or "System.Runtime.Serialization"
        && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    /// <summary>
    /// Replaces the circuit JS runtime's registration (Blazor's scoped RemoteJSRuntime) with one that builds the same
    /// runtime and gives its JSON options <see cref="Instance"/> before they are first used. Left as it is if the
    /// framework registers something else (then nothing is trimmed, and nothing breaks).
    /// </summary>
    public static void Use(IServiceCollection services)
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(IJSRuntime));
        if (descriptor is not { ImplementationType: { } runtimeType, Lifetime: ServiceLifetime.Scoped }
            || !typeof(JSRuntime).IsAssignableFrom(runtimeType)
            || typeof(JSRuntime).GetProperty("JsonSerializerOptions", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic) is not { } optionsProperty)
            return;
        var create = ActivatorUtilities.CreateFactory(runtimeType, Type.EmptyTypes);
        services.Remove(descriptor);
        services.AddScoped<IJSRuntime>(sp =>
        {
            var runtime = (JSRuntime)create(sp, null);
            var options = (JsonSerializerOptions)optionsProperty.GetValue(runtime)!;
            if (!options.IsReadOnly && options.TypeInfoResolver is null) options.TypeInfoResolver = Instance;
            return runtime;
        });
    }
}
