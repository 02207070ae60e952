using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Barangay.Data.Files;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.App.Files;

/// <summary>
/// The real app process over a demo database, sharing a data folder and keys with an in-test <see cref="FileService"/>
/// that puts the files there (as a feature's page would).
/// </summary>
public sealed partial class FileDownloadFixture : IAsyncLifetime
{
    public DemoDatabase Database { get; } = new();
    public FilesTestHost Host { get; private set; } = null!;
    public AppProcess App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var options = new FileStorageOptions
        {
            DataRoot = Path.Combine(Path.GetTempPath(), "barangay-dl-" + Guid.NewGuid().ToString("N")[..8]),
            EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            LinkKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        Host = FilesTestHost.Start(Database.AppConnectionString, options);
        App = await AppProcess.StartAsync(Database.AppConnectionString, new Dictionary<string, string>
        {
            ["Storage__DataRoot"] = options.DataRoot,
            ["Storage__EncryptionKey"] = options.EncryptionKey,
            ["Storage__LinkKey"] = options.LinkKey,
        });
    }

    public HttpClient Anonymous() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(App.Url) };

    /// <summary>Signs in through the Identity login form, as a browser would, and keeps the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string user, string password)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(App.Url) };
        var form = await http.GetStringAsync("/Identity/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await http.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{user} should be able to sign in");
        return http;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        var root = Host?.Options.DataRoot;
        if (Host is not null) await Host.DisposeAsync();
        if (root is not null && Directory.Exists(root)) Directory.Delete(root, recursive: true);
        await Database.DisposeAsync();
    }
}
