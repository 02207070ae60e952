using Barangay.Data.Common;

namespace Barangay.Data.Announcements;

public class Announcement : IHasUpdatedAt, IVersioned
{
    public Guid Id { get; set; }
    public string AnnouncementId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>JSON such as <c>{"purok": ["Purok 1"], "roles": ["resident"]}</c>; empty means everyone.</summary>
    public string Audience { get; set; } = "{}";
    public string Priority { get; set; } = "normal";
    public bool Pinned { get; set; }
    public DateTime? StartAt { get; set; }
    public DateTime? EndAt { get; set; }
    public string? Attachments { get; set; }
    public List<string> DeliveryChannels { get; set; } = ["in_app"];
    public string Status { get; set; } = AnnouncementStatuses.Draft;
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

public static class AnnouncementStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Archived = "archived";
    /// <summary>Published by the scheduler at <c>start_at</c> (addition).</summary>
    public const string Scheduled = "scheduled";
}
