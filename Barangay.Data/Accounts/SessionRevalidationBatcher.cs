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
                await AnswerAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Each waiter gets its own answer. Should the shared query fail, every check is asked again on its own, so one
    /// bad entry (or a moment's error) fails only its own circuit, never the other users' in the same batch.
    /// </summary>
    private async Task AnswerAsync(List<(string Token, string? Stamp, TaskCompletionSource<bool> Answer)> batch)
    {
        try
        {
            var answers = await _sessions.ValidateManyAsync(batch.Select(b => (b.Token, b.Stamp)).ToList(), _stop.Token);
            for (var i = 0; i < batch.Count; i++) batch[i].Answer.TrySetResult(answers[i]);
            return;
        }
#pragma warning disable CA1031 // a failed batch falls back to one check per waiter, below
        catch (Exception) when (!_stop.IsCancellationRequested)
#pragma warning restore CA1031
        {
        }
        // One by one, not all at once: a failed batch of 500 must not take 500 connections from the pool.
        foreach (var b in batch)
        {
            try
            {
                b.Answer.TrySetResult(await _sessions.ValidateAsync(b.Token, b.Stamp, _stop.Token));
            }
#pragma warning disable CA1031 // a failed check must fail its own waiter, never the loop
            catch (Exception e)
#pragma warning restore CA1031
            {
                b.Answer.TrySetException(e);
            }
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
