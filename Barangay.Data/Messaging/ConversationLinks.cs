namespace Barangay.Data.Messaging;

/// <summary>What a conversation can be about, as stored in <c>conversations.link_type</c>.</summary>
public static class ConversationLinks
{
    public const string Complaint = "complaint";
    public const string DocumentRequest = "document_request";

    public static readonly IReadOnlyList<string> All = [Complaint, DocumentRequest];
}
