using MudBlazor;

namespace Barangay.App.Components.Layout;

/// <summary>
/// The drawer's entries, each behind the permission that its page requires. A feature adds its pages
/// here when it lands, so the drawer never links to a page the user may not open.
/// </summary>
public static class NavItems
{
    public sealed record Item(string Title, string Href, string Icon, string Permission);

    public sealed record Group(string Title, string Icon, string Permission, IReadOnlyList<Item> Items);

    /// <summary>Links shown at the top of the drawer, each only with its permission (a resident's own pages).</summary>
    public static readonly IReadOnlyList<Item> Mine =
    [
        new("My profile", "/me", Icons.Material.Filled.Badge, Barangay.Data.Security.Permissions.Self.Profile),
        new("Events", "/events", Icons.Material.Filled.Event, Barangay.Data.Security.Permissions.Events.Register),
        new("Announcements", "/announcements", Icons.Material.Filled.Campaign, Barangay.Data.Security.Permissions.Announcements.View),
        new("My requests", "/my/requests", Icons.Material.Filled.Description, Barangay.Data.Security.Permissions.Documents.Request),
        new("My complaints", "/my/complaints", Icons.Material.Filled.ReportProblem, Barangay.Data.Security.Permissions.Complaints.File),
    ];

    public static readonly IReadOnlyList<Group> Groups =
    [
        new("Records", Icons.Material.Filled.FolderShared, Barangay.Data.Security.Permissions.Residents.View,
        [
            new("Residents", "/residents", Icons.Material.Filled.People, Barangay.Data.Security.Permissions.Residents.View),
            new("Households", "/households", Icons.Material.Filled.House, Barangay.Data.Security.Permissions.Households.View),
            new("Registrations", "/registrations", Icons.Material.Filled.HowToReg, Barangay.Data.Security.Permissions.Registrations.Review),
            new("Exports", "/exports", Icons.Material.Filled.Download, Barangay.Data.Security.Permissions.Exports.Run),
            new("Imports", "/imports", Icons.Material.Filled.Upload, Barangay.Data.Security.Permissions.Imports.Run),
        ]),
        new("Community", Icons.Material.Filled.Campaign, Barangay.Data.Security.Permissions.Dashboard.Official,
        [
            new("Events", "/hall/events", Icons.Material.Filled.Event, Barangay.Data.Security.Permissions.Events.Manage),
            new("Announcements", "/hall/announcements", Icons.Material.Filled.Campaign, Barangay.Data.Security.Permissions.Announcements.Manage),
        ]),
        new("Documents", Icons.Material.Filled.Description, Barangay.Data.Security.Permissions.Documents.Process,
        [
            new("Request queue", "/documents", Icons.Material.Filled.Inbox, Barangay.Data.Security.Permissions.Documents.Process),
            new("Walk-in request", "/documents/new", Icons.Material.Filled.NoteAdd, Barangay.Data.Security.Permissions.Documents.Process),
            new("Daily collections", "/documents/collections", Icons.Material.Filled.Payments, Barangay.Data.Security.Permissions.Documents.Collect),
        ]),
        new("Complaints", Icons.Material.Filled.ReportProblem, Barangay.Data.Security.Permissions.Complaints.Handle,
        [
            new("Complaint queue", "/complaints", Icons.Material.Filled.Inbox, Barangay.Data.Security.Permissions.Complaints.Handle),
            new("Walk-in complaint", "/complaints/new", Icons.Material.Filled.NoteAdd, Barangay.Data.Security.Permissions.Complaints.Handle),
            new("KP case book", "/complaints/kp", Icons.Material.Filled.Gavel, Barangay.Data.Security.Permissions.Complaints.Handle),
            new("Blotter", "/complaints/blotter", Icons.Material.Filled.MenuBook, Barangay.Data.Security.Permissions.Complaints.Handle),
        ]),
        new("Reports", Icons.Material.Filled.Assessment, Barangay.Data.Security.Permissions.Reports.View,
        [
            new("Monitoring reports", "/reports", Icons.Material.Filled.Assessment, Barangay.Data.Security.Permissions.Reports.View),
        ]),
        new("Administration", Icons.Material.Filled.AdminPanelSettings, Barangay.Data.Security.Permissions.Dashboard.Admin,
        [
            new("User accounts", "/admin/users", Icons.Material.Filled.People, Barangay.Data.Security.Permissions.Users.Manage),
            new("Suspicious activity", "/admin/security", Icons.Material.Filled.Shield, Barangay.Data.Security.Permissions.Users.Manage),
            new("Officials", "/admin/officials", Icons.Material.Filled.Badge, Barangay.Data.Security.Permissions.Officials.Manage),
            new("Settings", "/admin/settings", Icons.Material.Filled.Settings, Barangay.Data.Security.Permissions.Settings.Manage),
            new("Lookup values", "/admin/lookups", Icons.Material.Filled.List, Barangay.Data.Security.Permissions.Settings.Manage),
            new("Audit log", "/admin/audit", Icons.Material.Filled.History, Barangay.Data.Security.Permissions.Audit.View),
            new("Email outbox", "/admin/outbox", Icons.Material.Filled.Outbox, Barangay.Data.Email.EmailOutboxService.Permission),
            new("SMS outbox", "/admin/sms", Icons.Material.Filled.Sms, Barangay.Data.Sms.SmsOutboxService.Permission),
        ]),
    ];
}
