namespace Barangay.Data.Seed;

/// <summary>The demo sign-ins that run.sh prints. Demo only: never deploy these.</summary>
public static class DemoAccounts
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Admin#2026demo";
    public const string OfficialUser = "secretary";
    public const string OfficialPassword = "Official#2026demo";
    public const string ResidentUser = "juan";
    public const string ResidentPassword = "Resident#2026demo";
}
