using Barangay.Data.Localization;
using System.Reflection;

namespace Barangay.Data.Accounts;

/// <summary>
/// OWASP ASVS level 2 passwords: at least 12 characters (up to 128), no composition rules, and not one of the
/// common or breached passwords in the list shipped with the app (<c>common-passwords.txt</c>), nor the
/// username or email itself.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int CommonCount => Common.Value.Count;

    /// <summary>A message naming the problem, or null when the password may be used.</summary>
    public static string? Check(string? password, string? userName = null, string? email = null)
    {
        if (string.IsNullOrEmpty(password)) return Texts.Say("Password is required.");
        if (password.Length < MinLength) return Texts.Say("Password must be at least {0} characters long (a few words make a good one).", MinLength);
        if (password.Length > MaxLength) return Texts.Say("Password is longer than {0} characters.", MaxLength);
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower) || IsRepetitive(lower))
            return Texts.Say("Password is too common or easy to guess (it is on a list of known passwords). Choose another one.");
        if (!string.IsNullOrWhiteSpace(userName) && lower == userName.Trim().ToLowerInvariant())
            return Texts.Say("Password must not be your username.");
        if (!string.IsNullOrWhiteSpace(email) && lower == email.Trim().ToLowerInvariant())
            return Texts.Say("Password must not be your email address.");
        return null;
    }

    /// <summary>One or two characters repeated ("aaaaaaaaaaaa", "abababababab") or a plain run ("123456789012").</summary>
    private static bool IsRepetitive(string s)
    {
        if (s.Distinct().Count() <= 2) return true;
        var ascending = true;
        for (var i = 1; i < s.Length && ascending; i++)
            ascending = s[i] == s[i - 1] + 1 || (s[i] == '0' && s[i - 1] == '9');
        return ascending;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Barangay.Data.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var p = line.Trim();
            if (p.Length > 0 && !p.StartsWith('#')) set.Add(p.ToLowerInvariant());
        }
        return set;
    }
}
