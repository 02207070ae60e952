using Barangay.App.Hosting;
using Barangay.Data.Municipality;
using Barangay.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.App.Municipality;

/// <summary>
/// <c>seed-municipality</c> (run by <c>./run.sh --municipality</c> after <c>migrate</c> and <c>seed-demo</c>): Santa Maria's
/// settings, San Isidro's demo database catalogued as it is, two smaller barangays made through
/// <see cref="BarangayProvisioner"/> (the same code as <c>create-barangay</c>) with a generated register and a secretary,
/// and the municipal account. Idempotent: what exists is left alone. Names and passwords: <see cref="MunicipalDemo"/>.
/// </summary>
public static class MunicipalDemoCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var config = WebApplication.CreateBuilder(args).Configuration;
        if (!MunicipalityHosting.IsMunicipality(config))
        {
            await Console.Error.WriteLineAsync($"{MunicipalityHosting.ConnectionStringKey} is not set: this deployment is a single barangay.");
            return 2;
        }
        var owner = config["Municipality:OwnerConnectionString"] is { Length: > 0 } o ? o : config[MunicipalityHosting.ConnectionStringKey]!;
        await MunicipalityMigrator.MigrateMunicipalityAsync(owner, BarangayApp.DatabaseOptionsFrom(config));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMunicipalityCatalogue(config[MunicipalityHosting.ConnectionStringKey]!, MunicipalityHosting.ServersFrom(config),
            BarangayApp.DatabaseOptionsFrom(config), MunicipalityHosting.RollupOptionsFrom(config));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<MunicipalityDbContext>>();
        var clock = provider.GetService<TimeProvider>() ?? TimeProvider.System;
        const string actor = "seed-municipality";

        await using (var db = await factory.CreateDbContextAsync())
        {
            var keys = await db.Settings.Select(s => s.Key).ToListAsync();
            foreach (var (key, value) in new[] { (MunicipalSettingKeys.Municipality, MunicipalDemo.Municipality),
                         (MunicipalSettingKeys.Province, MunicipalDemo.Province), (MunicipalSettingKeys.Region, MunicipalDemo.Region) })
                if (!keys.Contains(key)) db.Settings.Add(new MunicipalSetting { Key = key, Value = value });
            // San Isidro keeps the single-barangay demo's database (ConnectionStrings:Default), on the default server.
            var home = new NpgsqlConnectionStringBuilder(config.GetConnectionString("Default")).Database!;
            if (!await db.Barangays.AnyAsync(b => b.Slug == MunicipalDemo.SanIsidro.Slug))
            {
                db.Barangays.Add(new CatalogueEntry
                {
                    Id = Guid.NewGuid(), Slug = MunicipalDemo.SanIsidro.Slug, Name = MunicipalDemo.SanIsidro.Name, Psgc = MunicipalDemo.SanIsidro.Psgc,
                    Host = MunicipalDemo.HostOf(MunicipalDemo.SanIsidro.Slug), Status = BarangayStatuses.Active, DatabaseName = home,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
                db.Audit.Add(MunicipalAudit.Entry(clock, actor, null, "BarangayAdded", MunicipalDemo.SanIsidro.Slug, new { name = MunicipalDemo.SanIsidro.Name, database = home }));
            }
            await db.SaveChangesAsync();
        }

        var provisioner = provider.GetRequiredService<BarangayProvisioner>();
        foreach (var b in MunicipalDemo.Provisioned)
        {
            CatalogueEntry? entry;
            await using (var db = await factory.CreateDbContextAsync())
                entry = await db.Barangays.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == b.Slug);
            if (entry is null)
            {
                var created = await provisioner.CreateAsync(new NewBarangay(b.Name, b.Psgc, MunicipalDemo.HostOf(b.Slug), b.Slug), actor);
                if (!created.Ok)
                {
                    foreach (var (field, message) in created.Errors) await Console.Error.WriteLineAsync($"{b.Name}: {field}: {message}");
                    return 1;
                }
                entry = created.Value!;
            }
            var servers = provider.GetRequiredService<BarangayServers>();
            await SeedBarangayAsync(args, servers.AppConnectionString(entry.Server, entry.DatabaseName), servers.OwnerConnectionString(entry.Server, entry.DatabaseName), b);
            Console.WriteLine($"Barangay {b.Name}: database {entry.DatabaseName}, {b.Households} households.");
        }

        var accounts = provider.GetRequiredService<MunicipalAccounts>();
        bool exists;
        await using (var db = await factory.CreateDbContextAsync())
            exists = await db.Accounts.AnyAsync(a => a.UserName == MunicipalDemo.MunicipalUser);
        if (!exists)
        {
            var created = await accounts.CreateAsync(MunicipalDemo.MunicipalUser, MunicipalDemo.MunicipalName, MunicipalDemo.MunicipalOffice,
                MunicipalRoles.Viewer, MunicipalDemo.MunicipalPassword, actor);
            if (!created.Ok)
            {
                foreach (var (field, message) in created.Errors) await Console.Error.WriteLineAsync($"Municipal account: {field}: {message}");
                return 1;
            }
        }
        provider.GetRequiredService<CatalogueDirectory>().Invalidate();
        PrintAddresses(config["PublicBaseUrl"] ?? "http://127.0.0.1:5080");
        return 0;
    }

    /// <summary>What ./run.sh --municipality prints, from the same constants the seed used.</summary>
    private static void PrintAddresses(string baseUrl)
    {
        var url = baseUrl.TrimEnd('/');
        Console.WriteLine();
        Console.WriteLine($"  Municipality of {MunicipalDemo.Municipality}, {MunicipalDemo.Province}: one app, three barangays");
        Console.WriteLine();
        Console.WriteLine($"    {MunicipalDemo.SanIsidro.Name,-12} (the San Isidro demo, about 1,000 residents)  {url}/b/{MunicipalDemo.SanIsidro.Slug}/");
        foreach (var b in MunicipalDemo.Provisioned)
            Console.WriteLine($"    {b.Name,-12} ({b.Households} households)  {url}/b/{b.Slug}/");
        Console.WriteLine($"    {"Municipality",-12} (roll-ups, counts only)  {url}/municipality/");
        Console.WriteLine();
        Console.WriteLine("  Demo accounts (demo only; change them before real use):");
        Console.WriteLine($"    municipal  {MunicipalDemo.MunicipalUser} / {MunicipalDemo.MunicipalPassword}   ({MunicipalDemo.MunicipalOffice}, at /municipality/)");
        Console.WriteLine($"    each barangay's secretary  {MunicipalDemo.SecretaryUser} / {MunicipalDemo.SecretaryPassword}   (a separate account in each barangay, signs in under its /b/{{slug}}/)");
        Console.WriteLine($"    San Isidro also: {string.Join(", ", DemoAccounts.All.Where(a => a.User != DemoAccounts.OfficialUser).Select(a => $"{a.User} / {a.Password}"))}");
    }

    /// <summary>
    /// The barangay's own app, built as a single barangay on its database (the municipality setting blanked), so its
    /// Identity and context factory are exactly the ones seed-demo uses.
    /// </summary>
    private static async Task SeedBarangayAsync(string[] args, string appCs, string ownerCs, MunicipalDemo.Barangay barangay)
    {
        await using var app = BarangayApp.Build([.. args, $"--{MunicipalityHosting.ConnectionStringKey}=", $"--ConnectionStrings:Default={appCs}", $"--ConnectionStrings:Owner={ownerCs}"]);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Barangay.Data.BarangayDbContext>().Actor = Barangay.Data.Audit.AuditActor.System("seed-municipality");
        await ActivatorUtilities.CreateInstance<SmallBarangaySeeder>(scope.ServiceProvider).SeedAsync(barangay);
    }
}
