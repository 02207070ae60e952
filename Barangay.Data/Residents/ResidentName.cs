namespace Barangay.Data.Residents;

/// <summary>
/// One word of the register's name dictionary (addition): a normalized first name or surname that some resident has
/// or had. Typo-tolerant search compares the typed name with these few thousand words, not with every resident, and
/// then finds the residents by exact lookups (<see cref="ResidentNames"/>). A word is never removed: one that no
/// resident has any more only finds nobody.
/// </summary>
public class ResidentName
{
    public string Kind { get; set; } = ResidentNameKinds.Last;
    public string Name { get; set; } = "";
}

public static class ResidentNameKinds
{
    public const string First = "first";
    public const string Last = "last";
}
