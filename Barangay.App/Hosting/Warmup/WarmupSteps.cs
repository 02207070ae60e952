using System.Net;
using System.Security.Claims;
using Barangay.Data;
using Barangay.Data.Dashboard;
using Barangay.Data.Municipality;
using Barangay.Data.Replicas;
using Barangay.Data.Security;
using Barangay.Data.Tenancy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Barangay.App.Hosting.Warmup;

/// <summary>
/// What a cold process pays on its first user, paid before it says ready: the connection pools of the leader and of the
/// read endpoint opened (<see cref="WarmupOptions.Connections"/> each), EF Core's model built, the queries of the three
/// home pages compiled and run once, and the sign-in page rendered once through the process's own listener.
/// Each step that fails is reported and the next one still runs. Nothing here writes, beyond what the first visitor
/// would (the sign-in page's antiforgery token creates the first Data Protection key on a brand-new database).
/// </summary>
public sealed class WarmupSteps(
    IServiceScopeFactory scopes, IDbContextFactory<BarangayDbContext> leader, StaleReadContextFactory reads, IHttpContextAccessor http,
    IServer server, IConfiguration config, Microsoft.AspNetCore.DataProtection.IDataProtectionProvider keys, TenancyOptions tenancy, IServiceProvider services, WarmupOptions options, ILogger<WarmupSteps> log)
{
    /// <summary>The warm-up's own caller: no such account exists, so the home queries read no one's records.</summary>
    public static readonly Guid WarmupUserId = new("00000000-0000-0000-0000-00000000a11e");

    private volatile string? _current;

    /// <summary>The step under way, for the time box's message.</summary>
    public string? Current => _current;

    /// <summary>Null when every step went through; else what did not, in plain words.</summary>
    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var failures = new List<string>();
        using (BarangayAmbient.UseHome())
        {
            // The deployment's own database (on a deployment of one barangay, that barangay's).
            await StepAsync("opening the leader's connection pool", failures, () => OpenPoolAsync(leader.CreateDbContextAsync, ct));
            await StepAsync("opening the read endpoint's connection pool", failures, () => OpenPoolAsync(reads.CreateDbContextAsync, ct));
            // Synchronous inside Data Protection: on a pool thread, so the time box still holds if the database hangs.
            await StepAsync("loading the Data Protection key ring", failures, () => Task.Run(() => keys.CreateProtector("warm-up").Protect([1]), ct));
        }
        if (!tenancy.RequireBarangay)
        {
            await StepAsync("running the home pages' queries", failures, () => HomeQueriesAsync(ct));
        }
        else if (services.GetService<IBarangayDirectory>() is { } directory)
        {
            // Several barangays: each one's home queries once, which also opens a connection in each barangay's pools.
            IReadOnlyList<BarangayListing> barangays = [];
            await StepAsync("listing the barangays", failures, async () => barangays = await directory.ListAsync(ct));
            foreach (var b in barangays.Where(b => b.IsActive))
            {
                using var _ = BarangayAmbient.Use(b);
                await StepAsync($"running {b.Slug}'s home pages' queries", failures, () => HomeQueriesAsync(ct));
            }
        }
        foreach (var page in options.Pages) await StepAsync("rendering " + page, failures, () => RenderAsync(page, ct));
        _current = null;
        return failures.Count == 0 ? null : string.Join("; ", failures);
    }

    private async Task StepAsync(string name, List<string> failures, Func<Task> step)
    {
        _current = name;
        try
        {
            await step();
        }
        // Broad on purpose: a warm-up that fails must never keep the process from starting; what failed is reported in
        // /healthz and the log, and the same fault then shows where the app handles it (the outage page, the retry).
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Warm-up: {Step} failed", name);
            failures.Add($"{name} failed ({e.GetType().Name}: {FirstLine(e.Message)})");
        }
    }

    private async Task OpenPoolAsync(Func<CancellationToken, Task<BarangayDbContext>> open, CancellationToken ct)
    {
        var contexts = new List<BarangayDbContext>();
        try
        {
            // At once, not one after another: the pool then holds that many idle connections for the first users.
            var opening = Enumerable.Range(0, Math.Max(1, options.Connections)).Select(async _ =>
            {
                var db = await open(ct);
                lock (contexts) contexts.Add(db);
                await db.Database.OpenConnectionAsync(ct);
            });
            await Task.WhenAll(opening);
        }
        finally
        {
            foreach (var db in contexts) await db.DisposeAsync(); // back to the pool, open
        }
    }

    private async Task HomeQueriesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Services find their caller through the request's principal outside a circuit (CurrentUser); this flow's own
        // context carries the warm-up caller, and is cleared after so nothing started here keeps it.
        http.HttpContext = new DefaultHttpContext { User = WarmupPrincipal(), RequestServices = scope.ServiceProvider };
        try
        {
            var dashboards = scope.ServiceProvider.GetRequiredService<DashboardService>();
            await dashboards.GetOfficialHomeAsync(ct);
            await dashboards.GetAdminSummaryAsync(ct);
            await dashboards.GetResidentHomeAsync(ct);
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    private static ClaimsPrincipal WarmupPrincipal()
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, WarmupUserId.ToString()), new(ClaimTypes.Name, "warm-up") };
        claims.AddRange(Permissions.All.Select(p => new Claim(Permissions.ClaimType, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "warm-up"));
    }

    private async Task RenderAsync(string page, CancellationToken ct)
    {
        var local = LocalAddress() ?? throw new InvalidOperationException("the server listens on no plain-HTTP address");
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = local };
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        // The public host name, so AllowedHosts and the tenancy's host choice treat it as a user's request.
        if (Uri.TryCreate(config["PublicBaseUrl"], UriKind.Absolute, out var publicBase)) request.Headers.Host = publicBase.Authority;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if ((int)response.StatusCode >= 500) throw new HttpRequestException($"it answered {(int)response.StatusCode}", null, response.StatusCode);
    }

    private Uri? LocalAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var a in addresses)
        {
            if (!a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) continue;
            // A wildcard binding ("http://+:8080", "http://0.0.0.0:8080", "http://[::]:8080") is reached on loopback.
            var host = a["http://".Length..];
            var port = host[(host.LastIndexOf(':') + 1)..].TrimEnd('/');
            host = host[..host.LastIndexOf(':')];
            if (host is "+" or "*" or "0.0.0.0") host = IPAddress.Loopback.ToString();
            else if (host is "[::]") host = "[::1]";
            return new Uri($"http://{host}:{port}/");
        }
        return null;
    }

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();
}
