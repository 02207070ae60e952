namespace Barangay.App.Hosting.Warmup;

/// <summary>The <c>Warmup</c> section: docs/scale-out.md, "A restarted process starts warm".</summary>
public sealed class WarmupOptions
{
    /// <summary>False: <c>/healthz</c> says ready as soon as the server listens (the behaviour before the warm-up).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest the warm-up may hold readiness back. Past it the process says ready anyway and <c>/healthz</c> says
    /// why (a database that does not answer must not keep the app from starting: its pages then say what is wrong).
    /// 20 s: a cold start on a loaded machine warms in 2–8 s; the database's own failover budget is 45 s.
    /// </summary>
    public double TimeLimitSeconds { get; set; } = 20;

    /// <summary>Connections opened at once in each pool (leader and read endpoint), so the first few users find them open.</summary>
    public int Connections { get; set; } = 4;

    /// <summary>Pages rendered once through the process's own listener (static server-rendered, anonymous).</summary>
    public string[] Pages { get; set; } = ["/Identity/Account/Login"];
}
