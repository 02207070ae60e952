using System.Security.Cryptography;

namespace Barangay.Data.Files;

/// <summary>
/// AES-256-GCM, one random nonce per file. The file's id is the associated data, so ciphertext moved onto
/// another file's row fails verification as surely as altered bytes do.
/// </summary>
public static class FileCipher
{
    public const string Algorithm = "AES-256-GCM";
    private const int TagSize = 16;

    /// <summary>The ciphertext followed by the 16-byte tag.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] key, Guid fileId, out byte[] nonce)
    {
        nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var output = new byte[plaintext.Length + TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), fileId.ToByteArray());
        return output;
    }

    /// <summary>The plaintext, or null when the bytes, the nonce, the key or the file id do not match.</summary>
    public static byte[]? Decrypt(ReadOnlySpan<byte> stored, byte[] key, byte[] nonce, Guid fileId)
    {
        if (stored.Length < TagSize || nonce.Length != AesGcm.NonceByteSizes.MaxSize) return null;
        var plaintext = new byte[stored.Length - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(nonce, stored[..plaintext.Length], stored[plaintext.Length..], plaintext, fileId.ToByteArray());
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
