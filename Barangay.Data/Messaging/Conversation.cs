using Barangay.Data.Common;

namespace Barangay.Data.Messaging;

/// <summary>
/// A conversation between one resident and the barangay hall. Besides the document's columns it records whom it
/// is with (<see cref="ResidentId"/>), what it is about (<see cref="LinkType"/>/<see cref="LinkId"/>: a complaint
/// or a document request), and what the hall inbox sorts by (<see cref="AwaitingReply"/>, <see cref="LastMessageAt"/>).
/// </summary>
public class Conversation : IHasUpdatedAt
{
    public Guid Id { get; set; }
    public string? Subject { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The resident the hall is talking with.</summary>
    public Guid? ResidentId { get; set; }

    /// <summary>Who started it (the resident's account, or the official who wrote first).</summary>
    public Guid? CreatedBy { get; set; }

    /// <summary><c>complaint</c> or <c>document_request</c> (<see cref="ConversationLinks"/>), with the row's id.</summary>
    public string? LinkType { get; set; }

    public Guid? LinkId { get; set; }

    public DateTime? LastMessageAt { get; set; }

    /// <summary>The last message came from the resident and no official has answered it yet.</summary>
    public bool AwaitingReply { get; set; }
}
