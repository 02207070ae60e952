namespace Barangay.Data.Sms;

/// <summary>Text-message rules: numbers as the PH networks take them, bodies kept to one or two segments.</summary>
public static class SmsText
{
    public const int MaxLength = 306;

    /// <summary>09171234567, +639171234567 or 639171234567 → +639171234567; anything else → null.</summary>
    public static string? NormalizeNumber(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = new string(raw.Where(char.IsDigit).ToArray());
        if (digits.Length == 11 && digits.StartsWith("09", StringComparison.Ordinal)) return "+63" + digits[1..];
        if (digits.Length == 12 && digits.StartsWith("639", StringComparison.Ordinal)) return "+" + digits;
        return null;
    }

    public static string Trim(string text)
    {
        var t = text.ReplaceLineEndings(" ").Trim();
        return t.Length <= MaxLength ? t : t[..(MaxLength - 1)] + "…";
    }
}
