using System.Threading.Channels;

namespace Barangay.Data.Accounts;

/// <summary>
/// Gathers the revalidation checks of a process's open circuits for a moment and answers them with one query,
/// so a thousand idle circuits cost a few queries a minute instead of a thousand.
/// </summary>
public sealed class SessionRevalidationBatcher : IAsyncDisposable
{
    /// <summary>How long checks gather: at 1,000 circuits a minute, about 33 per query; well inside the minute's budget.</summary>
    public static readonly TimeSpan DefaultGather = TimeSpan.FromSeconds(2);
    public const int MaxBatch = 500;

    private readonly SessionService _sessions;
    private readonly Channel<(string Token, string? Stamp, TaskCompletionSource<bool> Answer)> _queue =
        Channel.CreateUnbounded<(string, string?, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TimeSpan _gather;

    public SessionRevalidationBatcher(SessionService sessions) : this(sessions, DefaultGather) { }

    public SessionRevalidationBatcher(SessionService sessions, TimeSpan gather)
    {
        _sessions = sessions;
        _gather = gather;
        _loop = Task.Run(LoopAsync);
    }

    public Task<bool> ValidateAsync(string token, string? stamp, CancellationToken ct = default)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((token, stamp, answer))) return _sessions.ValidateAsync(token, stamp, ct);
        return answer.Task.WaitAsync(ct);
    }

    private async Task LoopAsync()
    {
        var batch = new List<(string Token, string? Stamp, TaskCompletionSource<bool> Answer)>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                await Task.Delay(_gather, _stop.Token);
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
                try
                {
                    var answers = await _sessions.ValidateManyAsync(batch.Select(b => (b.Token, b.Stamp)).ToList(), _stop.Token);
                    foreach (var b in batch) b.Answer.TrySetResult(answers.TryGetValue(b.Token, out var ok) && ok);
                }
#pragma warning disable CA1031 // a failed batch must fail its waiters, never the loop
                catch (Exception e)
#pragma warning restore CA1031
                {
                    foreach (var b in batch) b.Answer.TrySetException(e);
                }
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
