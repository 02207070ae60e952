using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Reports;

namespace Barangay.Data.Complaints;

/// <summary>
/// The blotter book as a landscape PDF under the shared report header and footer: one entry per row with the
/// complainant, the respondent, the narrative, the action taken and who recorded it, every cell wrapped in its column.
/// </summary>
public static class BlotterPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    private static readonly PrintColumn[] Columns =
    [
        new("Date and time", 1.0), new("Entry", 1.25), new("Complainant", 1.1), new("Respondent", 1.1), new("Narrative", 2.3),
        new("Action taken", 1.6), new("Purok", 0.95), new("Status", 0.8), new("Recorded by", 1.0),
    ];

    public static byte[] Render(BlotterBook book, DateTime printedUtc, string? paper = null)
    {
        var period = $"{book.From.ToString("MMMM d, yyyy", Ph)} to {book.To.ToString("MMMM d, yyyy", Ph)}";
        using var w = new PrintWriter($"Blotter {book.From:yyyy-MM-dd} to {book.To:yyyy-MM-dd}", paper, landscape: true, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, book.Region, book.Province, book.Municipality, book.BarangayName, "BARANGAY BLOTTER", period));
        if (book.Entries.Count == 0) w.Text("No complaints or KP cases in this period.");
        else
        {
            w.Table(null, Columns, book.Entries.Select(e => ((IReadOnlyList<string>)
            [
                TimeZones.ToManila(e.At).ToString("MMM d, yyyy h:mm tt", Ph), $"{e.Kind}\n{e.Number}", e.Complainant ?? e.Parties, e.Respondent ?? "—",
                e.Narrative ?? e.Matter, e.ActionTaken ?? "—", e.Purok ?? "—", e.Status, e.RecordedBy ?? "—",
            ], false)));
        }
        w.Text($"Entries: {book.Entries.Count}" + (book.Withheld > 0 ? $" (and {book.Withheld} confidential entries you may not see)" : ""), w.Bold);
        w.Signature("Certified correct:", book.SecretaryName, "Barangay Secretary");
        return w.Finish(printedUtc);
    }
}
