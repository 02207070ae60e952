using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using Barangay.Data.Common;

namespace Barangay.Data.Documents;

/// <summary>
/// The Oath of Undertaking of a First Time Jobseeker certification, printed as its own page for the holder to sign
/// at the window (issue 22, item 3): the certification is then issued with the oath the holder actually signed, not a
/// checkbox ticked online. RA 11261 (First Time Jobseekers Assistance Act) and its implementing rules: the barangay
/// certifies a first time jobseeker who has resided in the barangay at least six months, with an Oath of Undertaking
/// the barangay provides; the benefit is availed of once; the jobseeker reports to the barangay once employed; a
/// false statement is punished under the Revised Penal Code. The wording below is ours, following those elements.
/// </summary>
internal static class CertificateOathPage
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    public static void Add(PdfDocument document, PdfSharp.PageSize size, CertificateData c)
    {
        var page = document.AddPage();
        page.Size = size;
        using var g = XGraphics.FromPdfPage(page);
        var width = page.Width.Point;
        const double margin = 64;
        var f = CertificateFonts.Family;
        var normal = new XFont(f, 11.5);
        var bold = new XFont(f, 11.5, XFontStyleEx.Bold);
        var title = new XFont(f, 18, XFontStyleEx.Bold);
        var tf = new XTextFormatter(g) { Alignment = XParagraphAlignment.Justify };
        var y = margin;
        g.DrawString("OATH OF UNDERTAKING", title, XBrushes.Black, new XRect(0, y, width, 24), XStringFormats.TopCenter);
        y += 30;
        g.DrawString("Republic Act No. 11261 — First Time Jobseekers Assistance Act", normal, XBrushes.DimGray, new XRect(0, y, width, 16), XStringFormats.TopCenter);
        y += 40;
        var text = $"I, {c.HolderName}, a resident of {c.HolderAddress}, {c.BarangayName}, {c.Locality}, availing of the benefits of Republic Act No. 11261, "
            + "do hereby declare, agree and undertake:";
        tf.DrawString(text, normal, XBrushes.Black, new XRect(margin, y, width - 2 * margin, 60));
        y += 56;
        string[] points =
        [
            "that this is the first time that I will actively look for a job, locally or abroad, and I therefore ask for a Barangay Certification as a first time jobseeker;",
            "that I have resided in this barangay for at least six (6) months;",
            "that I understand that the benefits of the Act may be availed of only once;",
            "that I will use the certification and the documents obtained with it only to look for employment;",
            "that I will inform the barangay once I have found employment;",
            "that I understand that a false statement in this undertaking makes me liable under the Revised Penal Code.",
        ];
        for (var i = 0; i < points.Length; i++)
        {
            g.DrawString($"{i + 1}.", normal, XBrushes.Black, new XRect(margin + 10, y, 20, 16), XStringFormats.TopLeft);
            tf.DrawString(points[i], normal, XBrushes.Black, new XRect(margin + 32, y, width - 2 * margin - 32, 48));
            y += 40;
        }
        y += 16;
        var issued = TimeZones.ToManila(c.IssuedAt);
        tf.Alignment = XParagraphAlignment.Left;
        tf.DrawString($"Signed this ____ day of {issued.ToString("MMMM yyyy", Ph)} at {c.BarangayName}, {c.Locality}.", normal, XBrushes.Black,
            new XRect(margin, y, width - 2 * margin, 32));
        y += 80;
        var right = width - margin - 240;
        g.DrawLine(XPens.Black, right, y, width - margin, y);
        g.DrawString(c.HolderName, bold, XBrushes.Black, new XRect(right, y + 4, 240, 16), XStringFormats.TopCenter);
        g.DrawString("Signature over printed name of the first time jobseeker", new XFont(f, 9), XBrushes.Black, new XRect(right, y + 20, 240, 14), XStringFormats.TopCenter);
        y += 70;
        g.DrawString("Witnessed by:", normal, XBrushes.Black, new XRect(margin, y, 200, 16), XStringFormats.TopLeft);
        y += 50;
        g.DrawLine(XPens.Black, margin, y, margin + 240, y);
        g.DrawString("Barangay official", new XFont(f, 9), XBrushes.Black, new XRect(margin, y + 4, 240, 14), XStringFormats.TopCenter);
        g.DrawString($"Control No. {c.ControlNumber}", new XFont(f, 9), XBrushes.DimGray, new XRect(margin, page.Height.Point - margin, width - 2 * margin, 12), XStringFormats.TopLeft);
    }
}
