namespace Barangay.Data.Settings;

/// <summary>An active value as features use it (a purok in a select, a document type with its meta).</summary>
public sealed record LookupItem(string Code, string Label, string? Meta);

/// <summary>A value on the admins' lookup page, with how many records use it.</summary>
public sealed record LookupRow(Guid Id, string Category, string Code, string Label, string? Meta, bool Retired, int SortOrder, int UsedBy);

/// <summary>The add/edit dialog's model. <see cref="Code"/> is set when adding and never changes afterwards.</summary>
public sealed class LookupEdit
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public int SortOrder { get; set; }
    public string? Meta { get; set; }
}

/// <summary>A category of lookup values as the admin page names it.</summary>
public sealed record LookupCategory(string Code, string Title, string Description);
