using Barangay.Data.Audit;

namespace Barangay.App.Components.Pages.Admin.Audit;

/// <summary>The filter panel's editable state; <see cref="ToFilter"/> gives the service's record.</summary>
public sealed class AuditFilterModel
{
    public string? Actor { get; set; }
    public string? ActionType { get; set; }
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }

    public AuditFilter ToFilter() => new(
        Actor, ActionType, TargetType, TargetId,
        From is { } f ? DateOnly.FromDateTime(f) : null,
        To is { } t ? DateOnly.FromDateTime(t) : null);
}
