using Barangay.App.Hosting;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Municipality;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Barangay.App.Municipality;

/// <summary>
/// The municipality's one-shot commands. <c>create-barangay --name N --psgc P --host H [--slug S] [--server X]
/// --admin-email E [--admin-username U] [--admin-name "Full Name"]</c> adds a barangay (database, migrations, lookups
/// and holidays, catalogue entry: <see cref="BarangayProvisioner"/>, the same code the municipal admin page runs) and
/// makes its first administrator, printing a set-up link on the configured PublicBaseUrl. <c>migrate</c> on a
/// municipality also migrates the municipality database and every catalogued barangay (<see cref="MigrateAllAsync"/>).
/// Exit codes: 0 done, 1 refused or a barangay failed, 2 usage.
/// </summary>
public static class MunicipalityCommands
{
    private const string Usage = "Usage: Barangay.App create-barangay --name N --psgc 0314010001 --host sanroque.example.gov.ph [--slug san-roque] [--server NAME]\n"
        + "                    [--public-url https://sanroque.example.gov.ph/]  (default: PublicBaseUrl + b/{slug}/)\n"
        + "                    --admin-email E [--admin-username admin] [--admin-name \"Full Name\"]\n"
        + $"Needs {MunicipalityHosting.ConnectionStringKey} and ConnectionStrings:Default/Owner (the server the database is made on).";

    public static async Task<int> CreateBarangayAsync(string[] args)
    {
        var (options, rest) = Parse(args, "--name", "--psgc", "--host", "--slug", "--server", "--public-url", "--admin-email", "--admin-username", "--admin-name");
        if (!options.ContainsKey("--name") || !options.ContainsKey("--psgc") || !options.ContainsKey("--host") || !options.ContainsKey("--admin-email"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var config = Configuration(rest);
        if (!MunicipalityHosting.IsMunicipality(config))
        {
            await Console.Error.WriteLineAsync($"{MunicipalityHosting.ConnectionStringKey} is not set: this deployment is a single barangay.");
            return 2;
        }
        await using var services = Services(config);
        await MunicipalityMigrator.MigrateMunicipalityAsync(OwnerConnectionString(config), BarangayApp.DatabaseOptionsFrom(config));
        var created = await services.GetRequiredService<BarangayProvisioner>().CreateAsync(
            new NewBarangay(options["--name"], options["--psgc"], options["--host"], options.GetValueOrDefault("--slug"), options.GetValueOrDefault("--server"),
                options.GetValueOrDefault("--public-url")),
            $"create-barangay command ({Environment.UserName}@{Environment.MachineName})");
        if (!created.Ok)
        {
            foreach (var (field, message) in created.Errors) await Console.Error.WriteLineAsync($"{field}: {message}");
            return 1;
        }
        var entry = created.Value!;
        Console.WriteLine($"Barangay {entry.Name} created: database {entry.DatabaseName}, host {entry.Host}, short name {entry.Slug}.");

        var servers = services.GetRequiredService<BarangayServers>();
        var link = await FirstAdministratorLinkAsync(rest, servers.AppConnectionString(entry.Server, entry.DatabaseName),
            servers.OwnerConnectionString(entry.Server, entry.DatabaseName), entry.Slug, entry.PublicUrl,
            options.GetValueOrDefault("--admin-username") ?? "admin", options["--admin-email"], options.GetValueOrDefault("--admin-name") ?? $"{entry.Name} administrator");
        Console.WriteLine(link);
        return 0;
    }

    /// <summary>
    /// The first administrator has no password: the printed link (a password-reset code, valid as long as Identity's
    /// reset codes are) lets them choose one. The link starts with the barangay's public address (its --public-url, else
    /// the configured PublicBaseUrl and its path prefix: PublicLinks.BaseOf), never with a host the command guessed.
    /// </summary>
    private static async Task<string> FirstAdministratorLinkAsync(string[] rest, string appCs, string ownerCs, string slug, string? publicUrl, string userName, string email, string fullName)
    {
        await using var app = BarangayApp.Build([.. rest, $"--ConnectionStrings:Default={appCs}", $"--ConnectionStrings:Owner={ownerCs}"]);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        scope.ServiceProvider.GetRequiredService<BarangayDbContext>().Actor = AuditActor.System($"create-barangay command ({Environment.UserName})");
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new User
            {
                UserName = userName.Trim(), Email = email.Trim(), EmailConfirmed = true, FullName = fullName.Trim(),
                Roles = [AppRoles.Admin], Status = UserStatuses.Active, LockoutEnabled = true,
            };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded) return "The first administrator was not created: " + string.Join(" ", result.Errors.Select(e => e.Description));
        }
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var links = new PublicLinks(new Uri(app.Configuration[PublicLinks.ConfigKey] ?? "http://127.0.0.1:5080"));
        return $"First administrator '{user.UserName}' ({user.Email}). Set-up link (choose a password with this email address):\n  "
            + links.To(slug, publicUrl, $"Identity/Account/ResetPassword?code={code}");
    }

    /// <summary>
    /// <c>create-municipal-account --username U --name "Full Name" --office "MLGOO" [--admin]</c>: the password comes from
    /// <c>MUNICIPAL_ACCOUNT_PASSWORD</c> or the first line of standard input (never an argument).
    /// </summary>
    public static Task<int> CreateAccountAsync(string[] args)
    {
        var admin = args.Contains("--admin");
        return AccountCommandAsync(args.Where(a => a != "--admin").ToArray(), ["--username", "--name", "--office"],
            "create-municipal-account --username U --name \"Full Name\" --office MLGOO [--admin]",
            async (accounts, options, password, actor) =>
            {
                var created = await accounts.CreateAsync(options["--username"], options["--name"], options["--office"],
                    admin ? MunicipalRoles.Admin : MunicipalRoles.Viewer, password, actor);
                return (created, created.Ok ? $"Municipal account '{created.Value!.UserName}' created ({created.Value.Role}). Sign in at /municipality/sign-in." : "");
            });
    }

