using System.Collections.Concurrent;
using System.Security.Cryptography;
using Barangay.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents.Verification;

/// <summary>A public signing key as the public keys page and the verify page show it.</summary>
public sealed record PublicSigningKey(string KeyId, string PublicKey, string Fingerprint, DateTime CreatedAt, DateTime? RetiredAt);

/// <summary>
/// The barangay's signing keys, in its own database (so each barangay's database carries its own keys): the first is
/// made the first time one is needed; <see cref="RotateAsync"/> retires the current one and makes a new one.
/// </summary>
public static class CertificateKeys
{
    // Parsed private keys by key id and public key: a PKCS#8 import per certificate would be wasted work. Parameters,
    // not ECDsa objects, are cached: an ECDsa instance is not documented as safe to sign with from two threads.
    private static readonly ConcurrentDictionary<string, ECParameters> Parsed = new(StringComparer.Ordinal);

    /// <summary>
    /// The key that signs now, as a fresh ECDsa the caller disposes. On first use the key is made and added to
    /// <paramref name="db"/>: it is saved with the caller's change (the approval that needs it), in one transaction.
    /// </summary>
    public static async Task<(string KeyId, string Fingerprint, ECDsa Key)> CurrentAsync(BarangayDbContext db, CancellationToken ct)
    {
        var row = await db.CertificateSigningKeys.AsNoTracking().Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt)
            .Select(k => new { k.KeyId, k.PublicKey, k.PrivateKey }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            var made = db.CertificateSigningKeys.Local.Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt).FirstOrDefault() ?? Create(db);
            row = new { made.KeyId, made.PublicKey, made.PrivateKey };
        }
        var parameters = Parsed.GetOrAdd(row.KeyId + ":" + row.PublicKey, cacheKey =>
        {
            using var k = ECDsa.Create();
            k.ImportPkcs8PrivateKey(Convert.FromBase64String(row.PrivateKey), out _);
            return k.ExportParameters(includePrivateParameters: true);
        });
        return (row.KeyId, Fingerprint(Convert.FromBase64String(row.PublicKey)), ECDsa.Create(parameters));
    }

    /// <summary>Every key, newest first (the first is made when there is none yet).</summary>
    public static async Task<IReadOnlyList<PublicSigningKey>> PublicAsync(BarangayDbContext db, CancellationToken ct)
    {
        var rows = await db.CertificateSigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt)
            .Select(k => new { k.KeyId, k.PublicKey, k.CreatedAt, k.RetiredAt }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            (await CurrentAsync(db, ct)).Key.Dispose();
            await db.SaveChangesAsync(ct);
            return await PublicAsync(db, ct);
        }
        return rows.Select(r => new PublicSigningKey(r.KeyId, r.PublicKey, Fingerprint(Convert.FromBase64String(r.PublicKey)), r.CreatedAt, r.RetiredAt)).ToList();
    }

    /// <summary>Retires every current key and adds a new one to <paramref name="db"/> (the caller saves); old certificates still verify by their key id.</summary>
    internal static async Task<CertificateSigningKey> RotateAsync(BarangayDbContext db, DateTime now, CancellationToken ct)
    {
        foreach (var old in await db.CertificateSigningKeys.Where(k => k.RetiredAt == null).ToListAsync(ct)) old.RetiredAt = now;
        return Create(db);
    }

    /// <summary>"3F2A 91C0 …": SHA-256 of the SubjectPublicKeyInfo, in groups of four hex digits.</summary>
    public static string Fingerprint(byte[] spki)
    {
        var hex = Convert.ToHexString(SHA256.HashData(spki));
        return string.Join(' ', Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(i * 4, 4)));
    }

    private static CertificateSigningKey Create(BarangayDbContext db)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        var row = new CertificateSigningKey
        {
            Id = Guid.NewGuid(),
            KeyId = Convert.ToHexStringLower(SHA256.HashData(spki))[..8],
            PublicKey = Convert.ToBase64String(spki),
            PrivateKey = Convert.ToBase64String(key.ExportPkcs8PrivateKey()),
            CreatedAt = db.Clock().GetUtcNow().UtcDateTime,
        };
        // Two replicas making the first key at once both succeed (random keys, distinct ids): the newest signs, both verify.
        db.CertificateSigningKeys.Add(row);
        Audit.AuditTrail.Record(db, Audit.AuditActions.Create, "CertificateSigningKey", row.KeyId, new { key_id = row.KeyId, algorithm = "ECDSA P-256" });
        return row;
    }
}
