using Barangay.Data.Dashboard;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The official home's "KP cases near a deadline" card: open cases whose current step (summons, mediation, Pangkat,
/// conciliation) is overdue or falls due within <see cref="Within"/>, among the cases the caller may see.
/// </summary>
public sealed class KpDeadlineCounter(KpService kp) : IKpDeadlineCounter
{
    /// <summary>Two days: enough warning to schedule a hearing or issue a summons before the step lapses.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromDays(2);

    public Task<int> CountNearDeadlineAsync(DateTime nowUtc, CancellationToken ct = default) => kp.CountKpStepsNearDeadlineAsync(Within, ct);
}
