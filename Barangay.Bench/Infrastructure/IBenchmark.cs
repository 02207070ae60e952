namespace Barangay.Bench.Infrastructure;

internal interface IBenchmark
{
    /// <summary>The name given on the command line to run only this benchmark.</summary>
    string Name { get; }

    /// <summary>One line for the log: what is measured and how much work is done.</summary>
    string Description { get; }

    Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct);
}
