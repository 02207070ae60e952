namespace Barangay.App.Hosting.Warmup;

/// <summary>The warm-up's registration and the readiness endpoint (docs/scale-out.md, "A restarted process starts warm").</summary>
public static class WarmupHosting
{
    public static void AddStartupWarmup(this WebApplicationBuilder builder)
    {
        var options = new WarmupOptions();
        builder.Configuration.GetSection("Warmup").Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<StartupReadiness>();
        builder.Services.AddSingleton<WarmupSteps>();
        builder.Services.AddHostedService<StartupWarmup>();
    }

    /// <summary>
    /// <c>/healthz</c>, what HAProxy, Docker and the scripts ask before sending a process users: 503 "warming up" until the
    /// warm-up is done, then 200 "ok", or 200 with why the warm-up fell short (the process serves, and says what is wrong).
    /// </summary>
    public static void MapReadiness(this WebApplication app) =>
        app.MapGet("/healthz", (StartupReadiness readiness) => readiness switch
        {
            { IsReady: false } => Results.Text("warming up", statusCode: StatusCodes.Status503ServiceUnavailable),
            { Shortfall: { } why } => Results.Text("ok; not warm: " + why),
            _ => Results.Text("ok"),
        }).AllowAnonymous();
}
