namespace Barangay.Data.Municipality;

/// <summary>What a municipal account (or a command) did: sign-ins, downloads, barangays added and suspended, moves.</summary>
public class MunicipalAuditEntry
{
    public Guid Id { get; set; }
    public DateTime Timestamp { get; set; }
    public Guid? AccountId { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? IpAddress { get; set; }
    public string? Details { get; set; }
}
