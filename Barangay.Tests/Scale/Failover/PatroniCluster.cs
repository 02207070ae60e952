using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Barangay.Tests.Scale.Failover;

/// <summary>
/// The smallest topology that fails over, started by the same scripts/cluster.sh an operator runs: one etcd member,
/// two PostgreSQL nodes under Patroni in synchronous_mode, HAProxy routing writes to the leader. Its own folder and
/// ports, removed on dispose (cluster.sh down stops only what it started, by pid file).
/// </summary>
public sealed class PatroniCluster : IAsyncDisposable
{
    private readonly string _dir;
    private readonly Dictionary<string, string> _env;

    private PatroniCluster(string dir, Dictionary<string, string> env)
    {
        _dir = dir;
        _env = env;
    }

    /// <summary>The superuser, through HAProxy's write port (so always the leader).</summary>
    public string SuperConnectionString { get; private set; } = "";

    /// <summary>The superuser, through HAProxy's replica port (ConnectionStrings:Read's port): replicas within 1 MB only.</summary>
    public string SuperReadConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(SuperConnectionString) { Port = PortBase + 13 }.ConnectionString;

    /// <summary>The superuser on one node's own PostgreSQL (1 or 2), not through HAProxy.</summary>
    public string NodeConnectionString(string node) => new Npgsql.NpgsqlConnectionStringBuilder(SuperConnectionString)
    {
        Port = PortBase + 5 + int.Parse(node, System.Globalization.CultureInfo.InvariantCulture),
    }.ConnectionString;

    // scripts/cluster.sh's port layout: node i's PostgreSQL at base+5+i, HAProxy's write port base+12, read port base+13.
    private int PortBase => int.Parse(_env["CLUSTER_PORT_BASE"], System.Globalization.CultureInfo.InvariantCulture);

    public static string? MissingTools()
    {
        var missing = new[] { "patroni", "etcd", "etcdctl", "haproxy" }.Where(t => !OnPath(t)).ToList();
        if (!Directory.Exists("/usr/lib/postgresql")) missing.Add("postgresql");
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    public static async Task<PatroniCluster> StartAsync(string name, TimeSpan leaderTtl)
    {
        var root = RepositoryRoot();
        var dataRoot = Environment.GetEnvironmentVariable("BARANGAY_DATA_ROOT") ?? Path.Combine(root, ".data");
        var dir = Path.Combine(dataRoot, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        var ttl = (int)leaderTtl.TotalSeconds;
        var env = new Dictionary<string, string>
        {
            ["CLUSTER_DIR"] = dir,
            ["CLUSTER_PORT_BASE"] = FreePortBlock().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CLUSTER_NODES"] = "2",
            ["CLUSTER_ETCD"] = "1",
            // Patroni's rule: loop_wait + 2 * retry_timeout <= ttl.
            ["CLUSTER_TTL"] = ttl.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CLUSTER_LOOP_WAIT"] = "1",
            ["CLUSTER_RETRY_TIMEOUT"] = ((ttl - 1) / 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var cluster = new PatroniCluster(dir, env);
        try
        {
            await cluster.RunAsync("up", "--db-only");
            var settings = (await cluster.RunAsync("env")).Split('\n')
                .Select(l => l.StartsWith("export ", StringComparison.Ordinal) ? l[7..] : l)
                .Where(l => l.Contains('=', StringComparison.Ordinal))
                .Select(l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('\'')))
                .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
            cluster.SuperConnectionString = settings["ConnectionStrings__Super"];
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9 of the leader's Patroni and postmaster (a machine lost); returns the node that led.</summary>
    public async Task<string> KillLeaderAsync() => (await RunAsync("kill-leader")).Split(' ')[0];

    public async Task<string> LeaderAsync() => (await RunAsync("leader")).Trim();

    public async Task<string> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "scripts", "cluster.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in _env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await p.WaitForExitAsync(timeout.Token);
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', args)} exited with {p.ExitCode}: {await stderr}\n{Logs()}");
        return await stdout;
    }

    private string Logs()
    {
        var logs = Path.Combine(_dir, "logs");
        if (!Directory.Exists(logs)) return "";
        return string.Join("\n", Directory.EnumerateFiles(logs).Select(f => $"--- {Path.GetFileName(f)}\n{string.Join('\n', File.ReadLines(f).TakeLast(15))}"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("down");
        }
        finally
        {
            if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Any(d => File.Exists(Path.Combine(d, tool)));

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "scripts", "cluster.sh"))) return d.FullName;
        throw new InvalidOperationException("scripts/cluster.sh not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A block of 20 loopback ports nobody listens on, below the ephemeral range.</summary>
    private static int FreePortBlock()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var basePort = 29000 + Random.Shared.Next(0, 150) * 20;
            if (Enumerable.Range(basePort, 20).All(Free)) return basePort;
        }
        throw new InvalidOperationException("no free block of 20 ports in 29000-31999");
    }

    private static bool Free(int port)
    {
        try
        {
            var l = new TcpListener(IPAddress.Loopback, port);
            l.Start();
            l.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
