using Barangay.Data;
using Barangay.Data.Seed;

namespace Barangay.App.Hosting;

public static class AppCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.FirstOrDefault();
        switch (command)
        {
            case "migrate":
            {
                var builder = WebApplication.CreateBuilder(args[1..]);
                var cs = builder.Configuration.GetConnectionString("Owner");
                if (string.IsNullOrWhiteSpace(cs)) cs = builder.Configuration.GetConnectionString("Default");
                if (string.IsNullOrWhiteSpace(cs))
                {
                    await Console.Error.WriteLineAsync("ConnectionStrings:Owner (or Default) is not set.");
                    return 2;
                }
                await DatabaseMigrator.MigrateAsync(cs, BarangayApp.DatabaseOptionsFrom(builder.Configuration));
                Console.WriteLine("Migrations applied.");
                // A municipality: its own database, then every catalogued barangay's (Municipality/MunicipalityCommands).
                return Municipality.MunicipalityHosting.IsMunicipality(builder.Configuration)
                    ? await Municipality.MunicipalityCommands.MigrateAllAsync(builder.Configuration) : 0;
            }
            case "seed-demo":
            {
                await using var app = BarangayApp.Build(args[1..]);
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
                Console.WriteLine("Demo barangay ready.");
                return 0;
            }
            case "create-barangay":
                return await Municipality.MunicipalityCommands.CreateBarangayAsync(args[1..]);
            case "seed-municipality":
                return await Municipality.MunicipalDemoCommand.RunAsync(args[1..]);
            case "create-municipal-account":
                return await Municipality.MunicipalityCommands.CreateAccountAsync(args[1..]);
            case "set-municipal-password":
                return await Municipality.MunicipalityCommands.SetPasswordAsync(args[1..]);
            case "create-admin":
                return await CreateAdminCommand.RunAsync(args[1..]);
            case "worker":
            {
                using var worker = WorkerHost.Build(args[1..]);
                await worker.RunAsync();
                return 0;
            }
            default:
            {
                await using var app = BarangayApp.Build(DemoPasswordGuard.HostArgs(args));
                if (!await DemoPasswordGuard.AllowsStartAsync(app, args)) return DemoPasswordGuard.RefusedExitCode;
                await app.RunAsync();
                return 0;
            }
        }
    }
}
