using System.Security.Cryptography;
using Barangay.Data.Documents.Verification;

namespace Barangay.Tests.Data.Documents;

/// <summary>The signed QR payload on its own: what the browser's check must also say, case by case (issue 22, item 4).</summary>
public class CertificatePayloadTests
{
    private static readonly CertificateClaims Claims = new("SAN-ISIDRO-REQ-2026-000123", "Barangay Clearance", "JUAN P. DELA CRUZ",
        new DateOnly(2026, 12, 4), new DateOnly(2027, 6, 2), "Barangay San Isidro");

    private static (string Kid, ECDsa Key, Dictionary<string, byte[]> Published) Ours()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ("ab12cd34", key, new Dictionary<string, byte[]> { ["ab12cd34"] = key.ExportSubjectPublicKeyInfo() });
    }

    [Fact]
    public void Read_AsSigned_GenuineWithTheClaims()
    {
        var (kid, key, published) = Ours();
        var payload = CertificatePayload.Sign(Claims, kid, key);

        var check = CertificatePayload.Read(payload, published);

        check.Outcome.Should().Be(PayloadOutcome.Genuine);
        check.Claims.Should().Be(Claims);
        payload.Length.Should().BeLessThan(400, "it must fit a QR code a phone camera reads off paper");
    }

    [Fact]
    public void Read_OneLetterOfTheClaimsChanged_Forged()
    {
        var (kid, key, published) = Ours();
        var parts = CertificatePayload.Sign(Claims, kid, key).Split('.');
        var claims = parts[2].ToCharArray();
        claims[5] = claims[5] == 'A' ? 'B' : 'A';
        parts[2] = new string(claims);

        CertificatePayload.Read(string.Join('.', parts), published).Outcome.Should().Be(PayloadOutcome.Forged);
    }

    [Fact]
    public void Read_CutShort_Damaged()
    {
        var (kid, key, published) = Ours();
        var payload = CertificatePayload.Sign(Claims, kid, key);

        CertificatePayload.Read(payload[..(payload.LastIndexOf('.') + 10)], published).Outcome.Should().Be(PayloadOutcome.Damaged);
        CertificatePayload.Read(payload[..40], published).Outcome.Should().Be(PayloadOutcome.Damaged);
        CertificatePayload.Read("", published).Outcome.Should().Be(PayloadOutcome.Damaged);
    }

    [Fact]
    public void Read_ResignedWithAnotherKeyUnderOurKeyId_Forged()
    {
        var (kid, _, published) = Ours();
        using var theirs = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        CertificatePayload.Read(CertificatePayload.Sign(Claims, kid, theirs), published).Outcome.Should().Be(PayloadOutcome.Forged);
    }

    [Fact]
    public void Read_SignedWithAKeyTheBarangayNeverPublished_UnknownKey()
    {
        var (_, _, published) = Ours();
        using var theirs = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        CertificatePayload.Read(CertificatePayload.Sign(Claims, "ffff0000", theirs), published).Outcome.Should().Be(PayloadOutcome.UnknownKey);
    }
}
