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

    public static readonly IReadOnlyList<string> Open = [Mediation, Conciliation];
    public static readonly IReadOnlyList<string> All = [Mediation, Conciliation, Settled, Arbitrated, Repudiated, Failed];
}

public static class KpOutcomes
{
    public const string Settlement = "settlement";
    public const string Award = "award";
    public const string Failure = "failure";
}
