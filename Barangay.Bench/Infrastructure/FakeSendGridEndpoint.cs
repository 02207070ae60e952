using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Barangay.Bench.Infrastructure;

/// <summary>SendGrid's v3 mail/send on 127.0.0.1, answering 202 and counting requests per <c>email_queue_id</c>.</summary>
internal sealed class FakeSendGridEndpoint : IAsyncDisposable
{
    private WebApplication _app = null!;

    public ConcurrentDictionary<string, int> RequestsPerId { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeSendGridEndpoint> StartAsync()
    {
        var fake = new FakeSendGridEndpoint();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        fake._app = builder.Build();
        fake._app.MapPost("/v3/mail/send", async (HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            var id = doc.RootElement.TryGetProperty("custom_args", out var a) && a.TryGetProperty("email_queue_id", out var v) ? v.GetString() ?? "" : "";
            fake.RequestsPerId.AddOrUpdate(id, 1, (_, n) => n + 1);
            http.Response.StatusCode = StatusCodes.Status202Accepted;
        });
        await fake._app.StartAsync();
        fake.BaseUrl = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
