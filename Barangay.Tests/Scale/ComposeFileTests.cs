using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Barangay.Tests.Scale;

/// <summary>
/// docker/compose.yml cannot be started here (no Docker engine), so it is checked two ways: by
/// <c>docker compose config</c> where the Docker client has the compose plugin, and always by reading it — the
/// services the scale-out needs, in the order they need each other, and every variable it uses documented in
/// docker/.env.example.
/// </summary>
public class ComposeFileTests
{
    private static readonly string Docker = Path.Combine(SourceRulesTests.RootFolder, "docker");
    private static readonly YamlMappingNode Compose = Load(Path.Combine(Docker, "compose.yml"));

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(new MergingParser(new Parser(reader))); // resolves the <<: anchors the nodes share
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) =>
        (YamlMappingNode)((YamlMappingNode)Compose["services"])[name];

    private static string? Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            current = next;
        }
        return (current as YamlScalarNode)?.Value;
    }

    [Fact]
    public void Compose_HasTheScaleOutServices()
    {
        var services = ((YamlMappingNode)Compose["services"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        services.Should().Contain(["crdb-certs", "crdb1", "crdb2", "crdb3", "crdb-init", "jobs-db", "migrate", "worker", "app", "lb"]);

        foreach (var node in new[] { "crdb1", "crdb2", "crdb3" })
        {
            Scalar(Service(node), "command").Should().Contain("--certs-dir=/certs", "the cluster runs in secure mode")
                .And.Contain("--join=crdb1:26257,crdb2:26257,crdb3:26257");
        }
        Scalar(Service("migrate"), "command").Should().BeNull("migrate's command is a list");
        ((YamlSequenceNode)Service("migrate")["command"]).Children.Select(c => ((YamlScalarNode)c).Value).Should().Equal("migrate");
        ((YamlSequenceNode)Service("worker")["command"]).Children.Select(c => ((YamlScalarNode)c).Value).Should().Equal("worker");
        Scalar(Service("migrate"), "environment", "Database__Flavour").Should().Be("CockroachDB");
        Scalar(Service("app"), "environment", "Jobs__RunServer").Should().Be("false", "web replicas leave the jobs to the worker");
        Scalar(Service("app"), "deploy", "replicas").Should().Be("2");
        Scalar(Service("app"), "environment", "ConnectionStrings__Jobs").Should().Contain("Host=jobs-db", "Hangfire never uses CockroachDB");
        Scalar(Service("app"), "environment", "ConnectionStrings__Default").Should().Contain("SSL Mode=VerifyFull").And.Contain("Username=barangay_app");
    }

    [Fact]
    public void Compose_StartsThingsInOrder()
    {
        Scalar(Service("migrate"), "depends_on", "crdb-init", "condition").Should().Be("service_completed_successfully");
        Scalar(Service("app"), "depends_on", "migrate", "condition").Should().Be("service_completed_successfully", "replicas never migrate");
        Scalar(Service("worker"), "depends_on", "migrate", "condition").Should().Be("service_completed_successfully");
        Scalar(Service("crdb1"), "depends_on", "crdb-certs", "condition").Should().Be("service_completed_successfully");
    }

    [Fact]
    public void LoadBalancer_IsStickyAndChecksHealth()
    {
        var cfg = File.ReadAllText(Path.Combine(Docker, "haproxy.cfg"));
        cfg.Should().MatchRegex(@"(?m)^\s*cookie \w+ insert .*\bdynamic\b", "a circuit must keep reaching its replica");
        cfg.Should().MatchRegex(@"(?m)^\s*server-template app \d+-\d+ app:8080 check");
        cfg.Should().MatchRegex(@"(?m)^\s*option httpchk GET /healthz");
        cfg.Should().MatchRegex(@"(?m)^\s*timeout tunnel ", "WebSockets stay open longer than a request");
    }

    [Fact]
    public void EveryVariable_IsDocumentedInTheEnvExample()
    {
        var used = new[] { "compose.yml", "haproxy.cfg" }
            .SelectMany(f => Regex.Matches(File.ReadAllText(Path.Combine(Docker, f)), @"\$\{(\w+)").Select(m => m.Groups[1].Value))
            .ToHashSet();
        var documented = File.ReadAllLines(Path.Combine(Docker, ".env.example"))
            .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')).Select(l => l[..l.IndexOf('=')].Trim()).ToHashSet();
        used.Should().NotBeEmpty();
        used.Except(documented).Should().BeEmpty("a reader starts the stack from docker/README.md and .env.example alone");
    }

    [SkippableFact]
    public async Task DockerComposeConfig_AcceptsTheFile_WhenTheComposePluginExists()
    {
        // Without the compose plugin this check cannot run: it is reported skipped (the checks above still read the file).
        Skip.IfNot(await RunsAsync("docker", "compose version"), "docker compose is not installed here, so `docker compose config` was not run");
        var (ok, output) = await RunAsync("docker", $"compose -f \"{Path.Combine(Docker, "compose.yml")}\" --env-file \"{Path.Combine(Docker, ".env.example")}\" config --quiet");
        ok.Should().BeTrue(output);
    }

    private static async Task<bool> RunsAsync(string file, string args)
    {
        try { return (await RunAsync(file, args)).Ok; }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    private static async Task<(bool Ok, string Output)> RunAsync(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode == 0, output);
    }
}
