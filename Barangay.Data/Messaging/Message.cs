namespace Barangay.Data.Messaging;

public class Message
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public Guid? SenderUserId { get; set; }
    public Guid? SenderResidentId { get; set; }
    public string? Body { get; set; }
    public string? Attachments { get; set; }
    public DateTime CreatedAt { get; set; }
}
