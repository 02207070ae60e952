namespace Barangay.Data.Settings;

/// <summary>A configurable value (a purok, a document type, a complaint category...).</summary>
public class LookupValue
{
    public Guid Id { get; set; }
    public string Category { get; set; } = "";
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Meta { get; set; }
    /// <summary>Values in use are retired, never deleted (addition).</summary>
    public bool Retired { get; set; }
    public int SortOrder { get; set; }
}

public static class LookupCategories
{
    public const string Purok = "purok";
    public const string DocumentType = "document_type";
    public const string ComplaintCategory = "complaint_category";
    /// <summary>A complaint subcategory; its meta names the parent: <c>{"parent":"noise"}</c>.</summary>
    public const string ComplaintSubcategory = "complaint_subcategory";
    public const string EventCategory = "event_category";
    public const string OfficialPosition = "official_position";
    public const string Relation = "household_relation";
}
