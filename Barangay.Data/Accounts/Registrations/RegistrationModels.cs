namespace Barangay.Data.Accounts.Registrations;

/// <summary>What an applicant fills in on the public registration page. The password never leaves the service except as a hash.</summary>
public sealed class RegistrationForm
{
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }
    public string LastName { get; set; } = "";
    public DateOnly? Dob { get; set; }
    public string? Sex { get; set; }
    public string? MaritalStatus { get; set; }
    public string Purok { get; set; } = "";
    public string? Address { get; set; }
    public string? ContactNumber { get; set; }
    public string Email { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public bool AcceptPrivacyNotice { get; set; }
}

/// <summary>The ID photo as uploaded: its name (only for the kind check) and bytes.</summary>
public sealed record RegistrationPhoto(string FileName, Stream Content);

/// <summary>What the applicant is given after submitting.</summary>
public sealed record RegistrationReceipt(Guid Id, string RegistrationId, DateTime? EstimatedReviewEta)
{
    /// <summary>The answer when the username or email was taken: the page shows it exactly like a new registration.</summary>
    public static readonly RegistrationReceipt NotCreated = new(Guid.Empty, "", null);
}

/// <summary>What the applicant's status page shows.</summary>
public sealed record RegistrationStatusView(
    Guid Id, string RegistrationId, string Status, string FullName, DateTime SubmittedAt, DateTime? EstimatedReviewEta,
    string? Reason, DateTime? DecidedAt)
{
    public bool CanWithdraw => Status == RegistrationStatuses.Pending;
}

/// <summary>One line of the officials' review queue.</summary>
public sealed record RegistrationQueueRow(Guid Id, string RegistrationId, string FullName, DateOnly? Dob, string Purok, DateTime SubmittedAt, DateTime? EstimatedReviewEta);

/// <summary>An existing resident who may be the applicant (same birth date, similar name).</summary>
public sealed record DuplicateCandidate(Guid Id, string ResidentId, string FullName, DateOnly Dob, string Purok, bool HasAccount);

/// <summary>A registration as a reviewer sees it.</summary>
public sealed record RegistrationReview(
    Guid Id, string RegistrationId, string Status, RegistrationPayload Payload, DateTime SubmittedAt, DateTime? EstimatedReviewEta,
    Guid Version, Guid? ReferenceResidentId, IReadOnlyList<DuplicateCandidate> Candidates);

public static class RegistrationStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
}

/// <summary>The status page's answer: the registration when the number and password were right, and the gate's verdict either way.</summary>
public sealed record ApplicantLookup(RegistrationStatusView? Status, Barangay.Data.Accounts.Throttling.PasswordCheck Check);
