using System.Globalization;
using System.Text.RegularExpressions;
using Barangay.Data.Localization;
using Microsoft.Extensions.Localization;

namespace Barangay.App.Components.Pages.Documents;

/// <summary>
/// A request timeline step's title and note in the reader's language (issue 26). The request's history keeps its notes
/// as the English text <c>DocumentRequestService</c> wrote (rows already stored stay as they are), so the fixed notes and
/// the few with figures (payment, waiver, refund, extension, CTC) are worded again here from the catalogue; a reason an
/// official typed shows as typed.
/// </summary>
public static partial class TimelineNote
{
    private static readonly CultureInfo Stored = CultureInfo.GetCultureInfo("en-PH");

    private static readonly HashSet<string> Fixed = new(StringComparer.Ordinal) { "Walk-in request entered at the hall", "Downloaded by the resident" };

    public static string Title(string status, IStringLocalizer l) => l[status switch
    {
        Barangay.Data.Documents.DocumentRequestStatuses.Submitted => "Submitted",
        Barangay.Data.Documents.DocumentRequestStatuses.Reviewed => "Reviewed by the hall",
        Barangay.Data.Documents.DocumentRequestStatuses.Processing => "Being prepared",
        Barangay.Data.Documents.DocumentRequestStatuses.Approved => "Approved",
        Barangay.Data.Documents.DocumentRequestStatuses.Released => "Released",
        Barangay.Data.Documents.DocumentRequestStatuses.Rejected => "Rejected",
        Barangay.Data.Documents.DocumentRequestStatuses.Cancelled => "Cancelled",
        "paid" => "Fee paid",
        "waived" => "Fee waived",
        "refunded" => "Fee refunded",
        "extended" => "Processing time extended",
        "ctc" => "CTC recorded",
        _ => status,
    }];

    public static string Words(string note, IStringLocalizer l)
    {
        if (Fixed.Contains(note)) return l[note];
        if (Paid().Match(note) is { Success: true } p) return l["Paid {0}, OR {1}", p.Groups[1].Value, p.Groups[2].Value];
        if (Waived().Match(note) is { Success: true } w) return l["Fee waived: {0}", w.Groups[1].Value];
        if (Refunded().Match(note) is { Success: true } r) return l["Refunded {0} (OR {1}): {2}", r.Groups[1].Value, r.Groups[2].Value, r.Groups[3].Value];
        if (Extended().Match(note) is { Success: true } e
            && DateTime.TryParseExact(e.Groups[1].Value, "ddd, MMM d, yyyy h:mm tt", Stored, DateTimeStyles.None, out var due))
            return l["Processing time extended to {0}: {1}", due.ToString("ddd, MMM d, yyyy h:mm tt", AppLanguages.Current), e.Groups[2].Value];
        if (Ctc().Match(note) is { Success: true } c
            && DateTime.TryParseExact(c.Groups[2].Value, "MMMM d, yyyy", Stored, DateTimeStyles.None, out var issued))
            return l["CTC No. {0}, issued {1} at {2}", c.Groups[1].Value, issued.ToString("MMMM d, yyyy", AppLanguages.Current), c.Groups[3].Value];
        return note;
    }

    [GeneratedRegex(@"^Paid (₱[\d,]+\.\d\d), OR (.+)$", RegexOptions.Singleline)]
    private static partial Regex Paid();

    [GeneratedRegex(@"^Fee waived: (.*)$", RegexOptions.Singleline)]
    private static partial Regex Waived();

    [GeneratedRegex(@"^Refunded (₱[\d,]+\.\d\d) \(OR (.+?)\): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Refunded();

    [GeneratedRegex(@"^Processing time extended to (.+? [AP]M): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Extended();

    [GeneratedRegex(@"^CTC No\. (.+?), issued (.+?) at (.*)$", RegexOptions.Singleline)]
    private static partial Regex Ctc();
}
