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
    /// <summary><see cref="KpNatures"/>: criminal, civil or others.</summary>
    public string Nature { get; init; } = KpNatures.Others;
    /// <summary>The parties' recorded failures to appear, oldest first.</summary>
    public IReadOnlyList<KpAbsence> Absences { get; init; } = [];
    public DateTime? DismissedAt { get; init; }
    /// <summary>The nature can be corrected until the case ends (settled, awarded, failed, repudiated or dismissed).</summary>
    public bool NatureEditable => IsOpen;
    /// <summary>A failure to appear waits for the chairman's finding, after the party was given the chance to explain.</summary>
    public KpAbsence? PendingAbsence => Absences.LastOrDefault(a => a.Finding is null);
    /// <summary>The failures to appear found unjustified with no contempt application recorded yet (their positions in <see cref="Absences"/>).</summary>
    public IReadOnlyList<int> ContemptOpen => Absences.Select((a, i) => (a, i)).Where(x => x.a.Finding == KpAbsenceFindings.Unjustified && x.a.Contempt is null).Select(x => x.i).ToList();
    /// <summary>The witnesses summoned to a hearing (KP Form 13), oldest first, with any refusal and contempt application.</summary>
    public IReadOnlyList<KpWitness> Witnesses { get; init; } = [];
    /// <summary>The witnesses summoned whose refusal or failure to appear is not recorded yet (their positions in <see cref="Witnesses"/>).</summary>
    public IReadOnlyList<int> WitnessesAwaited => Witnesses.Select((w, i) => (w, i)).Where(x => x.w.Failure is null).Select(x => x.i).ToList();
    /// <summary>Every refusal that may still be brought to court: a party's found unjustified, a witness's recorded, with no application yet.</summary>
    public IReadOnlyList<KpContemptOf> ContemptOpenAll =>
        [.. ContemptOpen.Select(i => new KpContemptOf(false, i)), .. Witnesses.Select((w, i) => (w, i)).Where(x => x.w.Failure is not null && x.w.Contempt is null).Select(x => new KpContemptOf(true, x.i))];
    /// <summary>The applications filed with a court whose ruling is not recorded yet.</summary>
    public IReadOnlyList<KpContemptOf> ContemptAwaitingRuling =>
        [.. Absences.Select((a, i) => (a.Contempt, i)).Where(x => x.Contempt is { Ruling: null }).Select(x => new KpContemptOf(false, x.i)),
         .. Witnesses.Select((w, i) => (w.Contempt, i)).Where(x => x.Contempt is { Ruling: null }).Select(x => new KpContemptOf(true, x.i))];
    /// <summary>The application about <paramref name="of"/>, if any.</summary>
    public KpContempt? ContemptOn(KpContemptOf of) => of.Witness ? Witnesses.ElementAtOrDefault(of.Index)?.Contempt : Absences.ElementAtOrDefault(of.Index)?.Contempt;
    /// <summary>The hearing the refusal was about and whether it was before the Pangkat.</summary>
    public (DateTime Hearing, bool BeforePangkat) ContemptHearing(KpContemptOf of) => of.Witness
        ? (Witnesses[of.Index].HearingAt, Witnesses[of.Index].Stage == KpStages.Conciliation)
        : (Absences[of.Index].MissedAt, Absences[of.Index].Stage == KpStages.Conciliation);
}

/// <summary>
/// A party's failure to appear at a hearing (KP Rules, Rule VI sec. 8): which party, at which stage, the hearing missed,
/// the day set for them to explain (KP Form 18 to the complainant, 19 to the respondent), and what the Punong Barangay or
/// the Pangkat chairman found after that day: <see cref="KpAbsenceFindings"/>.
/// </summary>
public sealed record KpAbsence(string Party, string Stage, DateTime MissedAt, DateTime ExplainOn, DateTime RecordedAt, string? Finding = null, DateTime? FoundAt = null, string? Reason = null,
    KpContempt? Contempt = null);

/// <summary>
/// The application filed with the city or municipal court to punish a party's refusal or wilful failure to appear as
/// indirect contempt of court (KP Rules, Rule VI; <see cref="KpService.RecordContemptAsync"/>): the court, the Manila day
/// it was filed, who filed it (<see cref="KpContemptApplicants"/>) and when the Lupon's records took it in.
/// </summary>
public sealed record KpContempt(string Court, DateOnly FiledOn, string FiledBy, DateTime RecordedAt, KpContemptRuling? Ruling = null);

/// <summary>
/// What the court decided on the application (<see cref="KpService.RecordContemptRulingAsync"/>): granted (the person was
/// punished for indirect contempt) or denied, by which court and on which Manila day, and when the Lupon's records took it in.
/// </summary>
public sealed record KpContemptRuling(string Outcome, string Court, DateOnly RuledOn, DateTime RecordedAt);

public static class KpContemptRulings
{
    public const string Granted = "granted";
    public const string Denied = "denied";
    public static readonly IReadOnlyList<string> All = [Granted, Denied];
}

