namespace Barangay.Data.Announcements;

/// <summary>The announcement form. Window times are Manila wall-clock times.</summary>
public sealed class AnnouncementEdit
{
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Priority { get; set; } = AnnouncementPriorities.Normal;
    public bool Pinned { get; set; }
    public DateTime? StartLocal { get; set; }
    public DateTime? EndLocal { get; set; }
    public List<string> Puroks { get; set; } = [];
    public List<string> Roles { get; set; } = [];
    public List<string> Channels { get; set; } = [AnnouncementChannels.InApp];
    public List<Guid> AttachmentIds { get; set; } = [];
    public Guid? Version { get; set; }
}

public static class AnnouncementPriorities
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";
    public static readonly IReadOnlyList<string> All = [Low, Normal, High, Urgent];
}

public static class AnnouncementChannels
{
    public const string InApp = "in_app";
    public const string Email = "email";
    public const string Sms = "sms";
    public static readonly IReadOnlyList<string> All = [InApp, Email, Sms];
}

/// <summary>An announcement in the officials' list.</summary>
public sealed record AnnouncementRow(
    Guid Id, string AnnouncementId, string Title, string Status, string Priority, bool Pinned,
    DateTime? StartAt, DateTime? EndAt, AnnouncementAudience Audience, IReadOnlyList<string> Channels, DateTime UpdatedAt);

/// <summary>An announcement as residents and visitors read it: the body already rendered to safe HTML.</summary>
public sealed record AnnouncementView(
    Guid Id, string AnnouncementId, string Title, string Html, string Priority, bool Pinned, DateTime? StartAt, DateTime? EndAt,
    IReadOnlyList<Guid> AttachmentIds);

/// <summary>How far a publication's fan-out has come (the editor shows it live).</summary>
public sealed record DeliveryProgress(string Status, int Total, int Delivered, int Notifications, int Emails, int Sms, DateTime? FinishedAt)
{
    public int Percent => Total == 0 ? (Status == DeliveryStatuses.Done ? 100 : 0) : (int)Math.Round(100.0 * Delivered / Total);
}
