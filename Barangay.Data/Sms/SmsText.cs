using System.Text;

namespace Barangay.Data.Sms;

/// <summary>
/// Text-message rules: numbers as the PH networks take them, bodies kept to one or two segments. A segment is 160
/// characters of the GSM 7-bit alphabet (153 each when a text is split), but one character outside it (a curly quote
/// typed on a phone, "…", "₱") sends the whole text as UCS-2: 70 characters a segment (67 when split), more than
/// twice the cost of the same words. So typographic punctuation is sent as its plain GSM look-alike, and a body is cut
/// to two segments of whichever alphabet it ends up in.
/// </summary>
public static class SmsText
{
    /// <summary>One segment: what a fixed template should fit where it can (issue 26: "one 160-character segment").</summary>
    public const int OneSegment = 160;

    /// <summary>Two segments of GSM 7-bit text (2 × 153) and of UCS-2 text (2 × 67): the most a body is allowed.</summary>
    public const int MaxLength = 306, MaxLengthUnicode = 134;

    /// <summary>09171234567, +639171234567 or 639171234567 → +639171234567; anything else → null.</summary>
    public static string? NormalizeNumber(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = new string(raw.Where(char.IsDigit).ToArray());
        if (digits.Length == 11 && digits.StartsWith("09", StringComparison.Ordinal)) return "+63" + digits[1..];
        if (digits.Length == 12 && digits.StartsWith("639", StringComparison.Ordinal)) return "+" + digits;
        return null;
    }

    /// <summary>The body as sent: one line, plain punctuation, at most two segments (cut with "...").</summary>
    public static string Trim(string text)
    {
        var t = Plain(text.ReplaceLineEndings(" ").Trim());
        if (IsGsm(t))
        {
            if (GsmLength(t) <= MaxLength) return t;
            var cut = t;
            while (GsmLength(cut) > MaxLength - 3) cut = cut[..^1];
            return cut.TrimEnd() + "...";
        }
        if (t.Length <= MaxLengthUnicode) return t;
        var end = MaxLengthUnicode - 1;
        if (char.IsHighSurrogate(t[end - 1])) end--; // never split an emoji's two halves
        return t[..end].TrimEnd() + "…";
    }

    /// <summary>How many segments the network bills for <paramref name="text"/>.</summary>
    public static int Segments(string text)
    {
        if (IsGsm(text)) { var n = GsmLength(text); return n <= OneSegment ? 1 : (n + 152) / 153; }
        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }

    /// <summary>Length in GSM 7-bit septets (an extension character, such as € or [, takes two).</summary>
    public static int GsmLength(string text) => text.Sum(c => Extension.Contains(c) ? 2 : 1);

    /// <summary>Whether every character is in the GSM 03.38 basic set or its extension table.</summary>
    public static bool IsGsm(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    private static string Plain(string text)
    {
        if (IsGsm(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => "'",
                '\u201C' or '\u201D' or '\u201E' or '\u2033' => "\"",
                '\u2013' or '\u2014' or '\u2212' => "-",
                '\u2026' => "...",
                '\u00A0' or '\u2009' or '\u202F' => " ",
                '\u20B1' => "PHP ",
                '\u2022' or '\u00B7' => "-",
                _ => c.ToString(),
            });
        }
        return sb.ToString().Replace("PHP  ", "PHP ", StringComparison.Ordinal);
    }

    // GSM 03.38: the basic character set (Ñ, ñ, ü, é and friends are in it; á, í, ó, ú are not) and the extension table.
    private const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";
}
