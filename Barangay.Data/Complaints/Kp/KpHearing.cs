namespace Barangay.Data.Complaints.Kp;

/// <summary>A hearing of a KP case, before the Punong Barangay (mediation) or the Pangkat (conciliation).</summary>
public class KpHearing
{
    public Guid Id { get; set; }
    public Guid KpCaseId { get; set; }
    public string Stage { get; set; } = KpStages.Mediation;
    public DateTime HeldAt { get; set; }
    /// <summary>JSONB list of who attended.</summary>
    public string Attendees { get; set; } = "[]";
    public string Minutes { get; set; } = "";
    public Guid? RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
