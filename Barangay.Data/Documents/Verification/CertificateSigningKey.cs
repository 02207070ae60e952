namespace Barangay.Data.Documents.Verification;

/// <summary>
/// One of the barangay's ECDSA P-256 keys that sign the QR payload of its certificates. The private key (PKCS#8) is
/// kept encrypted at rest (<see cref="Security.EncryptedColumns"/>); the public key (SubjectPublicKeyInfo) is public.
/// The newest key not retired signs; retired keys still verify the certificates they signed, found by <see cref="KeyId"/>.
/// </summary>
public class CertificateSigningKey
{
    public Guid Id { get; set; }
    /// <summary>The first 16 hex digits of the public key's SHA-256 fingerprint: printed in every payload it signs.</summary>
    public string KeyId { get; set; } = "";
    /// <summary>SubjectPublicKeyInfo, base64 (what WebCrypto imports as "spki").</summary>
    public string PublicKey { get; set; } = "";
    /// <summary>PKCS#8, base64; encrypted by the column converter.</summary>
    public string PrivateKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RetiredAt { get; set; }
}
