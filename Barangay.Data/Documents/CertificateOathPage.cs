using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Barangay.Data.Common;

namespace Barangay.Data.Documents;

/// <summary>
/// The Oath of Undertaking of a First Time Jobseeker certification, printed as its own page for the holder to sign
/// at the window (issue 22, item 3): the certification is then issued with the oath the holder actually signed, not a
/// checkbox ticked online. The wording is the form annexed to the implementing rules of RA 11261 (First Time Jobseekers
/// Assistance Act; IRR: DOLE-led Joint Memorandum Circular No. 001, s. 2019, which has the barangay certify a first
/// time jobseeker on an Oath of Undertaking), as barangays print it ("Oath of Undertaking", form revised 16 June 2021):
/// the opening declaration, its nine undertakings in their order, "Signed this … day of … in the City/Municipality of
/// …", the jobseeker's signature and "Witnessed by" a barangay official with designation and date. Only evident typing
/// slips of the copies in circulation are mended ("this is the first time", "my favor", "Data Privacy Act").
/// </summary>
internal static class CertificateOathPage
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    /// <summary>The undertakings of the IRR form, in its order.</summary>
    internal static readonly IReadOnlyList<string> Undertakings =
    [
        "That this is the first time that I will actively look for a job, and therefore request that a Barangay Certification be issued in my favor to avail the benefits of the law;",
        "That I am aware that the benefits and privileges under the said law shall be valid only for one (1) year from the date that the Barangay Certification is issued;",
        "That I can avail the benefits of the law only once;",
        "That I understand that my personal information shall be included in the Roster/List of First Time Jobseekers and will not be used for any unlawful purpose;",
        "That I will inform and/or report to the Barangay personally, through text or other means, or through my family/relatives once I get employed;",
        "That I am not a beneficiary of the JobStart Program under R.A. No. 10869 and other laws that give similar exemptions for the documents or transactions exempted under R.A. No. 11261;",
        "That if issued the requested Certification, I will not use the same in any fraud, neither falsify nor help and/or assist in the fabrication of the said certification;",
        "That this undertaking is made solely for the purpose of obtaining a Barangay Certification consistent with the objective of R.A. No. 11261 and not for any other purpose; and",
        "That I consent to the use of my personal information pursuant to the Data Privacy Act and other applicable laws, rules and regulations.",
    ];

    /// <summary>"2 years and 3 months", "7 months": how long the holder has lived here on <paramref name="on"/>, by the register's "resident since".</summary>
    internal static string Duration(DateOnly since, DateOnly on)
    {
        var months = (on.Year - since.Year) * 12 + on.Month - since.Month - (on.Day < since.Day ? 1 : 0);
        months = Math.Max(0, months);
        var (y, m) = (months / 12, months % 12);
        string Part(int n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")}";
        return y == 0 ? Part(m, "month") : m == 0 ? Part(y, "year") : Part(y, "year") + " and " + Part(m, "month");
    }

    public static void Add(PdfDocument document, PdfSharp.PageSize size, CertificateData c)
    {
        var page = document.AddPage();
        page.Size = size;
        using var g = XGraphics.FromPdfPage(page);
        var width = page.Width.Point;
        const double margin = 60;
        var f = CertificateFonts.Family;
        var normal = new XFont(f, 10.5);
        var bold = new XFont(f, 10.5, XFontStyleEx.Bold);
        var small = new XFont(f, 9);
        var title = new XFont(f, 18, XFontStyleEx.Bold);
        var textWidth = width - 2 * margin;
        var y = margin;
        g.DrawString("OATH OF UNDERTAKING", title, XBrushes.Black, new XRect(0, y, width, 24), XStringFormats.TopCenter);
        y += 36;
        var age = c.HolderAge is { } a ? a.ToString(CultureInfo.InvariantCulture) : "____";
        var residentFor = c.ResidentFor ?? "__________";
        var opening = $"\u2003\u2003I, {c.HolderName}, {age} years of age, resident of {c.HolderAddress}, {c.BarangayName}, {c.Locality} for {residentFor}, "
            + "availing the benefits of Republic Act No. 11261, otherwise known as the First Time Jobseekers Assistance Act of 2019, "
            + "do hereby declare, agree and undertake to abide and be bound by the following:";
        y = Paragraph(g, opening, normal, margin, y, textWidth) + 8;
        for (var i = 0; i < Undertakings.Count; i++)
        {
            g.DrawString($"{i + 1}.", normal, XBrushes.Black, new XRect(margin + 8, y, 20, 14), XStringFormats.TopLeft);
            y = Paragraph(g, Undertakings[i], normal, margin + 28, y, textWidth - 28) + 4;
        }
        y += 10;
        var issued = TimeZones.ToManila(c.IssuedAt);
        var place = string.IsNullOrWhiteSpace(c.Municipality) ? c.Locality : c.Municipality.Trim();
        y = Paragraph(g, $"\u2003\u2003Signed this ____ day of {issued.ToString("MMMM yyyy", Ph)} in the City/Municipality of {place}.", normal, margin, y, textWidth);
        y += 36;
        var right = width - margin - 240;
        g.DrawLine(XPens.Black, right, y, width - margin, y);
        g.DrawString(c.HolderName, bold, XBrushes.Black, new XRect(right, y + 4, 240, 16), XStringFormats.TopCenter);
        g.DrawString("First Time Jobseeker (signature over printed name)", small, XBrushes.Black, new XRect(right, y + 20, 240, 14), XStringFormats.TopCenter);
        y += 42;
        g.DrawString("Witnessed by:", normal, XBrushes.Black, new XRect(right, y, 240, 16), XStringFormats.TopLeft);
        y += 34;
        g.DrawLine(XPens.Black, right, y, width - margin, y);
        g.DrawString("Barangay Official / Designation / Position", small, XBrushes.Black, new XRect(right, y + 4, 240, 14), XStringFormats.TopCenter);
        y += 24;
        g.DrawString("Date: ____________________", normal, XBrushes.Black, new XRect(right, y, 240, 16), XStringFormats.TopLeft);
        g.DrawString($"Control No. {c.ControlNumber}", small, XBrushes.DimGray, new XRect(margin, page.Height.Point - 40, textWidth, 12), XStringFormats.TopLeft);
    }

    /// <summary>Draws a justified paragraph measured line by line (nothing clipped) and returns the y below it.</summary>
    private static double Paragraph(XGraphics g, string text, XFont font, double x, double y, double width)
    {
        var lines = CertificatePdf.Wrap(g, text, font, width);
        var lineHeight = font.GetHeight() * 1.2;
        for (var i = 0; i < lines.Count; i++)
        {
            // The last line of a paragraph stays ragged, as printed forms do.
            CertificatePdf.DrawLine(g, lines[i], font, x, y, width, justify: i < lines.Count - 1);
            y += lineHeight;
        }
        return y;
    }
}
