namespace Barangay.Data.Announcements;

/// <summary>
/// The fan-out of one published announcement (addition: <c>announcement_deliveries</c>). One row per
/// announcement (unique), so publishing twice starts nothing twice; the job walks the targeted users in id order
/// and moves <see cref="LastUserId"/> in the same transaction as each batch's rows, so a retry resumes and never
/// writes a batch twice. <see cref="Delivered"/> / <see cref="Total"/> is the progress the editor shows.
/// </summary>
public class AnnouncementDelivery
{
    public Guid Id { get; set; }
    public Guid AnnouncementId { get; set; }
    public string Status { get; set; } = DeliveryStatuses.Queued;
    public int Total { get; set; }
    public int Delivered { get; set; }
    public int Notifications { get; set; }
    public int Emails { get; set; }
    public int SmsMessages { get; set; }
    public Guid? LastUserId { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

public static class DeliveryStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
}
