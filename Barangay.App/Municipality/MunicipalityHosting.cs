using Barangay.Data.Municipality;
using Barangay.Data.Municipality.Rollups;

namespace Barangay.App.Municipality;

/// <summary>
/// <c>Municipality:ConnectionString</c> set: this deployment serves the municipality's barangays from its catalogue.
/// Unset: one barangay, as before, and nothing here is registered.
/// </summary>
public static class MunicipalityHosting
{
    public const string ConnectionStringKey = "Municipality:ConnectionString";

    public static bool IsMunicipality(IConfiguration config) => !string.IsNullOrWhiteSpace(config[ConnectionStringKey]);

    /// <summary>Barangay databases live on the deployment's server unless <c>Municipality:Servers:{name}:Default|Owner</c> names others.</summary>
    public static BarangayServers ServersFrom(IConfiguration config)
    {
        var named = config.GetSection("Municipality:Servers").GetChildren()
            .ToDictionary(s => s.Key, s => (s["Default"] ?? "", s["Owner"] ?? s["Default"] ?? ""));
        var app = config.GetConnectionString("Default") ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        var owner = config.GetConnectionString("Owner") is { Length: > 0 } o ? o : app;
        return new BarangayServers(app, owner, named, config["Municipality:DatabasePrefix"] is { Length: > 0 } p ? p : "brgy_");
    }

    public static RollupOptions RollupOptionsFrom(IConfiguration config)
    {
        var o = new RollupOptions();
        config.GetSection("Municipality:Rollups").Bind(o);
        return o;
    }

    /// <summary>Called from BarangayApp.Build (one line); registers nothing on a single-barangay deployment.</summary>
    public static void AddMunicipality(this WebApplicationBuilder builder)
    {
        if (!IsMunicipality(builder.Configuration)) return;
        builder.Services.AddMunicipalityCatalogue(builder.Configuration[ConnectionStringKey]!, ServersFrom(builder.Configuration),
            Hosting.BarangayApp.DatabaseOptionsFrom(builder.Configuration), RollupOptionsFrom(builder.Configuration));
        builder.AddMunicipalAccounts();
        builder.Services.AddScoped<Barangay.Data.Municipality.Moves.BarangayMoves>(); // moving between barangays (Residents/Moves)
    }

    public static void UseMunicipality(this WebApplication app)
    {
        if (!IsMunicipality(app.Configuration)) return;
        app.MapMunicipalEndpoints();
    }
}
