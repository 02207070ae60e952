using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Barangay.Data.Documents.Verification;

namespace Barangay.Tests.Data.Localization;

/// <summary>
/// The QR payload's dates are data for the browser's check (verify.js reads "yyyy-MM-dd" Gregorian), whatever culture
/// the signing process or page runs in: a culture with another calendar must not change them.
/// </summary>
public class CertificatePayloadCultureTests
{
    private static readonly CertificateClaims Claims = new("SAN-ISIDRO-REQ-2026-000123", "Barangay Clearance", "JUAN P. DELA CRUZ",
        new DateOnly(2026, 12, 4), new DateOnly(2027, 6, 2), "Barangay San Isidro");

    private static T In<T>(string culture, Func<T> act)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return act();
        }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before; }
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("fil-PH")]
    public void Sign_InAnotherCulture_DatesAreGregorianIsoAndReadBackTheSame(string culture)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var published = new Dictionary<string, byte[]> { ["ab12cd34"] = key.ExportSubjectPublicKeyInfo() };

        var payload = In(culture, () => CertificatePayload.Sign(Claims, "ab12cd34", key));

        var claims = payload.Split('.')[2].Replace('-', '+').Replace('_', '/');
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(claims.PadRight(claims.Length + (4 - claims.Length % 4) % 4, '=')));
        json.Should().Contain("\"2026-12-04\"").And.Contain("\"2027-06-02\"");
        In(culture, () => CertificatePayload.Read(payload, published)).Claims.Should().Be(Claims);
    }
}
