namespace Barangay.Data.Municipality;

/// <summary>
/// A municipal account (the MLGOO, the mayor's office): signs in under <c>/municipality</c> and sees counts only. Its
/// own table in the municipality database, not a barangay's <c>users</c>: it belongs to no barangay.
/// </summary>
public class MunicipalAccount
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string FullName { get; set; } = "";
    /// <summary>"MLGOO", "Office of the Mayor", …: shown beside the name.</summary>
    public string Office { get; set; } = "";
    /// <summary><see cref="MunicipalRoles.Viewer"/> (roll-ups) or <see cref="MunicipalRoles.Admin"/> (roll-ups and the catalogue).</summary>
    public string Role { get; set; } = MunicipalRoles.Viewer;
    public string PasswordHash { get; set; } = "";
    public string Status { get; set; } = "active";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

public static class MunicipalRoles
{
    public const string Viewer = "viewer";
    public const string Admin = "admin";
}
