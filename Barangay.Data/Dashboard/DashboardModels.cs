namespace Barangay.Data.Dashboard;

/// <summary>Everything the official's home shows: the cards and the charts, read in one database round trip.</summary>
public sealed record OfficialHome(OfficialCards Cards, OfficialCharts Charts);

/// <summary>
/// The official's summary cards. <see cref="UnreadHallMessages"/> counts hall conversations whose last message is the
/// resident's (the shared inbox); <see cref="UnreadForMe"/> is the caller's own unread count.
/// </summary>
public sealed record OfficialCards(
    int Population, int Households, int PendingRegistrations, IReadOnlyDictionary<string, int> RequestsByStatus, int OverdueRequests,
    int OpenComplaints, int KpNearDeadline, int UpcomingEvents, int UnreadHallMessages, int UnreadForMe)
{
    public int OpenRequests => Documents.DocumentRequestStatuses.Open.Sum(s => RequestsByStatus.GetValueOrDefault(s));
}

/// <summary>
/// The charts: the population pyramid (<see cref="AgeGroups.Pyramid"/> bands, male and female), residents per purok,
/// requests and complaints filed per week over the last <see cref="OfficialCharts.Weeks"/> weeks (oldest first),
/// and complaints by category.
/// </summary>
public sealed record OfficialCharts(
    IReadOnlyList<PyramidBand> Pyramid, IReadOnlyList<PurokCount> PerPurok, IReadOnlyList<WeekCount> PerWeek, IReadOnlyList<CategoryCount> ComplaintCategories)
{
    public const int Weeks = 12;
}

public sealed record PyramidBand(string Band, int Male, int Female);

/// <summary>A purok's code (the lookup value, for links) and label, with its active residents.</summary>
public sealed record PurokCount(string Code, string Purok, int Residents);

/// <summary>The week starting on <see cref="WeekStart"/> (Manila date).</summary>
public sealed record WeekCount(DateOnly WeekStart, int Requests, int Complaints);

public sealed record CategoryCount(string Code, string Category, int Count);

/// <summary>What the resident's home shows: only the signed-in resident's own items.</summary>
public sealed record ResidentHome(
    string? ResidentName, IReadOnlyList<MyRequestCard> Requests, IReadOnlyList<MyComplaintCard> Complaints,
    IReadOnlyList<MyRegistrationCard> Registrations, IReadOnlyList<Announcements.AnnouncementView> Announcements, int UnreadMessages)
{
    public const int AnnouncementsShown = 3;

    /// <summary>
    /// How many of each there are, counted in the database: the cards show these, never the length of a list cut
    /// to what the home shows ("My open complaints" said 5 for a resident with 7).
    /// </summary>
    public int OpenRequestCount { get; init; }

    public int OpenComplaintCount { get; init; }

    public int RegistrationCount { get; init; }
}

/// <summary>An open request (or one ready to claim) with what happens next, in words for the resident.</summary>
public sealed record MyRequestCard(Guid Id, string RequestId, string TypeLabel, string Status, string NextStep, DateTime? DueAt, bool Overdue);

public sealed record MyComplaintCard(Guid Id, string ComplaintId, string Category, string? Subject, string Status, DateTime ReportedAt, bool Confidential = false);

/// <summary>A registration for an event that has not ended yet (registered or waitlisted).</summary>
public sealed record MyRegistrationCard(Guid EventId, string Title, DateTime StartAt, string? Venue, string Status);

public sealed record AdminSummary(
    int ActiveUsers, int PendingUsers, int DisabledUsers, int Officials, int AuditToday, int QueuedEmails, int LookupValues);
