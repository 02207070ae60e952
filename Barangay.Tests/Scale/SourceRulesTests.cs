using System.Text.RegularExpressions;

namespace Barangay.Tests.Scale;

/// <summary>
/// COCKROACHDB.md rules that live in the C# rather than in the schema, checked over the source so they stay true as
/// features land: every explicit transaction runs inside an execution strategy (rule 20: CockroachDB answers 40001
/// and the whole transaction must be tried again), and nothing takes advisory locks or LISTENs (rule 15).
/// </summary>
public class SourceRulesTests
{
    /// <summary>The repository's folder (where Barangay.Blazor.sln is).</summary>
    public static string RootFolder { get; } = FindRoot();

    private static string Root => RootFolder;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Barangay.Blazor.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The solution folder was not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<(string Path, string Text)> AppSources() =>
        new[] { "Barangay.Data", "Barangay.Jobs", "Barangay.App" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root, p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Root, f), File.ReadAllText(f)));

    [Fact]
    public void EveryExplicitTransaction_IsInsideAnExecutionStrategy()
    {
        var sources = AppSources().ToList();
        var (uncovered, transactions) = TransactionRule.Check(sources);
        var mentioned = sources.Sum(s => System.Text.RegularExpressions.Regex.Count(s.Text, @"\.BeginTransaction\w*\("));
        transactions.Should().Be(mentioned, "the parser finds every BeginTransaction* call in the text").And.BeGreaterThan(10, "the services do use explicit transactions");
        uncovered.Should().BeEmpty("a transaction CockroachDB asks to retry (40001) must be replayed whole, by the execution strategy");
    }

    private const string Fixture = """
        class Svc
        {
            async Task GoodAsync(Ctx db, CancellationToken ct) =>
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(token);
                    await HelperAsync(db, token);
                });

            async Task ViaLocalAsync(Ctx db)
            {
                var strategy = db.Database.CreateExecutionStrategy();
                await strategy.ExecuteAsync(() => OnlyFromStrategyAsync(db));
            }

            async Task OnlyFromStrategyAsync(Ctx db) { await using var tx = await db.Database.BeginTransactionAsync(); }

            async Task HelperAsync(Ctx db, CancellationToken ct) { await using var tx = await db.Database.BeginTransactionAsync(ct); }

            async Task BadAsync(Ctx db, CancellationToken ct)
            {
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async token => { await Task.Yield(); });
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await HelperAsync(db, ct);
            }
        }
        """;

    [Fact]
    public void TransactionRule_ReportsATransactionOutsideTheStrategy_EvenInAFileThatHasOne()
    {
        var (uncovered, transactions) = TransactionRule.Check([("Fixture.cs", Fixture)]);
        transactions.Should().Be(4);
        // Line 23: BadAsync's own transaction; line 18: HelperAsync, which BadAsync also calls from outside a strategy.
        uncovered.Should().BeEquivalentTo(["Fixture.cs:18", "Fixture.cs:23"]);
    }

    [Fact]
    public void NothingTakesAdvisoryLocksOrListens()
    {
        var offenders = AppSources()
            .Where(s => Regex.IsMatch(s.Text, @"pg_(try_)?advisory|""\s*(LISTEN|NOTIFY)\s", RegexOptions.IgnoreCase))
            .Select(s => s.Path);
        offenders.Should().BeEmpty("advisory locks are no-ops on CockroachDB and LISTEN/NOTIFY does not exist there");
    }
}
