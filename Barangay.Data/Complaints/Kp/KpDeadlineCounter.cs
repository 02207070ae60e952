using Barangay.Data.Dashboard;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The official home's "KP cases near a deadline" card: open cases whose current step (summons, mediation, Pangkat,
/// conciliation) is overdue or falls due within <see cref="WorkingDays"/> working days, among the cases the caller may see.
/// </summary>
public sealed class KpDeadlineCounter(KpService kp) : IKpDeadlineCounter
{
    /// <summary>
    /// Two working days: enough warning to schedule a hearing or issue a summons before the step lapses. Counted in
    /// working days, not hours, so a Friday afternoon warns of a summons due on Monday or Tuesday (a 48-hour window
    /// would hide it until the hall reopens, when it is already due).
    /// </summary>
    public const int WorkingDays = 2;

    public Task<int> CountNearDeadlineAsync(DateTime nowUtc, CancellationToken ct = default) => kp.CountKpStepsDueWithinWorkingDaysAsync(WorkingDays, ct);
}