/// <summary>
/// A witness summoned to a hearing by subpoena (KP Form 13, <see cref="KpService.SummonWitnessAsync"/>): who, where they
/// live, the stage and the hearing (day and hour) they were summoned to. A refusal or wilful failure to appear, as the keeper
/// of the records recorded it (<see cref="KpWitnessFailures"/>, what happened, when), may be brought to the court as indirect
/// contempt like a party's (KP Rules, Rule VI), with <see cref="Contempt"/>.
/// </summary>
public sealed record KpWitness(string Name, string? Address, string Stage, DateTime HearingAt, DateTime RecordedAt,
    string? Failure = null, DateTime? FailedAt = null, string? FailureNote = null, KpContempt? Contempt = null);

/// <summary>How a summoned witness did not appear (KP Rules, Rule VI: "refusal or willful failure ... to appear").</summary>
public static class KpWitnessFailures
{
    /// <summary>The witness said they would not appear.</summary>
    public const string Refused = "refused";
    /// <summary>The hearing came and the witness, summoned, did not appear without a justifiable reason.</summary>
    public const string Failed = "failed";
    public static readonly IReadOnlyList<string> All = [Refused, Failed];
}

/// <summary>Which refusal a contempt application is about: a party's failure to appear (<see cref="KpCaseDetail.Absences"/>) or a witness's (<see cref="KpCaseDetail.Witnesses"/>), by position.</summary>
public readonly record struct KpContemptOf(bool Witness, int Index);

/// <summary>Who may apply to the court for contempt (KP Rules, Rule VI): the Lupon chairman, the Pangkat chairman, or any of the contending parties.</summary>
public static class KpContemptApplicants
{
    public const string LuponChairman = KpOffices.LuponChairman;
    public const string PangkatChairman = KpOffices.PangkatChairman;
    public const string Complainant = KpParties.Complainant;
    public const string Respondent = KpParties.Respondent;
    public static readonly IReadOnlyList<string> All = [LuponChairman, PangkatChairman, Complainant, Respondent];

    public static string Label(string applicant, bool filipino = false) => (applicant, filipino) switch
    {
        (LuponChairman, false) => "the Punong Barangay (Lupon chairman)",
        (LuponChairman, true) => "Punong Barangay (Pangulo ng Lupon)",
        (PangkatChairman, false) => "the Pangkat chairman",
        (PangkatChairman, true) => "Pangulo ng Pangkat",
        (Complainant, false) => "the complainant",
        (Complainant, true) => "maysumbong",
        (_, false) => "the respondent",
        _ => "ipinagsusumbong",
    };
}

public static class KpParties
{
    public const string Complainant = "complainant";
    public const string Respondent = "respondent";
}

public static class KpAbsenceFindings
{
    /// <summary>The party gave a justifiable reason: the proceedings go on.</summary>
    public const string Justified = "justified";
    /// <summary>Wilful failure without justifiable reason: the consequence the KP Rules attach follows.</summary>
    public const string Unjustified = "unjustified";
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
    /// <summary>KP Form 11: notice to the Lupon members chosen for the Pangkat.</summary>
    PangkatMemberNotice,
    /// <summary>KP Form 13: subpoena to witnesses.</summary>
    Subpoena,
    /// <summary>KP Form 18: notice to the complainant to explain a failure to appear.</summary>
    ComplainantAbsenceNotice,
    /// <summary>KP Form 19: notice to the respondent to explain a failure to appear.</summary>
    RespondentAbsenceNotice,
    /// <summary>KP Form 21: Certification to Bar Action (the complainant's unjustified failure to appear).</summary>
    BarAction,
    /// <summary>KP Form 22: Certification to Bar Counterclaim (the respondent's unjustified failure to appear).</summary>
    BarCounterclaim,
    /// <summary>No KP number: the Lupon secretary's certification of the record of a refusal to appear, for the contempt application (KP Rules, Rule VI).</summary>
    ContemptCertification,
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
/// title as the forms print them), with when. The summons also records the day and hour of the hearing it calls the
/// parties to (<paramref name="HearingAt"/>), which KP Forms 8 and 9 print.
/// </summary>
public sealed record KpAct(string Step, DateTime At, Guid? ByUserId, string SignedBy, string Title, DateTime? HearingAt = null);

/// <summary>
/// Which cases the case book lists: open ones only, one nature (<see cref="KpNatures"/>), one line of the monthly report
/// (<see cref="Reports.KpReportLines"/>), cases filed between two Manila dates (inclusive). The report counts with the
/// same rule, so a report's figure and the list filtered the same way agree.
/// </summary>
/// <param name="DueSoon">Only cases whose current step is overdue or due within <see cref="KpDeadlineCounter.WorkingDays"/>
/// working days: what the official home's "KP cases near a deadline" card counts.</param>
public sealed record KpCaseFilter(bool OpenOnly = false, string? Nature = null, string? Outcome = null, DateOnly? FiledFrom = null, DateOnly? FiledTo = null, bool DueSoon = false);

/// <summary>A page of the KP case book and how many cases the filter matches.</summary>
public sealed record KpCasePage(IReadOnlyList<KpCaseRow> Items, int Total);
