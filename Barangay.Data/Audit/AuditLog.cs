namespace Barangay.Data.Audit;

/// <summary>An immutable audit row. The application's database role has no UPDATE or DELETE on this table.</summary>
public class AuditLog
{
    public Guid Id { get; set; }
    public DateTime Timestamp { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public string ActionType { get; set; } = "";
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? Details { get; set; }
    public Guid? CorrelationId { get; set; }
    public bool Immutable { get; set; } = true;
}

/// <summary>The <c>action_type</c> vocabulary.</summary>
public static class AuditActions
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string StatusChange = "StatusChange";
    public const string Login = "Login";
    public const string Logout = "Logout";
    public const string LoginFailed = "LoginFailed";
    public const string Lockout = "Lockout";
    public const string Export = "Export";
    public const string Import = "Import";
    public const string PermissionChange = "PermissionChange";
    public const string View = "View";
    public const string Download = "Download";
}
