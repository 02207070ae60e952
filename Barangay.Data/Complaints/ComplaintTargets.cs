namespace Barangay.Data.Complaints;

/// <summary>
/// How long an open complaint may wait before it shows as overdue in the queue, by priority (calendar days from
/// when it was reported): urgent 1, high 3, normal 7, low 15.
/// </summary>
public static class ComplaintTargets
{
    public static int Days(string? priority) => priority switch
    {
        ComplaintPriorities.Urgent => 1,
        ComplaintPriorities.High => 3,
        ComplaintPriorities.Low => 15,
        _ => 7,
    };

    public static bool IsOverdue(string status, string? priority, DateTime reportedAt, DateTime now) =>
        ComplaintStatuses.Open.Contains(status) && reportedAt.AddDays(Days(priority)) < now;

    /// <summary>The overdue filter as a query (one range test per priority, so the database can use reported_at).</summary>
    public static IQueryable<Complaint> WhereOverdue(IQueryable<Complaint> q, DateTime now)
    {
        var urgent = now.AddDays(-Days(ComplaintPriorities.Urgent));
        var high = now.AddDays(-Days(ComplaintPriorities.High));
        var normal = now.AddDays(-Days(ComplaintPriorities.Normal));
        var low = now.AddDays(-Days(ComplaintPriorities.Low));
        return q.Where(c => (c.Status == ComplaintStatuses.New || c.Status == ComplaintStatuses.InProgress) &&
            ((c.Priority == ComplaintPriorities.Urgent && c.ReportedAt < urgent) ||
             (c.Priority == ComplaintPriorities.High && c.ReportedAt < high) ||
             (c.Priority == ComplaintPriorities.Low && c.ReportedAt < low) ||
             (c.Priority != ComplaintPriorities.Urgent && c.Priority != ComplaintPriorities.High && c.Priority != ComplaintPriorities.Low && c.ReportedAt < normal)));
    }
}
