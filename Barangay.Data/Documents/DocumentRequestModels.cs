namespace Barangay.Data.Documents;

/// <summary>A new request: from the resident's phone (no <see cref="ResidentId"/>) or a walk-in entered by an official.</summary>
public sealed class NewDocumentRequest
{
    public string TypeCode { get; set; } = "";
    public string Purpose { get; set; } = "";
    public Dictionary<string, string> Fields { get; set; } = [];
    public List<Guid> AttachmentIds { get; set; } = [];
    public bool Oath { get; set; }
    /// <summary>
    /// The language the certificate is worded in (<c>en-PH</c> or <c>fil-PH</c>; issue 26, item 4: chosen per
    /// document); null leaves it to the holder's account language at approval.
    /// </summary>
    public string? Language { get; set; }
    /// <summary>Set by an official entering a walk-in request for this resident.</summary>
    public Guid? ResidentId { get; set; }
}

/// <summary>
/// The acknowledgement a request gets: what, when, the deadline (null until requirements are complete and the fee is
/// paid, RA 11032 §4(j)) and who acts on it.
/// </summary>
public sealed record DocumentRequestAck(Guid Id, string RequestId, string TypeLabel, DateTime SubmittedAt, DateTime? DueAt, int WorkingDays, string ActedOnBy, decimal Fee)
{
    public bool WalkIn { get; init; }
    public IReadOnlyList<string> Requirements { get; init; } = [];
    public string? WaiverReason { get; init; }
}

/// <summary>The queue's filters; null means any.</summary>
/// <param name="OpenOnly">Only requests not yet finished (<see cref="DocumentRequestStatuses.Open"/>): what the home's "Open document requests" card counts.</param>
public sealed record DocumentQueueFilter(string? Status = null, string? Type = null, string? Purok = null, bool OverdueOnly = false, string? Search = null, bool UnpaidOnly = false, bool OpenOnly = false);

public sealed record DocumentQueueRow(
    Guid Id, string RequestId, string ResidentName, string Type, string Purok, string Status, DateTime SubmittedAt, DateTime? DueAt, bool Overdue, bool Settled)
{
    /// <summary>Past its deadline with requirements complete and the fee paid: deemed approved under RA 11032 §10.</summary>
    public bool AutomaticApproval { get; init; }
}

public sealed record DocumentQueuePage(IReadOnlyList<DocumentQueueRow> Items, int Total);

/// <summary>A request as its page shows it (the resident's own, or any for the hall).</summary>
public sealed record DocumentRequestDetail(
    Guid Id,
    string RequestId,
    Guid ResidentId,
    string ResidentName,
    string ResidentCode,
    string? Purok,
    string TypeCode,
    string TypeLabel,
    string Status,
    string Purpose,
    IReadOnlyList<(string Label, string Value)> Fields,
    IReadOnlyList<Guid> AttachmentIds,
    DateTime SubmittedAt,
    DateTime? DueAt,
    bool Overdue,
    decimal Fee,
    PaymentInfo? Payment,
    string? Reason,
    IReadOnlyList<DocumentStatusEntry> History,
    CertificateData? Certificate,
    Guid Version,
    CertificateRevocation? Revocation = null)
{
    public bool Settled => Fee <= 0 || Payment?.Settled == true;

    /// <summary>RA 11032 §4(j): the two moments that start the clock, and the start itself (null until both).</summary>
    public DateTime? RequirementsCompleteAt { get; init; }
    public DateTime? FeeSettledAt { get; init; }
    public DateTime? ClockStartedAt { get; init; }
    public int WorkingDays { get; init; }
    public ServiceExtension? Extension { get; init; }
    public bool WalkIn { get; init; }
    /// <summary>An issued certificate that still stands (a revoked one no longer prints).</summary>
    public bool HasCertificate => Certificate is not null && Revocation is null && Status is DocumentRequestStatuses.Approved or DocumentRequestStatuses.Released;
}

/// <summary>A resident's own request in "My requests".</summary>
/// <summary>One of the resident's own requests; <see cref="Purpose"/> tells several clearances apart (issue 24 item 7).</summary>
public sealed record MyDocumentRequest(Guid Id, string RequestId, string TypeLabel, string Status, DateTime SubmittedAt, DateTime? DueAt, bool Overdue, bool HasCertificate,
    string Purpose = "");

/// <summary>What the public verification page may show: genuine or not, the type, the holder with the surname initial only, the dates.</summary>
public sealed record CertificateVerification(bool Genuine, string? TypeLabel, string? HolderName, DateTime? IssuedAt, DateOnly? ValidUntil, string? BarangayName,
    DateOnly? RevokedOn = null)
{
    public static readonly CertificateVerification NotGenuine = new(false, null, null, null, null, null);

    public bool Expired(DateOnly today) => ValidUntil is { } v && v < today;
}

/// <summary>An official receipt being recorded.</summary>
public sealed record PaymentEntry(string OrNumber, decimal Amount);

/// <summary>One line of the treasurer's daily collection report.</summary>
public sealed record CollectionLine(string RequestId, string ResidentName, string TypeLabel, string? OrNumber, decimal Amount, DateTime At, string CollectedBy, string? WaiverReason);

public sealed record CollectionReport(DateOnly Day, string BarangayName, IReadOnlyList<CollectionLine> Lines)
{
    public decimal Total => Lines.Where(l => l.WaiverReason is null).Sum(l => l.Amount);
    public int Waived => Lines.Count(l => l.WaiverReason is not null);
    public int Receipts => Lines.Count(l => l.WaiverReason is null);
    public string Region { get; init; } = "";
    public string Province { get; init; } = "";
    public string Municipality { get; init; } = "";
    public string? TreasurerName { get; init; }
    /// <summary>The language of the printed record's fixed words (<see cref="Reports.PrintLanguage"/>: the barangay's report language).</summary>
    public string Language { get; init; } = Localization.AppLanguages.English;
}
