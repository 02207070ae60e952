namespace Barangay.Data.Dashboard;

/// <summary>
/// The official home's "KP cases near a deadline" card asks this. Katarungang Pambarangay cases (mediation and
/// conciliation with their 15-day and 30-day limits) are a separate feature; until it registers its own
/// implementation, <see cref="NoKpCases"/> answers 0 without touching the database. An implementation should
/// answer from one indexed query (the home's budget is 3 round trips; the home itself uses 1).
/// </summary>
public interface IKpDeadlineCounter
{
    Task<int> CountNearDeadlineAsync(DateTime nowUtc, CancellationToken ct = default);
}

/// <summary>The default until KP cases exist: nothing is near a deadline.</summary>
public sealed class NoKpCases : IKpDeadlineCounter
{
    public Task<int> CountNearDeadlineAsync(DateTime nowUtc, CancellationToken ct = default) => Task.FromResult(0);
}
