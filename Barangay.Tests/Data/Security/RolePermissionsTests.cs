using Barangay.Data.Accounts;
using Barangay.Data.Security;

namespace Barangay.Tests.Data.Security;

public class RolePermissionsTests
{
    [Fact]
    public void For_Resident_SelfServiceOnly()
    {
        var p = RolePermissions.For([AppRoles.Resident], null);
        p.Should().Contain([Permissions.Documents.Request, Permissions.Complaints.File, Permissions.Dashboard.Resident]);
        p.Should().NotContain([Permissions.Residents.View, Permissions.Users.Manage, Permissions.Audit.View]);
    }

    [Fact]
    public void For_OfficialPosition_NarrowsWhatTheyMayDo()
    {
        var secretary = RolePermissions.For([AppRoles.Official], OfficialPositions.Secretary);
        var tanod = RolePermissions.For([AppRoles.Official], OfficialPositions.Tanod);
        secretary.Should().Contain([Permissions.Residents.Edit, Permissions.Registrations.Review, Permissions.Imports.Run]);
        tanod.Should().Contain(Permissions.Residents.View).And.Contain(Permissions.Complaints.Handle);
        tanod.Should().NotContain([Permissions.Residents.Edit, Permissions.Documents.Release, Permissions.Exports.Run]);
        RolePermissions.For([AppRoles.Official], OfficialPositions.PunongBarangay).Should().Contain(Permissions.Complaints.ViewConfidential);
        secretary.Should().NotContain(Permissions.Complaints.ViewConfidential, "only the Punong Barangay, the assigned official and admins see confidential complaints");
        // RA 9262 sec. 44: VAWC complaints are the Punong Barangay's and the assigned official's, not every admin's.
        RolePermissions.For([AppRoles.Official], OfficialPositions.PunongBarangay).Should().Contain(Permissions.Complaints.ViewVawc);
        RolePermissions.For([AppRoles.Admin], null).Should().NotContain(Permissions.Complaints.ViewVawc).And.Contain(Permissions.Complaints.ViewConfidential);
        secretary.Should().NotContain(Permissions.Complaints.ViewVawc);
    }

    [Fact]
    public void For_Admin_ConfiguresButDoesNotProcessRequests()
    {
        var p = RolePermissions.For([AppRoles.Admin], null);
        p.Should().Contain([Permissions.Users.Manage, Permissions.Settings.Manage, Permissions.Audit.View, Permissions.Jobs.Dashboard]);
        p.Should().NotContain(Permissions.Documents.Release);
    }

    [Fact]
    public void All_EveryConstant_IsListedOnce()
    {
        Permissions.All.Should().OnlyHaveUniqueItems().And.Contain(Permissions.Residents.View).And.HaveCountGreaterThan(25);
    }
}