    /// <summary>
    /// <c>set-municipal-password --username U</c>: a new password for a municipal account whose holder forgot it (they
    /// have no email reset); from <c>MUNICIPAL_ACCOUNT_PASSWORD</c> or the first line of standard input, never an argument.
    /// Audited; the account's open sessions end.
    /// </summary>
    public static Task<int> SetPasswordAsync(string[] args) =>
        AccountCommandAsync(args, ["--username"], "set-municipal-password --username U",
            async (accounts, options, password, actor) =>
            {
                var set = await accounts.SetPasswordAsync(options["--username"], password, actor);
                return (set, set.Ok ? $"New password set for municipal account '{set.Value!.UserName}'; its open sessions end." : "");
            });

    /// <summary>
    /// A municipal account command: its options (all required), the municipality's configuration, the password from
    /// <c>MUNICIPAL_ACCOUNT_PASSWORD</c> or standard input, then <paramref name="run"/> with the command named as the actor;
    /// exit 2 for a wrong call, 1 with each field's message when refused.
    /// </summary>
    private static async Task<int> AccountCommandAsync(string[] args, string[] required, string usage,
        Func<MunicipalAccounts, IReadOnlyDictionary<string, string>, string, string, Task<(ServiceResult<MunicipalCaller> Result, string Done)>> run)
    {
        var (options, rest) = Parse(args, required);
        if (required.Any(o => !options.ContainsKey(o)))
        {
            await Console.Error.WriteLineAsync($"Usage: Barangay.App {usage}\nThe password comes from MUNICIPAL_ACCOUNT_PASSWORD or standard input.");
            return 2;
        }
        var config = Configuration(rest);
        if (!MunicipalityHosting.IsMunicipality(config))
        {
            await Console.Error.WriteLineAsync($"{MunicipalityHosting.ConnectionStringKey} is not set: this deployment is a single barangay.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("MUNICIPAL_ACCOUNT_PASSWORD") is { Length: > 0 } fromEnvironment
            ? fromEnvironment : Console.In.ReadLine() ?? "";
        await using var services = Services(config);
        var command = usage.Split(' ')[0];
        var (result, done) = await run(services.GetRequiredService<MunicipalAccounts>(), options, password, $"{command} command ({Environment.UserName})");
        if (!result.Ok)
        {
            foreach (var (field, message) in result.Errors) await Console.Error.WriteLineAsync($"{field}: {message}");
            return 1;
        }
        Console.WriteLine(done);
        return 0;
    }

    /// <summary>The municipality database, then every barangay's, in parallel (<c>Municipality:MigrateParallelism</c>, default 4).</summary>
    public static async Task<int> MigrateAllAsync(IConfiguration config)
    {
        var options = BarangayApp.DatabaseOptionsFrom(config);
        await MunicipalityMigrator.MigrateMunicipalityAsync(OwnerConnectionString(config), options);
        Console.WriteLine("Municipality database migrated.");
        await using var services = Services(config);
        var servers = services.GetRequiredService<BarangayServers>();
        List<MunicipalityMigrator.Target> targets;
        await using (var db = await services.GetRequiredService<IDbContextFactory<MunicipalityDbContext>>().CreateDbContextAsync())
            targets = (await db.Barangays.AsNoTracking().OrderBy(b => b.Slug).ToListAsync())
                .Select(b => new MunicipalityMigrator.Target(b.Slug, b.Name, servers.OwnerConnectionString(b.Server, b.DatabaseName))).ToList();
        var parallelism = int.TryParse(config["Municipality:MigrateParallelism"], out var p) && p > 0 ? p : 4;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = await MunicipalityMigrator.MigrateBarangaysAsync(targets, options, parallelism, o => Console.WriteLine(o.Line));
        int Count(string state) => outcomes.Count(o => o.State == state);
        Console.WriteLine($"{targets.Count} barangays in {started.Elapsed.TotalSeconds:0.0} s: {Count(MunicipalityMigrator.Outcome.Migrated)} migrated, "
            + $"{Count(MunicipalityMigrator.Outcome.UpToDate)} up to date, {Count(MunicipalityMigrator.Outcome.Failed)} failed.");
        return Count(MunicipalityMigrator.Outcome.Failed) == 0 ? 0 : 1;
    }

    private static string OwnerConnectionString(IConfiguration config) =>
        config["Municipality:OwnerConnectionString"] is { Length: > 0 } owner ? owner : config[MunicipalityHosting.ConnectionStringKey]!;

    private static ServiceProvider Services(IConfiguration config)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMunicipalityCatalogue(config[MunicipalityHosting.ConnectionStringKey]!, MunicipalityHosting.ServersFrom(config),
            BarangayApp.DatabaseOptionsFrom(config), MunicipalityHosting.RollupOptionsFrom(config));
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(string[] args) => WebApplication.CreateBuilder(args).Configuration;

    private static (Dictionary<string, string> Options, string[] Others) Parse(string[] args, params string[] known)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (known.Contains(args[i]) && i + 1 < args.Length) options[args[i]] = args[++i];
            else rest.Add(args[i]);
        }
        return (options, rest.ToArray());
    }
}
