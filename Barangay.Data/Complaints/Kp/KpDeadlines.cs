using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Settings;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The Katarungang Pambarangay clock (Local Government Code, secs. 410-419). KP counts calendar days; the one
/// working-day rule is the summons (sec. 410(b): "within the next working day"), counted from when the hall received
/// the complaint on the working-day calendar of settings: a filing on a weekend, a holiday or after hours is received at
/// the next opening, and the summons is due by the close of the working day after that (Saturday → Tuesday).
/// </summary>
public static class KpDeadlines
{
    /// <summary>Sec. 410(b): mediation by the Lupon chairman, 15 days from the first meeting of the parties before him.</summary>
    public const int MediationDays = 15;
    /// <summary>Sec. 410(d): the Pangkat convenes not later than 3 days from its constitution.</summary>
    public const int PangkatConveneDays = 3;
    /// <summary>Sec. 410(e): 15 days from the day the Pangkat convenes, extendable once by at most 15.</summary>
    public const int ConciliationDays = 15;
    public const int ExtensionDays = 15;
    /// <summary>Sec. 418: a settlement may be repudiated within 10 days from its date.</summary>
    public const int RepudiationDays = 10;
    /// <summary>Sec. 413(a): the agreement to arbitrate may be repudiated within 5 days from its date ...</summary>
    public const int ArbitrationRepudiationDays = 5;
    /// <summary>... and the award is made after that period lapses and within 10 days thereafter.</summary>
    public const int AwardDays = 10;
    /// <summary>Sec. 416: the settlement or award has the force of a final judgment 10 days from its date.</summary>
    public const int FinalityDays = 10;
    /// <summary>Sec. 417: execution by the Lupon within 6 months from the date of the settlement (or award).</summary>
    public const int ExecutionMonths = 6;
    /// <summary>Sec. 419: the Lupon secretary transmits the settlement or award to the court within 5 days.</summary>
    public const int TransmittalDays = 5;

    /// <summary>Sec. 410(b): the close of the working day after the day the complaint counts as received.</summary>
    public static DateTime SummonsDue(WorkingDayClock clock, DateTime filedUtc)
    {
        var received = DateOnly.FromDateTime(clock.ReceivedAt(filedUtc));
        return TimeZones.ManilaToUtc(clock.NextWorkingDay(received).ToDateTime(clock.Closing));
    }

    public static DateTime MediationDue(DateTime firstHearing) => firstHearing.AddDays(MediationDays);
    public static DateTime ConveneDue(DateTime constituted) => constituted.AddDays(PangkatConveneDays);
    public static DateTime ConciliationDue(DateTime convened) => convened.AddDays(ConciliationDays);
    public static DateTime ArbitrationRepudiationDue(DateTime agreed) => agreed.AddDays(ArbitrationRepudiationDays);
    public static DateTime AwardDue(DateTime agreed) => agreed.AddDays(ArbitrationRepudiationDays + AwardDays);
    public static DateTime RepudiationDue(DateTime settled) => settled.AddDays(RepudiationDays);
    public static DateTime ExecutionDue(DateTime settledOrAwarded) => settledOrAwarded.AddMonths(ExecutionMonths);

    /// <summary>
    /// Sec. 419: 5 days from the date of the award, or from the lapse of the 10 days to repudiate the settlement.
    /// </summary>
    public static DateTime TransmittalDue(string outcome, DateTime at) =>
        outcome == KpOutcomes.Award ? at.AddDays(TransmittalDays) : RepudiationDue(at).AddDays(TransmittalDays);

    /// <summary>The deadline of the case's current step, as stored in <see cref="KpCase.NextDueAt"/>.</summary>
    public static DateTime? NextDue(KpCase c, DateTime now) => Steps(c, now).FirstOrDefault(s => s.Current)?.DueAt;

