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
        // Data Protection reads its key ring (in the database) while the host starts, before the server listens: with the
        // database down that held the start for the failover strategy's 45 s. The warm-up loads it instead, in its time box.
        builder.Services.RemoveAll<IHostedService>(d =>
            d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
    }

    private static void RemoveAll<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var d in services.Where(d => d.ServiceType == typeof(T) && match(d)).ToList()) services.Remove(d);
    }

    /// <summary>
    /// <c>/healthz</c>, what HAProxy, Docker and the scripts ask before sending a process users: 503 "warming up" until the
    /// warm-up is done, then 200 "ok", or 200 with why the warm-up fell short (the process serves, and says what is wrong).
    /// A middleware early in the pipeline (after the security headers), so nothing behind it (the language default is a
    /// database read) can make the answer wait on a database that is down.
    /// </summary>
    public static void UseReadiness(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<StartupReadiness>();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.Equals("/healthz", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var (status, text) = readiness switch
            {
                { IsReady: false } => (StatusCodes.Status503ServiceUnavailable, "warming up"),
                { Shortfall: { } why } => (StatusCodes.Status200OK, "ok; not warm: " + why),
                _ => (StatusCodes.Status200OK, "ok"),
            };
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(text, context.RequestAborted);
        });
    }
}
