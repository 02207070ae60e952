using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;

namespace Barangay.Data.Reports;

/// <summary>
/// Where a KP case stands, for the complaints and KP report. Every case falls in exactly one line so the lines add up
/// to the cases filed: a case still in mediation or conciliation whose complaint was rejected, resolved or closed by
/// the hall ended outside KP (dismissed or withdrawn); a certificate to file action outranks the failure or
/// repudiation that led to it; a settlement is "in mediation" unless mediation had failed first.
/// </summary>
public static class KpReportLines
{
    public const string SettledInMediation = "Settled in mediation (Punong Barangay)";
    public const string SettledInConciliation = "Settled in conciliation (Pangkat)";
    public const string ArbitrationAward = "Arbitration award";
    public const string CertificateIssued = "Certificate to file action issued";
    public const string Repudiated = "Repudiated, no certificate yet";
    public const string Failed = "Failed, no certificate yet";
    public const string PendingMediation = "Pending: mediation";
    public const string PendingConciliation = "Pending: conciliation";
    /// <summary>The parties agreed to arbitration (sec. 413) and the award is not made yet.</summary>
    public const string PendingArbitration = "Pending: arbitration";
    /// <summary>Dismissed for the complainant's failure to appear (KP Form 21), or the complaint rejected or closed by the hall while the case ran.</summary>
    public const string Dismissed = "Dismissed or withdrawn";

    /// <summary>The lines in report order (outcomes, then what is still open).</summary>
    public static readonly IReadOnlyList<string> All =
        [SettledInMediation, SettledInConciliation, ArbitrationAward, CertificateIssued, Repudiated, Failed, PendingMediation, PendingConciliation, PendingArbitration, Dismissed];

    public static string Of(KpCase k, string complaintStatus) => Of(k.Stage, k.CertificateIssuedAt, k.MediationFailedAt, complaintStatus);

    /// <summary>The same rule from the few columns it reads, so the case book can filter by line without loading whole cases.</summary>
    public static string Of(string stage, DateTime? certificateIssuedAt, DateTime? mediationFailedAt, string complaintStatus) => stage switch
    {
        _ when certificateIssuedAt is not null => CertificateIssued,
        KpStages.Settled => mediationFailedAt is null ? SettledInMediation : SettledInConciliation,
        KpStages.Arbitrated => ArbitrationAward,
        KpStages.Repudiated => Repudiated,
        KpStages.Failed => Failed,
        KpStages.Dismissed => Dismissed,
        _ when !ComplaintStatuses.Open.Contains(complaintStatus) => Dismissed,
        KpStages.Conciliation => PendingConciliation,
        KpStages.Arbitration => PendingArbitration,
        _ => PendingMediation,
    };

    /// <summary>Lines whose cases ended in a settlement or award, timed from filing to <see cref="KpCase.OutcomeAt"/>.</summary>
    public static bool IsTimed(string line) => line is SettledInMediation or SettledInConciliation or ArbitrationAward;

    public static bool IsPending(string line) => line is PendingMediation or PendingConciliation or PendingArbitration;
}
