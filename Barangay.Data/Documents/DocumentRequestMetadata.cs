using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barangay.Data.Documents;

/// <summary>
/// What a request keeps in its <c>metadata</c> JSONB: the purpose and the type's fields, the type's terms when it was
/// filed (label, fee, working days), the status history (the resident's timeline) and, once approved, the frozen
/// certificate (what is printed never changes afterwards, even when the resident's record does).
/// </summary>
public sealed class DocumentRequestMetadata
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Purpose { get; set; } = "";
    public Dictionary<string, string> Fields { get; set; } = [];
    public string? TypeLabel { get; set; }
    public decimal Fee { get; set; }
    public int WorkingDays { get; set; }
    public bool Oath { get; set; }
    public bool WalkIn { get; set; }
    public string? Reason { get; set; }
    /// <summary>The certificate's language chosen with the request (<see cref="NewDocumentRequest.Language"/>); null: the holder's account language.</summary>
    public string? Language { get; set; }

    /// <summary>When the requirements were found complete (RA 11032 §4(j)): the review, or the desk for a walk-in.</summary>
    public DateTime? RequirementsCompleteAt { get; set; }

    /// <summary>When the processing time started: requirements complete and fee paid (<see cref="ServiceStandard"/>).</summary>
    public DateTime? ClockStartedAt { get; set; }

    /// <summary>The one extension RA 11032 §9(b)(2) allows, with its written reason.</summary>
    public ServiceExtension? Extension { get; set; }

    public List<DocumentStatusEntry> History { get; set; } = [];
    public CertificateData? Certificate { get; set; }
    /// <summary>Set when an official revokes the issued certificate; the public check then says "revoked".</summary>
    public CertificateRevocation? Revocation { get; set; }

    public static DocumentRequestMetadata Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new();
        try
        {
            return JsonSerializer.Deserialize<DocumentRequestMetadata>(json, Json) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>
/// One step of a request's timeline. <see cref="ByPosition"/> is the official's position when they acted ("Punong
/// Barangay"): the certificate prints who approved, and in what capacity, from the approval entry.
/// </summary>
public sealed record DocumentStatusEntry(string Status, DateTime At, Guid? ById, string? ByName, string? Note, string? ByPosition = null);

/// <summary>What the certificate shows, frozen at approval.</summary>
public sealed record CertificateData(
    string ControlNumber,
    string VerificationCode,
    string TypeLabel,
    string HolderName,
    string HolderAddress,
    string Body,
    string Purpose,
    DateTime IssuedAt,
    DateOnly ValidUntil,
    string BarangayName,
    string Locality,
    string Region,
    string PunongBarangay,
    string? SealFileId,
    string? OrNumber,
    decimal Fee,
    string? Waiver,
    // The QR payload signed with the barangay's key (CertificatePayload) and that key's fingerprint; null on
    // certificates approved before signing, whose QR carries the HMAC code (VerificationCode) and still verifies.
    string? SignedPayload = null,
    string? KeyFingerprint = null,
    // The header as printed (Province of …, Municipality/City of …) and the municipality's seal (issue 22, item 1).
    string? Province = null,
    string? Municipality = null,
    string? MunicipalSealFileId = null,
    // Who approved, from the approval history (CertificateSignatory); null on certificates frozen before.
    CertificateSignatory? Signatory = null,
    // The hall's "not valid without the dry seal" line (a setting), frozen at approval; null prints none.
    string? DrySealLine = null,
    // The official receipt's date, and the CTC (cedula) when the type asks for one (issue 22, item 2).
    DateOnly? OrDate = null,
    CertificateCtc? Ctc = null,
    // A First Time Jobseeker certification prints its Oath of Undertaking as a separate page for the holder to sign.
    bool OathPage = false,
    // The language of the wording (en-PH, fil-PH): the PDF declares it, so a screen reader reads it right.
    string? Language = null,
    // An ID-like type (DocumentType.IdPhoto) prints a photo box: the holder's photo on record at approval (its file
    // id, frozen like the rest so a reprint shows the same face), or an empty box to paste one in when there was none.
    bool PhotoBox = false,
    string? PhotoFileId = null,
    // The Oath of Undertaking's "… years of age, resident of … for …" (RA 11261 IRR form), from the register at
    // approval; null prints a line to write on.
    int? HolderAge = null,
    string? ResidentFor = null);

/// <summary>The holder's Community Tax Certificate as entered for the request; blanks print as lines to write on.</summary>
public sealed record CertificateCtc(string? Number, string? IssuedOn, string? IssuedAt);

/// <summary>An official's revocation of an issued certificate, with the reason (kept for the hall; the public check shows only the date).</summary>
public sealed record CertificateRevocation(DateTime At, Guid? ById, string? ByName, string Reason);

/// <summary>The <c>payment_info</c> JSONB: an official receipt, or a waiver with its reason.</summary>
public sealed record PaymentInfo(
    decimal Amount,
    string? OrNumber,
    DateTime? PaidAt,
    Guid? CollectedBy,
    string? CollectedByName,
    bool Waived,
    string? WaiverReason)
{
    /// <summary>Paid or waived, and not refunded since.</summary>
    public bool Settled => (Waived || OrNumber is not null) && RefundedAt is null;

    /// <summary>A fee actually paid (an OR, not a waiver) that has not been refunded.</summary>
    public bool PaidWithReceipt => !Waived && OrNumber is not null && RefundedAt is null;

    /// <summary>The treasurer's refund of a paid fee (a paid request is cancelled only after it).</summary>
    public DateTime? RefundedAt { get; init; }
    public string? RefundedByName { get; init; }
    public string? RefundReason { get; init; }

    public static PaymentInfo? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<PaymentInfo>(json, DocumentRequestMetadata.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, DocumentRequestMetadata.Json);
}
