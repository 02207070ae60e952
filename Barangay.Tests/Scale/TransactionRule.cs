using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Barangay.Tests.Scale;

/// <summary>
/// COCKROACHDB.md rule 20, checked on the parsed C#: every <c>BeginTransaction*</c> call must run inside a lambda handed
/// to an execution strategy's <c>Execute*</c> (the strategy replays the whole transaction on 40001). A call in a helper
/// method counts as inside when every use of that helper in its class (its calls and method-group references) is
/// itself inside — so a helper reached once from outside a strategy is reported.
/// </summary>
public static class TransactionRule
{
    private static readonly HashSet<string> ExecuteNames = ["Execute", "ExecuteAsync", "ExecuteInTransaction", "ExecuteInTransactionAsync"];

    /// <summary>The transactions outside any execution strategy, as "path:line", and how many transactions were found in all.</summary>
    public static (IReadOnlyList<string> Uncovered, int Transactions) Check(IEnumerable<(string Path, string Text)> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Preview), s.Path)).ToList();
        var roots = trees.Select(t => t.GetRoot()).ToList();
        // Partial classes spread over files: a helper's uses are looked for in every part of its class.
        var uses = roots.SelectMany(r => r.DescendantNodes().OfType<SimpleNameSyntax>())
            .GroupBy(n => (Class: ClassOf(n), n.Identifier.ValueText))
            .ToDictionary(g => g.Key, g => g.ToList());
        var memo = new Dictionary<SyntaxNode, bool>();
        var transactions = roots.SelectMany(r => r.DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Where(i => NameOf(i.Expression) is { } n && n.StartsWith("BeginTransaction", StringComparison.Ordinal)).ToList();
        var uncovered = transactions.Where(t => !Covered(t, uses, memo, []))
            .Select(t => $"{t.SyntaxTree.FilePath}:{t.GetLocation().GetLineSpan().StartLinePosition.Line + 1}").ToList();
        return (uncovered, transactions.Count);
    }

    private static bool Covered(SyntaxNode node, Dictionary<(string?, string), List<SimpleNameSyntax>> uses, Dictionary<SyntaxNode, bool> memo, HashSet<SyntaxNode> visiting)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (n is AnonymousFunctionExpressionSyntax lambda && IsStrategyArgument(lambda)) return true;
            if (n is MethodDeclarationSyntax or LocalFunctionStatementSyntax)
            {
                if (memo.TryGetValue(n, out var known)) return known;
                if (!visiting.Add(n)) return false; // a cycle with no way in from a strategy
                var name = n is MethodDeclarationSyntax m ? m.Identifier.ValueText : ((LocalFunctionStatementSyntax)n).Identifier.ValueText;
                var references = uses.GetValueOrDefault((ClassOf(n), name), [])
                    .Where(u => !u.Ancestors().Contains(n) && u.Parent is not MethodDeclarationSyntax).ToList();
                var covered = references.Count > 0 && references.All(r => Covered(r, uses, memo, visiting));
                visiting.Remove(n);
                memo[n] = covered;
                return covered;
            }
        }
        return false;
    }

    /// <summary>The lambda is an argument of <c>x.Execute*(…)</c> where x is <c>….CreateExecutionStrategy()</c> or a local set from it.</summary>
    private static bool IsStrategyArgument(AnonymousFunctionExpressionSyntax lambda)
    {
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }) return false;
        if (call.Expression is not MemberAccessExpressionSyntax access || !ExecuteNames.Contains(access.Name.Identifier.ValueText)) return false;
        return IsStrategy(access.Expression, call);
    }

    private static bool IsStrategy(ExpressionSyntax receiver, SyntaxNode at) => receiver switch
    {
        InvocationExpressionSyntax i => NameOf(i.Expression) == "CreateExecutionStrategy",
        IdentifierNameSyntax id => at.Ancestors().OfType<BlockSyntax>()
            .SelectMany(b => b.Statements.OfType<LocalDeclarationStatementSyntax>())
            .SelectMany(d => d.Declaration.Variables)
            .Any(v => v.Identifier.ValueText == id.Identifier.ValueText && v.Initializer?.Value is InvocationExpressionSyntax init
                      && NameOf(init.Expression) == "CreateExecutionStrategy"),
        _ => false,
    };

    private static string? NameOf(ExpressionSyntax e) => e switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => null,
    };

    private static string? ClassOf(SyntaxNode n) => n.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText;
}
