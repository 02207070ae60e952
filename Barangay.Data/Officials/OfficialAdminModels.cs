namespace Barangay.Data.Officials;

/// <summary>The admins' list filter: status and position as stored, and a name or official ID to look for.</summary>
public sealed record OfficialFilter(string? Status = null, string? Position = null, string? Search = null);

/// <summary>One official in the admins' list. <see cref="UpdatedAt"/> is the row's optimistic check for a quick status change.</summary>
public sealed record OfficialRow(
    Guid Id, string OfficialId, string FullName, string Position, DateOnly? TermStart, DateOnly? TermEnd, string Status,
    string? ContactNumber, string? Email, Guid? PhotoFileId, Guid UserId, string UserName, DateTime UpdatedAt);

/// <summary>An account an admin may make an official, found by username, email or name.</summary>
public sealed record OfficialAccountOption(Guid UserId, string UserName, string FullName, string? Email, IReadOnlyList<string> Roles, string? CurrentPosition)
{
    public string Label => $"{FullName} ({UserName}{(Email is null ? "" : ", " + Email)})";
}

/// <summary>
/// The official form. <see cref="UpdatedAt"/> is the <c>updated_at</c> the form was loaded with: <c>officials</c> has no
/// version column, so that timestamp is what tells the service someone else saved in between.
/// </summary>
public sealed class OfficialEdit
{
    public string FullName { get; set; } = "";
    public string Position { get; set; } = "";
    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }
    public string? ContactNumber { get; set; }
    public string? Email { get; set; }
    public string Status { get; set; } = OfficialStatuses.Active;
    public DateTime UpdatedAt { get; set; }

    public OfficialEdit Copy() => (OfficialEdit)MemberwiseClone();
}

/// <summary>An official with the form's values, for the edit dialog.</summary>
public sealed record OfficialDetail(OfficialRow Row, OfficialEdit Edit);

public static class OfficialStatusLabels
{
    public static readonly IReadOnlyList<string> All = [OfficialStatuses.Active, OfficialStatuses.OnLeave, OfficialStatuses.Former];

    public static string Of(string status) => status switch
    {
        OfficialStatuses.Active => "Active",
        OfficialStatuses.OnLeave => "On leave",
        OfficialStatuses.Former => "Former",
        _ => status,
    };

    /// <summary>Active and on-leave officials hold office (and the <c>official</c> role); former ones do not.</summary>
    public static bool InOffice(string status) => status is OfficialStatuses.Active or OfficialStatuses.OnLeave;
}
