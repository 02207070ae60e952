namespace Barangay.Data.Messaging;

public class ConversationParticipant
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public Guid UserId { get; set; }
    public int UnreadCount { get; set; }
    public DateTime? LastReadAt { get; set; }
}
