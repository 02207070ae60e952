namespace Barangay.Data.Accounts;

/// <summary>The three roles stored in <c>users.roles</c>. Pages and services name permissions, not these.</summary>
public static class AppRoles
{
    public const string Resident = "resident";
    public const string Official = "official";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Resident, Official, Admin];
}

public static class UserStatuses
{
    public const string Active = "active";
    public const string Disabled = "disabled";
    public const string Pending = "pending";
}
