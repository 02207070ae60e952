using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Bench.Circuits;

/// <summary>
/// One open page, held the way blazor.web.js holds it, without a browser: GET the page (prerendered, with its
/// interactive-server markers and persisted state), open the SignalR connection with the blazorpack protocol,
/// StartCircuit + UpdateRootComponents as the browser does, acknowledge every render batch, answer every JS call,
/// and dispatch a click through the renderer's DispatchEventAsync. Only what a phone's browser would send.
/// </summary>
internal sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly string _clickLabel;
    private long _interopObjectId;
    private ulong _clickHandlerId;
    private long _callId;
    private TaskCompletionSource _rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BlazorCircuitClient(HubConnection hub, string clickLabel)
    {
        _hub = hub;
        _clickLabel = clickLabel;
    }

    /// <summary>Errors the server reported to this page (JS.Error); a healthy run has none.</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// Opens the page at <paramref name="path"/> as a signed-in browser would and waits until it is interactive and its
    /// button labelled <paramref name="clickLabel"/> has a click handler.
    /// </summary>
    public static async Task<BlazorCircuitClient> OpenAsync(Uri baseUri, CookieContainer cookies, string path, string clickLabel, TimeSpan timeout, CancellationToken ct)
    {
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseUri };
        var html = await http.GetStringAsync(path, ct);
        var markers = Marker().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server" && m["descriptor"] is not null).ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"{path} has no interactive-server component");
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((m, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = m.DeepClone(),
            }).ToArray()),
        };

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, o => o.Cookies = cookies);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var hub = builder.Build();
        var client = new BlazorCircuitClient(hub, clickLabel);
        client.Wire();
        await hub.StartAsync(ct);
        var secret = await hub.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), new Uri(baseUri, path).ToString(), "[]", "", ct);
        if (string.IsNullOrEmpty(secret)) throw new InvalidOperationException("the server refused to start the circuit: " + client.Error);
        await hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try { await client._ready.Task.WaitAsync(cts.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await client.DisposeAsync();
            throw new TimeoutException($"{path} did not become interactive within {timeout.TotalSeconds:F0} s{(client.Error is null ? "" : ": " + client.Error)}");
        }
        return client;
    }

    /// <summary>
    /// Clicks the button and returns the time until the server has both handled the click (its answer to the
    /// DispatchEventAsync call, an error failing the click) and sent the re-render: what a phone waits for.
    /// </summary>
    public async Task<double> ClickAsync(CancellationToken ct)
    {
        // One click at a time per page, as one thumb does (the answer and the re-render are matched to it).
        await _oneClick.WaitAsync(ct);
        try { return await ClickOnceAsync(ct); }
        finally { _oneClick.Release(); }
    }

    private readonly SemaphoreSlim _oneClick = new(1, 1);

    private async Task<double> ClickOnceAsync(CancellationToken ct)
    {
        var rendered = _rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callId = Interlocked.Increment(ref _callId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _click = (callId, handled);
        var handler = _clickHandlerId;
        var args = $$"""[{"eventHandlerId":{{handler}},"eventName":"click","eventFieldInfo":null},{"type":"click","detail":1,"screenX":0,"screenY":0,"clientX":0,"clientY":0,"offsetX":0,"offsetY":0,"pageX":0,"pageY":0,"movementX":0,"movementY":0,"button":0,"buttons":0,"ctrlKey":false,"shiftKey":false,"altKey":false,"metaKey":false}]""";
        var started = Stopwatch.GetTimestamp();
        await _hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", _interopObjectId, args, ct);
        try { await Task.WhenAll(rendered.Task, handled.Task).WaitAsync(TimeSpan.FromSeconds(30), ct); }
        catch (TimeoutException) { throw new TimeoutException($"no answer and re-render within 30 s of a click on handler {handler} (renderer interop {_interopObjectId}){(Error is null ? "" : ": " + Error)}"); }
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private (string CallId, TaskCompletionSource Handled)? _click;

    private void Wire()
    {
        _hub.On<long, byte[]>("JS.RenderBatch", async (batchId, data) =>
        {
            if (FindClickHandler(data, _clickLabel) is { } id) _clickHandlerId = id; // re-rendered: its newest id
            await _hub.SendAsync("OnRenderCompleted", batchId, null);
            if (_clickHandlerId != 0 && _interopObjectId != 0) _ready.TrySetResult();
            _rendered.TrySetResult();
        });
        _hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async (a, _) =>
        {
            var handle = (long)a[0]!;
            var identifier = (string)a[1]!;
            if (identifier == "Blazor._internal.attachWebRendererInterop")
                _interopObjectId = (long)JsonNode.Parse((string)a[2]!)![1]!["__dotNetObject"]!;
            if (handle != 0) await _hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{JsResult(identifier)}]");
        }, this);
        _hub.On<string, bool, string>("JS.EndInvokeDotNet", (callId, ok, result) =>
        {
            if (_click is not { } click || click.CallId != callId) return;
            if (ok) click.Handled.TrySetResult();
            else click.Handled.TrySetException(new InvalidOperationException(Error = "a click failed on the server: " + result));
        });
        _hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        _hub.On<string>("JS.Error", e => Error = e);
    }

    /// <summary>
    /// What a phone's browser answers: most calls return nothing; a few are asked a yes/no question (dark mode, and
    /// whether the screen is wide enough for the drawer beside the page: a phone's is not).
    /// </summary>
    private static string JsResult(string identifier) =>
        identifier.Contains("DarkMode", StringComparison.OrdinalIgnoreCase) || identifier == "barangay.isWideScreen" || identifier.StartsWith("mudElementRef.", StringComparison.Ordinal) && identifier.Contains("Is", StringComparison.Ordinal)
            ? "false" : "null";

    private int _buttonComponentId = -1;
    private static readonly bool Trace = Environment.GetEnvironmentVariable("BENCH_CIRCUIT_TRACE") == "1";

    /// <summary>
    /// Follows the button through render batches (<see cref="RenderBatchReader"/>). It is found where an element is
    /// inserted whose own attributes (the attribute frames right after the element frame, not a descendant's, and not
    /// the parameters of the component that renders it) carry both the aria-label and a click handler; that element's
    /// component is remembered. When the button re-renders with a new handler, the batch disposes the old id and sets
    /// "onclick" anew in that component's diff. Returns the id to click next (null: unchanged).
    /// </summary>
    internal ulong? FindClickHandler(byte[] batch, string label)
    {
        var reader = new RenderBatchReader(batch);
        if (Trace) Console.Error.WriteLine(reader.Describe());
        if (reader.DisposedComponentIds().Contains(_buttonComponentId)) _buttonComponentId = -1;
        // A batch may hold several diffs of one component (it rendered twice before the batch went out): the id is
        // followed in order, and an "onclick" set anew counts only when the id it replaces is disposed in this batch.
        var disposed = reader.DisposedEventHandlerIds().ToHashSet();
        var current = _clickHandlerId;
        foreach (var (componentId, diff) in reader.Diffs())
        {
            foreach (var (type, frame) in reader.Edits(diff))
            {
                if (type == RenderBatchReader.PrependFrame)
                {
                    var end = frame + reader.SubtreeLength(frame);
                    for (var f = frame; f < end; f++)
                    {
                        if (reader.FrameType(f) != RenderBatchReader.ElementFrame) continue;
                        var (labelled, click) = (false, 0UL);
                        for (var a = f + 1; a < end && reader.FrameType(a) == RenderBatchReader.AttributeFrame; a++)
                        {
                            var (name, value, id) = reader.Attribute(a);
                            if (name == "aria-label" && value == label) labelled = true;
                            else if (name == "onclick" && id != 0) click = id;
                        }
                        if (!labelled || click == 0) continue;
                        _buttonComponentId = componentId;
                        current = click;
                    }
                }
                else if (type == RenderBatchReader.SetAttribute && componentId == _buttonComponentId && disposed.Contains(current))
                {
                    var (name, _, id) = reader.Attribute(frame);
                    if (name == "onclick" && id != 0) current = id;
                }
            }
        }
        return current != _clickHandlerId ? current : null;
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();

    /// <summary>Blazor Server's hub speaks "blazorpack": SignalR's MessagePack protocol under Blazor's name.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();
        public string Name => "blazorpack";
        public int Version => _inner.Version;
        public TransferFormat TransferFormat => TransferFormat.Binary;
        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);
        public bool TryParseMessage(ref System.Buffers.ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) => _inner.TryParseMessage(ref input, binder, out message);
        public void WriteMessage(HubMessage message, System.Buffers.IBufferWriter<byte> output) => _inner.WriteMessage(message, output);
        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}
