using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Reports;

namespace Barangay.Data.Complaints;

/// <summary>
/// The blotter book as a landscape PDF under the shared report header and footer: one entry per row with the
/// complainant, the respondent, the narrative, the action taken and who recorded it, every cell wrapped in its column.
/// Its fixed words follow the barangay's report language (<see cref="PrintLanguage"/>); the entries are as recorded.
/// </summary>
public static class BlotterPdf
{

    private static PrintColumn[] Columns(PrintLanguage l) =>
    [
        new(l.Say("Date and time"), 1.0), new(l.Say("Entry"), 1.25), new(l.Say("Complainant"), 1.1), new(l.Say("Respondent"), 1.3), new(l.Say("Narrative"), 2.1),
        new(l.Say("Action taken"), 1.6), new(l.Say("Purok"), 0.95), new(l.Say("Status"), 0.8), new(l.Say("Recorded by"), 1.0),
    ];

    public static byte[] Render(BlotterBook book, DateTime printedUtc, string? paper = null)
    {
        var l = PrintLanguage.Of(book.Language);
        var period = l.Period(book.From, book.To);
        var title = l.Say("Barangay Blotter");
        using var w = new PrintWriter(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{title} {book.From:yyyy-MM-dd} – {book.To:yyyy-MM-dd}"), paper, landscape: true, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, book.Region, book.Province, book.Municipality, book.BarangayName, title.ToUpper(l.Culture), period, language: l),
            language: l);
        if (book.Entries.Count == 0) w.Text(l.Say("No complaints or KP cases in this period."));
        else
        {
            w.Table(null, Columns(l), book.Entries.Select(e => ((IReadOnlyList<string>)
            [
                TimeZones.ToManila(e.At).ToString("MMM d, yyyy h:mm tt", l.Culture), $"{l.Term(e.Kind)}\n{e.Number}", e.Complainant ?? e.Parties, e.Respondent ?? "—",
                e.Narrative ?? e.Matter, e.ActionTaken ?? "—", e.Purok ?? "—", l.Term(e.Status), e.RecordedBy is { } by ? l.Term(by) : "—",
            ], false)));
        }
        w.Text(book.Withheld > 0 ? l.Say("Entries: {0} (and {1} confidential entries you may not see)", book.Entries.Count, book.Withheld)
            : l.Say("Entries: {0}", book.Entries.Count), w.Bold);
        w.Signature(l.CertifiedCorrect, book.SecretaryName, "Barangay Secretary");
        return w.Finish(printedUtc);
    }
}