    /// <summary>The case's steps with their deadlines, the current one marked, overdue ones flagged.</summary>
    public static IReadOnlyList<KpStep> Steps(KpCase c, DateTime now)
    {
        var open = KpStages.Open.Contains(c.Stage);
        var ended = c.Stage is KpStages.Settled or KpStages.Arbitrated;
        // A failure to appear waits for the chairman's finding once the day set for the party to explain has come (KP Rules, Rule VI sec. 8).
        var absence = KpService.AbsencesOf(c).LastOrDefault(a => a.Finding is null);
        var list = new List<(string Key, string Label, DateTime? Due, DateTime? Done, bool Applies, bool Runs)>
        {
            ("summons", Texts.Say("Summons issued (by the next working day, sec. 410(b))"), c.SummonsDueAt, c.SummonsIssuedAt, true, open),
            ("absence", absence?.Party == KpParties.Complainant
                    ? Texts.Say("The complainant explains the failure to appear; then the finding (KP Form 18, KP Rules Rule VI sec. 8)")
                    : Texts.Say("The respondent explains the failure to appear; then the finding (KP Form 19, KP Rules Rule VI sec. 8)"),
                absence?.ExplainOn, null, absence is not null, open),
            ("mediation", Texts.Say("Mediation by the Punong Barangay ({0} days from the first hearing, sec. 410(b))", MediationDays), c.MediationDueAt,
                c.MediationFailedAt ?? c.ArbitrationAgreedAt ?? c.OutcomeAt ?? c.DismissedAt, c.MediationStartedAt is not null || c.Stage == KpStages.Mediation, open),
            ("pangkat", Texts.Say("Pangkat constituted (sec. 404)"), null, c.PangkatConstitutedAt, c.MediationFailedAt is not null, open),
            ("convene", Texts.Say("Pangkat convenes ({0} days from its constitution, sec. 410(d))", PangkatConveneDays), c.PangkatDueAt, c.PangkatConvenedAt, c.PangkatConstitutedAt is not null, open),
            ("conciliation", c.ConciliationExtended
                    ? Texts.Say("Conciliation by the Pangkat ({0} days from convening, extended by {1}, sec. 410(e))", ConciliationDays, ExtensionDays)
                    : Texts.Say("Conciliation by the Pangkat ({0} days from convening, extendable once, sec. 410(e))", ConciliationDays),
                c.ConciliationDueAt, c.Stage == KpStages.Conciliation ? null : c.ArbitrationAgreedAt ?? c.OutcomeAt ?? c.DismissedAt, c.PangkatConvenedAt is not null, open),
            ("arbitration_repudiation", Texts.Say("Agreement to arbitrate may be repudiated ({0} days, sec. 413(a))", ArbitrationRepudiationDays), c.ArbitrationRepudiationDueAt, null,
                c.ArbitrationAgreedAt is not null, false),
            ("award", Texts.Say("Arbitration award (within {0} days after the {1} days, sec. 413(a))", AwardDays, ArbitrationRepudiationDays), c.AwardDueAt,
                c.Outcome == KpOutcomes.Award ? c.OutcomeAt : null, c.ArbitrationAgreedAt is not null, c.Stage == KpStages.Arbitration),
            ("repudiation", Texts.Say("Settlement may be repudiated ({0} days, sec. 418)", RepudiationDays), c.RepudiationDueAt, c.RepudiatedAt, c.RepudiationDueAt is not null, false),
            ("transmittal", Texts.Say("Transmittal to the court by the Lupon secretary ({0} days, sec. 419)", TransmittalDays), c.TransmittalDueAt, c.TransmittedAt,
                c.TransmittalDueAt is not null, ended),
            ("execution", Texts.Say("Execution by the Lupon ({0} months, sec. 417)", ExecutionMonths), c.ExecutionDueAt, c.ExecutedAt,
                c.ExecutionMovedAt is not null, ended && c.ExecutionMovedAt is not null),
        };
        // Contempt (KP Rules, Rule VI): each application filed with a court waits for the court's ruling. The court sets no
        // deadline the Lupon keeps, so the step never becomes the current one and never runs late.
        var contempt = KpService.AbsencesOf(c).Select(a => (Who: a.Party == KpParties.Complainant ? Texts.Say("the complainant") : Texts.Say("the respondent"), a.Contempt))
            .Concat(KpService.WitnessesOf(c).Select(w => (Who: Texts.Say("witness {0}", w.Name), w.Contempt)))
            .Where(x => x.Contempt is not null).OrderBy(x => x.Contempt!.RecordedAt).ToList();
        for (var i = 0; i < contempt.Count; i++)
        {
            var (who, application) = (contempt[i].Who, contempt[i].Contempt!);
            var label = application.Ruling is { } r
                ? Texts.Say("Application for contempt against {0}, filed with the {1}: {2} by the court (KP Rules, Rule VI)", who, application.Court, Texts.Say(r.Outcome))
                : Texts.Say("Application for contempt against {0}, filed with the {1}: the court's ruling (KP Rules, Rule VI)", who, application.Court);
            list.Add(($"contempt-{i + 1}", label, null, application.Ruling is { } done ? TimeZones.ManilaToUtc(done.RuledOn.ToDateTime(new TimeOnly(12, 0))) : null, true, false));
        }
        var steps = new List<KpStep>();
        var currentFound = false;
        foreach (var s in list.Where(s => s.Applies))
        {
            var pending = s.Done is null && s.Runs;
            var current = pending && !currentFound && (s.Due is not null || s.Key is "mediation" or "pangkat");
            if (current) currentFound = true;
            steps.Add(new KpStep(s.Key, s.Label, s.Due, s.Done, pending && s.Due is { } d && d < now, current));
        }
        return steps;
    }
}
