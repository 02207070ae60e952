namespace Barangay.Data.Complaints;

/// <summary>
/// A new complaint: from the resident's phone, or entered at the hall by an official (<see cref="Channel"/> walk_in or
/// phone) for a resident (<see cref="ResidentId"/>) or for someone not in the register (<see cref="ComplainantName"/>, <see cref="Contact"/>).
/// </summary>
public sealed class NewComplaint
{
    public string Category { get; set; } = "";
    public string? Subcategory { get; set; }
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Purok { get; set; }
    public string? Location { get; set; }
    public bool Confidential { get; set; }
    public List<Guid> AttachmentIds { get; set; } = [];
    /// <summary>Hall entries only: the resident the complaint is for.</summary>
    public Guid? ResidentId { get; set; }
    /// <summary>Hall entries only: a complainant not in the register.</summary>
    public string? ComplainantName { get; set; }
    public string? Contact { get; set; }
    /// <summary>Hall entries only: walk_in or phone.</summary>
    public string? Channel { get; set; }
}

/// <summary>The acknowledgement a new complaint gets.</summary>
public sealed record ComplaintAck(Guid Id, string ComplaintId, DateTime ReportedAt, bool Confidential, Guid? ConversationId, string Message)
{
    /// <summary>The acknowledgement as a catalogue key, shown in the reader's language; <see cref="Message"/> is its English.</summary>
    public Localization.Message? Text { get; init; }
}

/// <summary>The triage queue's filters; null or false means any.</summary>
public sealed record ComplaintQueueFilter(
    string? Status = null, string? Category = null, string? Purok = null, string? Priority = null,
    bool AssignedToMe = false, bool OverdueOnly = false, string? Search = null, bool OpenOnly = false);

public sealed record ComplaintQueueRow(
    Guid Id, string ComplaintId, string Complainant, string Category, string? Subject, string? Purok, string Status, string Priority,
    string? AssignedName, bool Confidential, DateTime ReportedAt, bool Overdue, bool IsKpCase);

public sealed record ComplaintQueuePage(IReadOnlyList<ComplaintQueueRow> Items, int Total);

/// <summary>
/// A complaint as its page shows it. For the complainant, <see cref="Notes"/> is empty and <see cref="ForHall"/> false:
/// internal notes never leave the service for them.
/// </summary>
public sealed record ComplaintDetail(
    Guid Id, string ComplaintId, Guid? ResidentId, string Complainant, string? Contact, string Category, string CategoryLabel,
    string? Subcategory, string? SubcategoryLabel, string? Subject, string Description, string? Purok, string? PurokLabel, string? Location,
    bool Confidential, IReadOnlyList<Guid> AttachmentIds, string Status, string Priority, Guid? AssignedTo, string? AssignedName,
    string? ResolutionNotes, string? RejectionReason, DateTime ReportedAt, DateTime? ResolvedAt, bool Overdue,
    IReadOnlyList<ComplaintHistoryEntry> History, IReadOnlyList<ComplaintNote> Notes, Guid? ConversationId, Guid? KpCaseId,
    string Channel, bool ForHall, Guid Version)
{
    /// <summary>The attached files in the order given, with their names and types (so a photo can be shown as a photo).</summary>
    public IReadOnlyList<ComplaintAttachment> Attachments { get; init; } = [];
}

/// <summary>A file attached to a complaint; <see cref="IsImage"/> ones are shown inline.</summary>
public sealed record ComplaintAttachment(Guid Id, string FileName, string ContentType)
{
    public bool IsImage => ContentType is "image/jpeg" or "image/png";
}

/// <summary>A complaint in the complainant's "My complaints".</summary>
public sealed record MyComplaint(Guid Id, string ComplaintId, string CategoryLabel, string? Subject, string Status, bool Confidential, DateTime ReportedAt, DateTime UpdatedAt);

/// <summary>An official a complaint can be assigned to.</summary>
public sealed record ComplaintAssignee(Guid UserId, string Name, string Position);

/// <summary>A lookup value for the form (category, subcategory with its parent, purok).</summary>
public sealed record ComplaintChoice(string Code, string Label, string? Parent = null);

public sealed record ComplaintChoices(IReadOnlyList<ComplaintChoice> Categories, IReadOnlyList<ComplaintChoice> Subcategories, IReadOnlyList<ComplaintChoice> Puroks);
