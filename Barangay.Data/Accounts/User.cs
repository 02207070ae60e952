using Barangay.Data.Common;
using Microsoft.AspNetCore.Identity;

namespace Barangay.Data.Accounts;

/// <summary>
/// An account (resident, official or admin) in the data-model document's <c>users</c> table.
/// Identity's columns are mapped onto it: <c>UserName</c> is <c>username</c>, <c>PasswordHash</c> is
/// <c>password_hash</c>, <c>TwoFactorEnabled</c> is <c>mfa_enabled</c>. <see cref="Roles"/> is the one
/// source of roles.
/// </summary>
public class User : IdentityUser<Guid>, IHasUpdatedAt, ISoftDeletable
{
    public string FullName { get; set; } = "";
    public List<string> Roles { get; set; } = [AppRoles.Resident];
    public string Status { get; set; } = UserStatuses.Active;
    public DateTime? LastLoginAt { get; set; }
    public string? LastLoginIp { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    /// <summary>The language the person chose ("en-PH" or "fil-PH"); null until they choose (then the browser and the barangay decide).</summary>
    public string? PreferredLanguage { get; set; }
}
