namespace Barangay.Data.Events;

/// <summary>
/// The registration desk of one process: presses of Register for the same event queue here and are written together
/// (group commit). The first press to reach an idle desk writes its own registration at once; whoever arrives while a
/// statement runs waits in line, and when it ends the first in line takes everyone waiting (up to
/// <see cref="MaxBatch"/>) into the next statement. When 200 residents press at the same moment, that is a handful of
/// statements instead of 200 fighting over the event row (each commit woke every waiter: 600–700 ms on 2 cores).
/// The database still decides every seat (the statement locks the event row), so replicas, each with their own desk,
/// stay correct; only their batches queue for the row. Registered as a singleton.
/// </summary>
public sealed class RegistrationDesk
{
    /// <summary>Bounds one statement's arrays; a crowd larger than this is simply more statements.</summary>
    public const int MaxBatch = 256;

    private readonly Dictionary<Guid, List<Ticket>> _lines = [];

    /// <summary>
    /// Queues a press for <paramref name="eventId"/> and returns its result. The press is made (and so stamped with
    /// its time) under the desk's lock, so the presses' times follow their order in line. When this press leads,
    /// <paramref name="write"/> (on the leader's own connection) writes the presses it is handed, returning one result
    /// per press in the same order; an exception it throws reaches every press of that batch.
    /// </summary>
    internal async Task<RegistrationStatement.Result?> RegisterAsync(Guid eventId, Func<RegistrationStatement.Press> press,
        Func<IReadOnlyList<RegistrationStatement.Press>, Task<RegistrationStatement.Result?[]>> write)
    {
        Ticket mine;
        bool lead;
        lock (_lines)
        {
            mine = new Ticket(press());
            lead = !_lines.TryGetValue(eventId, out var line);
            if (lead) _lines[eventId] = [];
            else line!.Add(mine);
        }
        // Once in line a press is answered whatever happens to its caller: the leader writes it, or hands over the desk.
        if (!lead && await mine.Turn.Task is { Lead: false } answer) return answer.Result;

        List<Ticket> batch;
        lock (_lines)
        {
            var line = _lines[eventId];
            var taken = Math.Min(line.Count, MaxBatch - 1);
            batch = [mine, .. line.GetRange(0, taken)];
            line.RemoveRange(0, taken);
        }
        try
        {
            var results = await write(batch.Select(t => t.Press).ToList());
            for (var i = 1; i < batch.Count; i++) batch[i].Turn.SetResult(new Turn(false, results[i]));
            return results[0];
        }
        catch (Exception ex)
        {
            for (var i = 1; i < batch.Count; i++) batch[i].Turn.SetException(ex);
            throw;
        }
        finally
        {
            HandOver(eventId);
        }
    }

    /// <summary>How many presses wait in line for <paramref name="eventId"/> (for tests that stage a race).</summary>
    internal int InLine(Guid eventId)
    {
        lock (_lines) return _lines.TryGetValue(eventId, out var line) ? line.Count : 0;
    }

    /// <summary>The first in line leads the next statement; with nobody waiting the desk for this event closes.</summary>
    private void HandOver(Guid eventId)
    {
        Ticket? next = null;
        lock (_lines)
        {
            var line = _lines[eventId];
            if (line.Count == 0) _lines.Remove(eventId);
            else
            {
                next = line[0];
                line.RemoveAt(0);
            }
        }
        next?.Turn.SetResult(new Turn(true, null));
    }

    private sealed record Turn(bool Lead, RegistrationStatement.Result? Result);

    private sealed class Ticket(RegistrationStatement.Press press)
    {
        public RegistrationStatement.Press Press { get; } = press;

        public TaskCompletionSource<Turn> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
