using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Barangay.Tests.Data.Announcements;

/// <summary>An SMS gateway on 127.0.0.1 (the real one is outside the system): answers 200 with an id unless told otherwise.</summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _script = new();
    private WebApplication _app = null!;

    public ConcurrentQueue<(string To, string Message, string? Authorization, int Answer)> Requests { get; } = new();

    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next text arrives after this is read: take it before looking at <see cref="Requests"/>, then await it.</summary>
    public Task NextArrival => Volatile.Read(ref _arrived).Task;

    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// The newest text to <paramref name="number"/> after its first <paramref name="after"/> that matches, waiting for
    /// it to arrive. Woken by each arrival (no polling); <paramref name="timeout"/> is only how long to wait.
    /// </summary>
    public async Task<string> WaitForTextAsync(string number, System.Text.RegularExpressions.Regex match, int after, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var arrival = NextArrival;
            var texts = Requests.Where(r => r.To == number).Select(r => r.Message).Skip(after).Where(t => match.IsMatch(t)).ToList();
            if (texts.Count > 0) return texts[^1];
            try { await arrival.WaitAsync(deadline.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"No text matching {match} reached {number} within {timeout.TotalSeconds:0} s."); }
        }
    }

    public int CountTo(string number) => Requests.Count(r => r.To == number);

    public void Answer(params int[] codes)
    {
        foreach (var c in codes) _script.Enqueue(c);
    }

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var fake = new FakeSmsGateway();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        fake._app = builder.Build();
        fake._app.MapPost("/api/messages", async (HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            var code = fake._script.TryDequeue(out var c) ? c : 200;
            fake.Requests.Enqueue((doc.RootElement.GetProperty("to").GetString()!, doc.RootElement.GetProperty("message").GetString()!,
                http.Request.Headers.Authorization.ToString(), code));
            Interlocked.Exchange(ref fake._arrived, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            http.Response.StatusCode = code;
            if (code == 200) await http.Response.WriteAsJsonAsync(new { id = "msg-" + fake.Requests.Count });
        });
        await fake._app.StartAsync();
        fake.BaseUrl = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api";
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
