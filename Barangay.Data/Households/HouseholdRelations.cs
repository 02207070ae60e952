using Barangay.Data.Localization;

namespace Barangay.Data.Households;

/// <summary>
/// A member's relation to the head as the reader reads it. The stored value stays the English word ("Head", "Spouse":
/// the lookup's labels, also what imports and prints read); the usual ones are shown in the reader's language, anything
/// else an official typed is shown as typed (never looked up in the catalogue, where it could match an unrelated text).
/// </summary>
public static class HouseholdRelations
{
    /// <summary>The relations the barangay's lookup starts with, plus the in-laws the printed record knows.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        HouseholdService.HeadRelation, "Spouse", "Son", "Daughter", "Son-in-law", "Daughter-in-law", "Parent", "Grandchild", "Sibling", "Relative", "Boarder",
    };

    public static string Shown(string? relation) =>
        string.IsNullOrWhiteSpace(relation) ? "" : Known.Contains(relation.Trim()) ? Texts.Say(relation.Trim()) : relation;
}
