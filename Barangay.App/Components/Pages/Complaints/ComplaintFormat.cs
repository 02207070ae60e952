using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;
using MudBlazor;

namespace Barangay.App.Components.Pages.Complaints;

/// <summary>How complaints are shown: Manila dates, a colour per status and priority, words for statuses and steps.</summary>
public static class ComplaintFormat
{
    private static CultureInfo Ph => Barangay.Data.Localization.AppLanguages.Current;

    public static string When(DateTime utc) => TimeZones.ToManila(utc).ToString("MMM d, yyyy h:mm tt", Ph);

    public static string Day(DateTime utc) => TimeZones.ToManila(utc).ToString("ddd, MMM d, yyyy", Ph);

    public static string Status(string status) => status switch
    {
        ComplaintStatuses.New => "New",
        ComplaintStatuses.InProgress => "In progress",
        ComplaintStatuses.Resolved => "Resolved",
        ComplaintStatuses.Closed => "Closed",
        ComplaintStatuses.Rejected => "Rejected",
        _ => status,
    };

    public static Color StatusColor(string status) => status switch
    {
        ComplaintStatuses.New => Color.Info,
        ComplaintStatuses.InProgress => Color.Primary,
        ComplaintStatuses.Resolved or ComplaintStatuses.Closed => Color.Success,
        ComplaintStatuses.Rejected => Color.Error,
        _ => Color.Default,
    };

    public static Color PriorityColor(string priority) => priority switch
    {
        ComplaintPriorities.Urgent => Color.Error,
        ComplaintPriorities.High => Color.Warning,
        ComplaintPriorities.Low => Color.Default,
        _ => Color.Info,
    };

    public static string Stage(string stage) => stage switch
    {
        KpStages.Mediation => "Mediation (Punong Barangay)",
        KpStages.Conciliation => "Conciliation (Pangkat)",
        KpStages.Arbitration => "Arbitration (agreed)",
        KpStages.Settled => "Amicably settled",
        KpStages.Arbitrated => "Arbitration award",
        KpStages.Repudiated => "Repudiated",
        KpStages.Failed => "Conciliation failed",
        KpStages.Dismissed => "Dismissed (complainant failed to appear)",
        _ => stage,
    };

    public static string HistoryLabel(string what) => what switch
    {
        "filed" => "Filed",
        "assigned" => "Assigned",
        "unassigned" => "Unassigned",
        "priority" => "Priority changed",
        "kp_case" => "Katarungang Pambarangay case",
        _ => Status(what),
    };
}
