using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.App.Hosting;

/// <summary>
/// The demo passwords are printed by run.sh and listed in the README, so anyone can sign in with them. In the
/// Production environment the app refuses to start while an active account still has one, unless the operator says
/// it is a demonstration: the <c>--demo</c> argument (run.sh passes it) or the setting <c>Demo:Allowed=true</c>.
/// </summary>
public static class DemoPasswordGuard
{
    public const string Flag = "--demo";

    /// <summary>Exit code of a refused start (0 is a clean stop, 2 bad configuration in the other commands).</summary>
    public const int RefusedExitCode = 3;

    /// <summary>The arguments for the host: <c>--demo</c> is ours, and the command-line configuration would take it for a key.</summary>
    public static string[] HostArgs(string[] args) => args.Where(a => a != Flag).ToArray();

    /// <summary>True when the app may serve; otherwise logs why not (the caller exits with <see cref="RefusedExitCode"/>).</summary>
    public static async Task<bool> AllowsStartAsync(WebApplication app, string[] args)
    {
        if (!app.Environment.IsProduction() || args.Contains(Flag) || app.Configuration.GetValue<bool>("Demo:Allowed")) return true;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoPasswordGuard));
        try
        {
            var accounts = await ActiveWithDemoPasswordAsync(app.Services);
            if (accounts.Count == 0) return true;
            log.LogCritical(
                "Refusing to start in Production: the active account(s) {Accounts} still have the published demo password. " +
                "Change the password or disable the account, or, for a demonstration only, start with --demo or set Demo:Allowed=true.",
                string.Join(", ", accounts));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fail closed: without the check, a deployment with the demo passwords would be open to anyone.
            log.LogCritical(e, "Refusing to start in Production: could not check the accounts for demo passwords.");
        }
        return false;
    }

    /// <summary>In every barangay the deployment serves (Tenancy), named "slug/user" when there are several.</summary>
    private static async Task<List<string>> ActiveWithDemoPasswordAsync(IServiceProvider services)
    {
        if (!services.GetRequiredService<Barangay.Data.Tenancy.TenancyOptions>().RequireBarangay) return await InOneBarangayAsync(services);
        var found = new List<string>();
        foreach (var b in await services.GetRequiredService<Barangay.Data.Municipality.IBarangayDirectory>().ListAsync())
        {
            if (!b.IsActive) continue;
            using var chosen = Barangay.Data.Tenancy.BarangayAmbient.Use(b);
            found.AddRange((await InOneBarangayAsync(services)).Select(u => b.Slug + "/" + u));
        }
        return found;
    }

    private static async Task<List<string>> InOneBarangayAsync(IServiceProvider services)
    {
        var demo = DemoAccounts.All;
        await using var scope = services.CreateAsyncScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var names = demo.Select(d => d.User.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Status == UserStatuses.Active && u.PasswordHash != null && names.Contains(u.NormalizedUserName!))
            .ToListAsync();
        // Hashes are salted, so each is verified; against every published password (admin set to juan's is no better).
        return users
            .Where(u => demo.Any(d => hasher.VerifyHashedPassword(u, u.PasswordHash!, d.Password) != PasswordVerificationResult.Failed))
            .Select(u => u.UserName!)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
