using Barangay.Data.Accounts;
using P = Barangay.Data.Security.Permissions;

namespace Barangay.Data.Security;

/// <summary>The one place where roles and an official's position become permissions.</summary>
public static class RolePermissions
{
    private static readonly string[] ResidentSet =
    [
        P.Dashboard.Resident, P.Self.Profile, P.Documents.Request, P.Complaints.File, P.Events.Register,
        P.Announcements.View, P.Messaging.Use,
    ];

    /// <summary>What every official may do, whatever the position.</summary>
    private static readonly string[] OfficialBase =
    [
        P.Dashboard.Official, P.Residents.View, P.Households.View, P.Announcements.View, P.Messaging.Use, P.Messaging.HallInbox,
    ];

    private static readonly Dictionary<string, string[]> ByPosition = new(StringComparer.OrdinalIgnoreCase)
    {
        [OfficialPositions.PunongBarangay] =
        [
            P.Residents.Edit, P.Residents.Archive, P.Households.Edit, P.Registrations.Review, P.Documents.Process, P.Documents.Release,
            P.Complaints.Handle, P.Complaints.ViewConfidential, P.Complaints.ViewVawc, P.Events.Manage, P.Announcements.Manage, P.Reports.View, P.Exports.Run,
        ],
        [OfficialPositions.Secretary] =
        [
            P.Residents.Edit, P.Residents.Archive, P.Households.Edit, P.Registrations.Review, P.Documents.Process, P.Documents.Release,
            P.Complaints.Handle, P.Events.Manage, P.Announcements.Manage, P.Reports.View, P.Exports.Run, P.Imports.Run,
        ],
        [OfficialPositions.Treasurer] = [P.Documents.Process, P.Documents.Collect, P.Reports.View],
        [OfficialPositions.Kagawad] = [P.Complaints.Handle, P.Events.Manage, P.Announcements.Manage, P.Reports.View],
        [OfficialPositions.SkChairperson] = [P.Events.Manage, P.Announcements.Manage],
        [OfficialPositions.LuponMember] = [P.Complaints.Handle],
        [OfficialPositions.Tanod] = [P.Complaints.Handle],
    };

    private static readonly string[] AdminSet =
    [
        P.Dashboard.Admin, P.Users.Manage, P.Settings.Manage, P.Audit.View, P.Jobs.Dashboard, P.Officials.Manage,
        P.Exports.Run, P.Imports.Run, P.Residents.View, P.Households.View, P.Reports.View, P.Announcements.View,
        // Confidential complaints are visible to the assigned official, the Punong Barangay and admins (issue 8).
        P.Complaints.Handle, P.Complaints.ViewConfidential,
    ];

    public static IReadOnlySet<string> For(IEnumerable<string> roles, string? position)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            switch (role)
            {
                case AppRoles.Resident:
                    set.UnionWith(ResidentSet);
                    break;
                case AppRoles.Official:
                    set.UnionWith(OfficialBase);
                    if (position is not null && ByPosition.TryGetValue(position, out var extra)) set.UnionWith(extra);
                    break;
                case AppRoles.Admin:
                    set.UnionWith(AdminSet);
                    break;
            }
        }
        return set;
    }
}
