namespace Barangay.Data.Dashboard;

public sealed record OfficialSummary(
    int Population, int Households, int PendingRegistrations, int OpenRequests, int OverdueRequests,
    int OpenComplaints, int UpcomingEvents, IReadOnlyList<PurokCount> PerPurok);

public sealed record PurokCount(string Purok, int Residents);

public sealed record ResidentSummary(
    string? ResidentName, int ActiveRequests, int OpenComplaints, int EventRegistrations, int UnreadNotifications, int Announcements);

public sealed record AdminSummary(
    int ActiveUsers, int PendingUsers, int DisabledUsers, int Officials, int AuditToday, int QueuedEmails, int LookupValues);
