namespace Barangay.Data.Security;

/// <summary>
/// Every permission in the system. Pages and services name these, never role strings;
/// <see cref="RolePermissions"/> is the one place that maps roles and positions onto them.
/// </summary>
public static partial class Permissions
{
    public const string ClaimType = "permission";

    public static class Dashboard
    {
        public const string Resident = "dashboard.resident";
        public const string Official = "dashboard.official";
        public const string Admin = "dashboard.admin";
    }

    public static class Self
    {
        public const string Profile = "self.profile";
    }

    public static class Residents
    {
        public const string View = "residents.view";
        public const string Edit = "residents.edit";
        public const string Archive = "residents.archive";
    }

    public static class Households
    {
        public const string View = "households.view";
        public const string Edit = "households.edit";
    }

    public static class Officials
    {
        public const string Manage = "officials.manage";
    }

    public static class Registrations
    {
        public const string Review = "registrations.review";
    }

    public static class Documents
    {
        public const string Request = "documents.request";
        public const string Process = "documents.process";
        public const string Release = "documents.release";
        /// <summary>Records official receipts and waivers, and sees the daily collection report (the treasurer).</summary>
        public const string Collect = "documents.collect";
    }

    public static class Complaints
    {
        public const string File = "complaints.file";
        public const string Handle = "complaints.handle";
        public const string ViewConfidential = "complaints.view_confidential";
        /// <summary>
        /// Complaints of violence against women and their children (RA 9262): confidential to the Punong Barangay and the
        /// official assigned to them (sec. 44), not to every holder of view_confidential (admins).
        /// </summary>
        public const string ViewVawc = "complaints.view_vawc";
    }

    public static class Events
    {
        public const string Register = "events.register";
        public const string Manage = "events.manage";
    }

    public static class Announcements
    {
        public const string View = "announcements.view";
        public const string Manage = "announcements.manage";
    }

    public static class Messaging
    {
        public const string Use = "messaging.use";
        public const string HallInbox = "messaging.hall_inbox";
    }

    public static class Reports
    {
        public const string View = "reports.view";
    }

    public static class Exports
    {
        public const string Run = "exports.run";
    }

    public static class Imports
    {
        public const string Run = "imports.run";
    }

    public static class Users
    {
        public const string Manage = "users.manage";
    }

    public static class Settings
    {
        public const string Manage = "settings.manage";
    }

    public static class Audit
    {
        public const string View = "audit.view";
    }

    public static class Jobs
    {
        public const string Dashboard = "jobs.dashboard";
    }

    /// <summary>Every permission constant, found once by reflection (policies are registered in one loop over these).</summary>
    public static IReadOnlyList<string> All { get; } = typeof(Permissions)
        .GetNestedTypes()
        .SelectMany(t => t.GetFields())
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();
}
