namespace Barangay.Data.Security;

/// <summary>The positions of the barangay's officials (Local Government Code, sec. 387), as stored in <c>officials.position</c>.</summary>
public static class OfficialPositions
{
    public const string PunongBarangay = "Punong Barangay";
    public const string Kagawad = "Kagawad";
    public const string Secretary = "Secretary";
    public const string Treasurer = "Treasurer";
    public const string SkChairperson = "SK Chairperson";
    public const string LuponMember = "Lupon member";
    public const string Tanod = "Tanod";

    public static readonly IReadOnlyList<string> All = [PunongBarangay, Kagawad, Secretary, Treasurer, SkChairperson, LuponMember, Tanod];
}
