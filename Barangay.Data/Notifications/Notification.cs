namespace Barangay.Data.Notifications;

public class Notification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid? ResidentId { get; set; }
    public string Type { get; set; } = "";
    public string? Payload { get; set; }
    public bool Read { get; set; }
    public DateTime CreatedAt { get; set; }
}
