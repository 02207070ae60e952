using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Barangay.Tests.Data.Files;

/// <summary>
/// A small S3-compatible endpoint on 127.0.0.1 (path-style PUT/GET/DELETE of objects) standing in for the bucket,
/// which is outside the system. It refuses unsigned requests and bodies whose declared SHA-256 does not match.
/// </summary>
public sealed class FakeS3 : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentDictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The x-amz-content-sha256 of each PUT: a signed payload hash, not UNSIGNED-PAYLOAD or aws-chunked.</summary>
    public ConcurrentQueue<string> PayloadHashes { get; } = new();

    private FakeS3(WebApplication app) => _app = app;

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeS3> StartAsync(string accessKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeS3(app);
        app.Map("/{bucket}/{**key}", async (string bucket, string key, HttpContext http) =>
        {
            fake.Requests.Enqueue($"{http.Request.Method} /{bucket}/{key}");
            var auth = http.Request.Headers.Authorization.ToString();
            if (!auth.StartsWith($"AWS4-HMAC-SHA256 Credential={accessKey}/", StringComparison.Ordinal)) return Results.StatusCode(403);
            var id = bucket + "/" + key;
            switch (http.Request.Method)
            {
                case "PUT":
                    using (var body = new MemoryStream())
                    {
                        await http.Request.Body.CopyToAsync(body);
                        var declared = http.Request.Headers["x-amz-content-sha256"].ToString();
                        fake.PayloadHashes.Enqueue(declared);
                        if (declared != "UNSIGNED-PAYLOAD" && declared != Convert.ToHexStringLower(SHA256.HashData(body.ToArray())))
                            return Results.StatusCode(400);
                        fake.Objects[id] = body.ToArray();
                    }
                    http.Response.Headers.ETag = "\"fake\"";
                    return Results.Ok();
                case "GET":
                    return fake.Objects.TryGetValue(id, out var bytes)
                        ? Results.Bytes(bytes, "application/octet-stream")
                        : Results.Text("<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>", "application/xml", statusCode: 404);
                case "DELETE":
                    fake.Objects.TryRemove(id, out _);
                    return Results.NoContent();
                default:
                    return Results.StatusCode(405);
            }
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
