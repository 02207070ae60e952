using System.Net;
using System.Text.RegularExpressions;

namespace Barangay.Tests.Infrastructure;

/// <summary>Plain HTTP against an <see cref="AppProcess"/>: any Host header, any forwarded header, forms with their antiforgery token.</summary>
public sealed class HttpProbe(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public Task<HttpResponseMessage> GetAsync(string path, string? host = null, IDictionary<string, string>? headers = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), host, headers);

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> form, string? host = null, IDictionary<string, string>? headers = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) }, host, headers);

    /// <summary>The page's antiforgery token (its cookie stays in this probe's cookie jar).</summary>
    public async Task<string> AntiforgeryTokenAsync(string path, string? host = null)
    {
        using var res = await GetAsync(path, host);
        res.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {path} should show its form");
        var html = await res.Content.ReadAsStringAsync();
        var m = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        m.Success.Should().BeTrue($"{path} should carry an antiforgery token");
        return m.Groups[1].Value;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage req, string? host, IDictionary<string, string>? headers)
    {
        using (req)
        {
            if (host is not null) req.Headers.Host = host;
            foreach (var (k, v) in headers ?? new Dictionary<string, string>()) req.Headers.TryAddWithoutValidation(k, v);
            return await _http.SendAsync(req);
        }
    }

    public void Dispose() => _http.Dispose();
}
