namespace Barangay.Data.Settings;

/// <summary>The categories the admins edit on the lookup page, in the order the page shows them.</summary>
public static class LookupCatalog
{
    public static readonly IReadOnlyList<LookupCategory> All =
    [
        new(LookupCategories.Purok, "Puroks", "The barangay's puroks (zones), used on residents, households, requests and complaints."),
        new(LookupCategories.DocumentType, "Document types", "Certificates, clearances and permits residents can request. The meta holds the fee, validity and class (simple, complex or highly_technical: 3, 7 or 20 working days under RA 11032 §9(b)(1))."),
        new(LookupCategories.ComplaintCategory, "Complaint categories", "What a complaint is about."),
        new(LookupCategories.ComplaintSubcategory, "Complaint subcategories", "Finer kinds within a complaint category; each names its parent category."),
        new(LookupCategories.EventCategory, "Event categories", "Kinds of community events."),
        new(LookupCategories.OfficialPosition, "Official positions", "The positions of barangay officials."),
        new(LookupCategories.Relation, "Household relations", "How a household member is related to the head."),
    ];

    public static LookupCategory? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
