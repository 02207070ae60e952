using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Barangay.Data.Files;

/// <summary>Store keys: random, lower-case hex in a two-character shard folder ("3f/3fa9…"), so no user input reaches a path.</summary>
public static partial class FileStoreKeys
{
    public static string New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return $"{id[..2]}/{id}";
    }

    /// <summary>Only keys of the shape <see cref="New"/> makes are accepted by the stores.</summary>
    public static bool IsValid(string? key) => key is not null && Shape().IsMatch(key);

    public static string Checked(string key) =>
        IsValid(key) ? key : throw new ArgumentException("Not a file store key.", nameof(key));

    [GeneratedRegex("^[0-9a-f]{2}/[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
