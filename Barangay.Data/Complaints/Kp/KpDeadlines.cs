using Barangay.Data.Settings;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The Katarungang Pambarangay clock (Local Government Code, secs. 410 and 416-418). KP counts calendar days; the one
/// working-day rule is the summons, which the Punong Barangay issues by the next working day after the filing.
/// </summary>
public static class KpDeadlines
{
    public const int MediationDays = 15;
    public const int PangkatConstitutionDays = 3;
    public const int ConciliationDays = 15;
    public const int ExtensionDays = 15;
    public const int RepudiationDays = 10;

    public static DateTime SummonsDue(WorkingDayClock clock, DateTime filedUtc) => clock.AddWorkingDays(filedUtc, 1);

    /// <summary>The case's steps with their deadlines, the current one marked, overdue ones flagged.</summary>
    public static IReadOnlyList<KpStep> Steps(KpCase c, DateTime now)
    {
        var open = KpStages.Open.Contains(c.Stage);
        var list = new List<(string Key, string Label, DateTime? Due, DateTime? Done, bool Applies)>
        {
            ("summons", "Summons issued (by the next working day)", c.SummonsDueAt, c.SummonsIssuedAt, true),
            ("mediation", $"Mediation by the Punong Barangay ({MediationDays} days from the first hearing)", c.MediationDueAt, c.MediationFailedAt ?? c.OutcomeAt, true),
            ("pangkat", $"Pangkat constituted ({PangkatConstitutionDays} days)", c.PangkatDueAt, c.PangkatConstitutedAt, c.MediationFailedAt is not null),
            ("conciliation", c.ConciliationExtended ? $"Conciliation by the Pangkat ({ConciliationDays} days, extended by {ExtensionDays})" : $"Conciliation by the Pangkat ({ConciliationDays} days, extendable once)",
                c.ConciliationDueAt, c.Stage == KpStages.Conciliation ? null : c.OutcomeAt, c.PangkatConstitutedAt is not null),
            ("repudiation", $"Repudiation period ({RepudiationDays} days from the settlement)", c.RepudiationDueAt, c.RepudiatedAt, c.RepudiationDueAt is not null),
        };
        var steps = new List<KpStep>();
        var currentFound = false;
        foreach (var s in list.Where(s => s.Applies))
        {
            var pending = s.Done is null && s.Key != "repudiation" && open;
            var current = pending && !currentFound && (s.Due is not null || s.Key == "mediation");
            if (current) currentFound = true;
            steps.Add(new KpStep(s.Key, s.Label, s.Due, s.Done, pending && s.Due is { } d && d < now, current));
        }
        return steps;
    }
}
