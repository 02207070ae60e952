namespace Barangay.Data.Security;

/// <summary>Claim types the app adds to the signed-in principal.</summary>
public static class BarangayClaims
{
    public const string FullName = "full_name";
    public const string Position = "position";
    public const string SessionId = "sid";
    public const string ResidentId = "resident_id";
}
