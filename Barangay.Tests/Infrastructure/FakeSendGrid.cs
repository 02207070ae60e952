using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Barangay.Tests.Infrastructure;

/// <summary>One request SendGrid's mail/send endpoint received: which queue row, to whom, and what it answered.</summary>
public sealed record FakeSendGridRequest(string? QueueId, string? To, string? Subject, string? Authorization, int Answer);

/// <summary>
/// A stand-in for SendGrid's v3 mail/send on 127.0.0.1 (SendGrid is outside the system): answers 202 unless told
/// otherwise (<see cref="Answer"/> queues status codes: 429, 500, 400 …) and records every request.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    public const string RejectionMessage = "The from address does not match a verified Sender Identity.";

    private readonly ConcurrentQueue<int> _script = new();
    private WebApplication _app = null!;

    public ConcurrentQueue<FakeSendGridRequest> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public void Answer(params int[] statusCodes)
    {
        foreach (var c in statusCodes) _script.Enqueue(c);
    }

    public IReadOnlyList<FakeSendGridRequest> For(Guid queueId) => Requests.Where(r => r.QueueId == queueId.ToString()).ToList();

    public static async Task<FakeSendGrid> StartAsync()
    {
        var fake = new FakeSendGrid();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        fake._app = builder.Build();
        fake._app.MapPost("/v3/mail/send", fake.HandleAsync);
        await fake._app.StartAsync();
        fake.BaseUrl = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var doc = await JsonDocument.ParseAsync(http.Request.Body);
        var root = doc.RootElement;
        string? Str(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.GetString() : null;
        var personalization = root.GetProperty("personalizations")[0];
        var to = Str(personalization.GetProperty("to")[0], "email");
        var subject = Str(root, "subject") ?? Str(personalization, "subject");
        var queueId = root.TryGetProperty("custom_args", out var args) ? Str(args, "email_queue_id") : null;
        var status = _script.TryDequeue(out var scripted) ? scripted : StatusCodes.Status202Accepted;
        Requests.Enqueue(new FakeSendGridRequest(queueId, to, subject, http.Request.Headers.Authorization.ToString(), status));
        http.Response.StatusCode = status;
        if (status >= 400)
        {
            var message = status == 400 ? RejectionMessage : status == 429 ? "too many requests" : "internal error";
            await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message, field = status == 400 ? "from" : (string?)null } } });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
