namespace Barangay.Data.Seed;

/// <summary>
/// What <c>./run.sh --municipality</c> seeds and prints: Santa Maria, Bulacan with three barangays of different sizes
/// and a municipal account. Demo only: never deploy these passwords. The PSGC codes follow the ten-digit layout
/// (region 03, Bulacan 014, Santa Maria 23) but are illustrative, not looked up.
/// </summary>
public static class MunicipalDemo
{
    public const string Municipality = "Santa Maria";
    public const string Province = "Bulacan";
    public const string Region = "Region III (Central Luzon)";

    /// <summary>The municipal account (role viewer: roll-ups only).</summary>
    public const string MunicipalUser = "mlgoo";
    public const string MunicipalPassword = "Mlgoo#2026demo";
    public const string MunicipalName = "Rowena P. Galvez";
    public const string MunicipalOffice = "MLGOO";

    /// <summary>Each smaller barangay's secretary signs in with the San Isidro secretary's name and password, in her own barangay.</summary>
    public const string SecretaryUser = DemoAccounts.OfficialUser;
    public const string SecretaryPassword = DemoAccounts.OfficialPassword;

    /// <summary>San Isidro is the single-barangay demo's own database (seed-demo), catalogued as it is.</summary>
    public static readonly Barangay SanIsidro = new("San Isidro", "san-isidro", "0301423019", "Liza R. Manalo", 0);

    /// <summary>Made through BarangayProvisioner, each with a generated register of this many households.</summary>
    public static readonly IReadOnlyList<Barangay> Provisioned =
    [
        new("Poblacion", "poblacion", "0301423015", "Jocelyn T. Aquino", 120),
        new("Bagbaguin", "bagbaguin", "0301423003", "Marites C. Lopez", 45),
    ];

    public static string HostOf(string slug) => $"{slug}.santamaria.example.gov.ph";

    public sealed record Barangay(string Name, string Slug, string Psgc, string SecretaryName, int Households);
}
