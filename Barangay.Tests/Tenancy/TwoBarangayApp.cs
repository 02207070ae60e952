using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace Barangay.Tests.Tenancy;

/// <summary>
/// One app process serving two demo barangays, "a" (named Amihan, with its own public address <see cref="AmihanAddress"/>)
/// and "b" (Bagong Silang, on the deployment's address + /b/b/), a suspended "c", and "d" whose database server is down.
/// </summary>
public sealed class TwoBarangayApp : IAsyncLifetime
{
    public TwoBarangays Databases { get; } = new();
    public AppProcess App { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public const string AmihanAddress = "https://amihan.example.gov.ph/";

    public async Task InitializeAsync()
    {
        await Databases.InitializeAsync();
        await NameAsync(Databases.A.AppConnectionString, "Amihan");
        await NameAsync(Databases.B.AppConnectionString, "Bagong Silang");
        var settings = Databases.Settings(withSuspended: true).ToDictionary(kv => kv.Key.Replace(":", "__"), kv => kv.Value!);
        settings["Barangays__0__PublicUrl"] = AmihanAddress;
        // "d" (Dagat-dagatan): a barangay whose database server is down (a port nothing listens on).
        settings["Barangays__3__Slug"] = "d";
        settings["Barangays__3__Name"] = "Dagat-dagatan";
        settings["Barangays__3__ConnectionString"] = new NpgsqlConnectionStringBuilder(Databases.B.AppConnectionString) { Port = DeadPort(), Timeout = 3 }.ConnectionString;
        settings["AllowedHosts"] = "127.0.0.1;localhost;a.test;b.test"; // the host-name cases send Host: a.test / b.test
        // The app's own database (the key ring's home) is A's; requests only ever reach a barangay's through the directory.
        App = await AppProcess.StartAsync(Databases.A.AppConnectionString, settings);
        if (!Chromium.Installed) return;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
    }

    private static int DeadPort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static async Task NameAsync(string connectionString, string name)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("UPDATE app_settings SET value = to_jsonb(@name::text) WHERE key = @key", conn);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("key", SettingKeys.BarangayName);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        await Databases.DisposeAsync();
    }
}
