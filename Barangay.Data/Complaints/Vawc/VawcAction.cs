namespace Barangay.Data.Complaints.Vawc;

/// <summary>
/// One step of a complaint of violence against women and their children (RA 9262): the application for a Barangay
/// Protection Order, its issuance (sec. 14), or the referral to the VAW desk, the social worker or the police. Such a
/// complaint is never mediated (sec. 33) and its records are confidential (sec. 44): the rows are read only through
/// <see cref="VawcService"/>, which lets in the Punong Barangay and the official the complaint is assigned to.
/// </summary>
public class VawcAction
{
    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    /// <summary><see cref="VawcActionKinds"/>.</summary>
    public string Kind { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>For a referral: to whom (<see cref="VawcReferralTargets"/>).</summary>
    public string? ReferredTo { get; set; }
    /// <summary>Free text (encrypted at rest): what was applied for, ordered, or said in the referral.</summary>
    public string? Notes { get; set; }
    public Guid? RecordedBy { get; set; }
    /// <summary>Who signed (the BPO is issued by the Punong Barangay, sec. 14): name and title at the time.</summary>
    public string? SignedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class VawcActionKinds
{
    public const string BpoApplication = "bpo_application";
    public const string BpoIssued = "bpo_issued";
    public const string Referral = "referral";
    public static readonly IReadOnlyList<string> All = [BpoApplication, BpoIssued, Referral];
}

public static class VawcReferralTargets
{
    public const string VawDesk = "vaw_desk";
    public const string SocialWorker = "social_worker";
    public const string Police = "police";
    public static readonly IReadOnlyList<string> All = [VawDesk, SocialWorker, Police];
}
