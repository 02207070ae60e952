using Barangay.Data.Common;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// A Katarungang Pambarangay case (Local Government Code, secs. 399-422): a dispute between residents, filed as a
/// complaint and worked by the Punong Barangay (mediation) and then the Pangkat ng Tagapagkasundo (conciliation).
/// The deadlines are fixed when each step starts; KP counts calendar days (the summons alone is due by the next
/// working day).
/// </summary>
public class KpCase : IHasUpdatedAt, IVersioned
{
    public Guid Id { get; set; }
    /// <summary>The complaint this case grew from (one case per complaint).</summary>
    public Guid ComplaintId { get; set; }
    /// <summary>Barangay case number, e.g. <c>KP-2026-000007</c>.</summary>
    public string CaseNo { get; set; } = "";
    /// <summary>JSONB list of <see cref="KpRespondent"/>.</summary>
    public string Respondents { get; set; } = "[]";
    public string Stage { get; set; } = KpStages.Mediation;
    public DateTime FiledAt { get; set; }
    public DateTime SummonsDueAt { get; set; }
    public DateTime? SummonsIssuedAt { get; set; }
    public DateTime? MediationStartedAt { get; set; }
    public DateTime? MediationDueAt { get; set; }
    public DateTime? MediationFailedAt { get; set; }
    public DateTime? PangkatDueAt { get; set; }
    public DateTime? PangkatConstitutedAt { get; set; }
    /// <summary>JSONB list of the three Pangkat members' names.</summary>
    public string? PangkatMembers { get; set; }
    public DateTime? ConciliationDueAt { get; set; }
    public bool ConciliationExtended { get; set; }
    /// <summary><see cref="KpOutcomes"/>: settlement, award or failure.</summary>
    public string? Outcome { get; set; }
    public string? OutcomeTerms { get; set; }
    public DateTime? OutcomeAt { get; set; }
    public DateTime? RepudiationDueAt { get; set; }
    public DateTime? RepudiatedAt { get; set; }
    public string? RepudiationReason { get; set; }
    public DateTime? CertificateIssuedAt { get; set; }
    /// <summary>JSONB <see cref="KpIntake"/>: the sec. 408 checklist answered when the case was taken up.</summary>
    public string Intake { get; set; } = "{}";
    /// <summary><see cref="KpLanguages"/>: the language the parties know, the forms' language (sec. 411).</summary>
    public string Language { get; set; } = KpLanguages.English;
    /// <summary>JSONB list of <see cref="KpPangkatMember"/>: the Pangkat with its chairman and secretary (sec. 404).</summary>
    public string? Pangkat { get; set; }
    /// <summary>The Pangkat's first hearing: its 15 days run from here (sec. 410(e)).</summary>
    public DateTime? PangkatConvenedAt { get; set; }
    /// <summary>The parties' written agreement to arbitrate (sec. 413(a)).</summary>
    public DateTime? ArbitrationAgreedAt { get; set; }
    public DateTime? ArbitrationRepudiationDueAt { get; set; }
    public DateTime? AwardDueAt { get; set; }
    public DateTime? ExecutionDueAt { get; set; }
    public DateTime? ExecutionMovedAt { get; set; }
    public DateTime? ExecutedAt { get; set; }
    public string? ExecutionNotes { get; set; }
    public DateTime? TransmittalDueAt { get; set; }
    public DateTime? TransmittedAt { get; set; }
    public string? TransmittedTo { get; set; }
    /// <summary>JSONB list of <see cref="KpAct"/>: who did and who signs each step, as the law names them.</summary>
    public string Acts { get; set; } = "[]";
    /// <summary><see cref="KpNatures"/>: criminal, civil or other, as the Lupon's monthly report counts cases; set at intake, editable until the case ends.</summary>
    public string Nature { get; set; } = KpNatures.Others;
    /// <summary>JSONB list of <see cref="KpAbsence"/>: each party's failure to appear at a hearing and what was found of it (KP Rules, Rule VI sec. 8).</summary>
    public string Absences { get; set; } = "[]";
    /// <summary>JSONB list of <see cref="KpWitness"/>: the witnesses summoned to a hearing (KP Form 13) and any refusal or wilful failure to appear (KP Rules, Rule VI).</summary>
    public string Witnesses { get; set; } = "[]";
    /// <summary>The complaint was dismissed for the complainant's unjustified failure to appear: the action is barred (KP Form 21).</summary>
    public DateTime? DismissedAt { get; set; }
    /// <summary>The deadline of the case's current step (null when none runs): the case book sorts on it.</summary>
    public DateTime? NextDueAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

public static class KpStages
{
    /// <summary>Before the Punong Barangay (Lupon chairman).</summary>
    public const string Mediation = "mediation";
    /// <summary>Before the Pangkat ng Tagapagkasundo.</summary>
    public const string Conciliation = "conciliation";
    public const string Settled = "settled";
    public const string Arbitrated = "arbitrated";
    public const string Repudiated = "repudiated";
    public const string Failed = "failed";

    /// <summary>The parties agreed in writing to arbitration (sec. 413): the award is due after the 5 days to repudiate the agreement.</summary>
    public const string Arbitration = "arbitration";

    /// <summary>Dismissed for the complainant's unjustified failure to appear (KP Rules, Rule VI sec. 8): the action is barred.</summary>
    public const string Dismissed = "dismissed";

    public static readonly IReadOnlyList<string> Open = [Mediation, Conciliation, Arbitration];
    public static readonly IReadOnlyList<string> All = [Mediation, Conciliation, Arbitration, Settled, Arbitrated, Repudiated, Failed, Dismissed];
}

public static class KpOutcomes
{
    public const string Settlement = "settlement";
    public const string Award = "award";
    public const string Failure = "failure";
}

/// <summary>The languages the KP forms are printed in (sec. 411: a language or dialect known to the parties).</summary>
public static class KpLanguages
{
    public const string English = "en";
    public const string Filipino = "fil";
    public static readonly IReadOnlyList<string> All = [English, Filipino];
}

/// <summary>
/// The nature of the dispute, as the Lupon's monthly report to the DILG counts cases (criminal, civil, others):
/// docs/katarungang-pambarangay.md, "Monthly report".
/// </summary>
public static class KpNatures
{
    public const string Criminal = "criminal";
    public const string Civil = "civil";
    public const string Others = "others";
    public static readonly IReadOnlyList<string> All = [Criminal, Civil, Others];

    public static string Label(string nature) => nature switch
    {
        Criminal => "Criminal",
        Civil => "Civil",
        _ => "Others",
    };
}
