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
    public const string KapitanUser = "kapitan";
    public const string KapitanPassword = "Kapitan#2026demo";
    public const string TreasurerUser = "treasurer";
    public const string TreasurerPassword = "Treasurer#2026demo";

    /// <summary>Every demo sign-in with its published password (the production guard refuses them all).</summary>
    public static readonly IReadOnlyList<(string User, string Password)> All =
    [
        (AdminUser, AdminPassword), (OfficialUser, OfficialPassword), (ResidentUser, ResidentPassword),
        (KapitanUser, KapitanPassword), (TreasurerUser, TreasurerPassword),
    ];
}
