namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// A respondent of a KP case: a resident of the register (<see cref="ResidentId"/>, who resides in this barangay) or a
/// name and address, with the barangay and city or municipality where they actually reside (blank: this barangay), for
/// the venue (sec. 409).
/// </summary>
public sealed record KpRespondent(string Name, Guid? ResidentId = null, string? Address = null, string? Barangay = null, string? Municipality = null);

/// <summary>A hearing being recorded: when (UTC), who attended, the minutes.</summary>
public sealed record KpHearingInput(DateTime HeldAt, IReadOnlyList<string> Attendees, string Minutes);

public sealed record KpHearingRow(Guid Id, string Stage, DateTime HeldAt, IReadOnlyList<string> Attendees, string Minutes, string? RecordedBy);

/// <summary>One step of the case with its deadline; <see cref="Overdue"/>: the deadline passed and the step is not done.</summary>
public sealed record KpStep(string Key, string Label, DateTime? DueAt, DateTime? DoneAt, bool Overdue, bool Current);

public sealed record KpCaseDetail(
    Guid Id, string CaseNo, Guid ComplaintId, string ComplaintCode, string Complainant, string? Subject, IReadOnlyList<KpRespondent> Respondents,
    string Stage, DateTime FiledAt, IReadOnlyList<KpStep> Steps, IReadOnlyList<KpHearingRow> Hearings, IReadOnlyList<string> PangkatMembers,
    bool ConciliationExtended, string? Outcome, string? OutcomeTerms, DateTime? OutcomeAt, DateTime? RepudiationDueAt, DateTime? RepudiatedAt,
    string? RepudiationReason, DateTime? SummonsIssuedAt, DateTime? CertificateIssuedAt, Guid Version,
    string Language, IReadOnlyList<KpPangkatMember> Pangkat, IReadOnlyList<KpAct> Acts, IReadOnlySet<string> CallerOffices,
    DateTime? PangkatConvenedAt, DateTime? ArbitrationAgreedAt, DateTime? ExecutionMovedAt, DateTime? ExecutedAt, DateTime? TransmittedAt, string? TransmittedTo)
{
    public bool CallerHolds(params string[] offices) => offices.Any(CallerOffices.Contains);
    /// <summary>The Pangkat hears the case (it was constituted); before that the Lupon chairman does.</summary>
    public bool ByPangkat => Pangkat.Count > 0;
    public bool IsOpen => KpStages.Open.Contains(Stage);
    /// <summary>The case ended in a way that calls for a Certificate to File Action (issued or not yet).</summary>
    public bool CanIssueCertificate => Stage is KpStages.Failed or KpStages.Repudiated;
    /// <summary>The certificate is due but not issued yet: the page offers the explicit "Issue" action, not the PDF.</summary>
    public bool AwaitsCertificate => CanIssueCertificate && CertificateIssuedAt is null;
    public bool HasSettlement => Outcome is KpOutcomes.Settlement or KpOutcomes.Award;
    /// <summary>The forms the case has so far (<see cref="KpService.FormsOf"/>), in the order of its steps.</summary>
    public IReadOnlyList<KpForm> Forms { get; init; } = [];
}

/// <summary>A row of the KP case book.</summary>
public sealed record KpCaseRow(
    Guid Id, string CaseNo, Guid ComplaintId, string ComplaintCode, string Complainant, string Respondents, string Stage, DateTime FiledAt,
    string? NextStep, DateTime? NextDueAt, bool Overdue);

/// <summary>The printable KP forms.</summary>
public enum KpForm
{
    Summons,
    Settlement,
    CertificateToFileAction,
    Complaint,
    NoticeOfHearing,
    PangkatNotice,
    ConciliationNotice,
    ArbitrationAgreement,
    Repudiation,
    ExecutionMotion,
    ExecutionHearing,
    ExecutionNotice,
    Transmittal,
}

/// <summary>A Pangkat member: a Lupon member (an official of that position) and their place in the Pangkat (sec. 404).</summary>
public sealed record KpPangkatMember(Guid OfficialId, Guid UserId, string Name, string Role);

public static class KpPangkatRoles
{
    public const string Chairman = "chairman";
    public const string Secretary = "secretary";
    public const string Member = "member";
}

/// <summary>
/// A step done on the case: who recorded it (the user) and who the law names as doing and signing it (their name and
/// title as the forms print them), with when.
/// </summary>
public sealed record KpAct(string Step, DateTime At, Guid? ByUserId, string SignedBy, string Title);

/// <summary>A page of the KP case book and how many cases the filter matches.</summary>
public sealed record KpCasePage(IReadOnlyList<KpCaseRow> Items, int Total);
