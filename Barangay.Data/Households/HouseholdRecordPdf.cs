using System.Globalization;
using Barangay.Data.Documents;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Data.Households;

/// <summary>
/// The household's page of the Records of Barangay Inhabitants, laid out like the DILG RBI household form: the barangay
/// header, the household, one line per member (head first), the head's signature and the secretary's certification.
/// Legal paper, landscape, as the hall files it.
/// </summary>
public static class HouseholdRecordPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    private static readonly (string Title, double Width)[] Columns =
    [
        ("#", 18), ("Last name", 80), ("First name", 80), ("Middle name", 70), ("Ext.", 26), ("Place of birth", 88), ("Date of birth", 62),
        ("Age", 24), ("Sex", 38), ("Civil status", 52), ("Citizenship", 56), ("Occupation", 80), ("Relation to head", 82), ("Sectors", 116),
    ];

    public static byte[] Render(HouseholdRecord record)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Household record {record.HouseholdId}";
        var f = CertificateFonts.Family;
        var small = new XFont(f, 7.5);
        var bold = new XFont(f, 7.5, XFontStyleEx.Bold);
        var normal = new XFont(f, 9);
        PdfPage page = null!;
        XGraphics g = null!;
        double y = 0;
        const double left = 36;

        void NewPage()
        {
            g?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.Legal;
            page.Orientation = PageOrientation.Landscape;
            g = XGraphics.FromPdfPage(page);
            Reports.ReportHeader.Draw(g, page.Width.Point, 30, record.Province, record.Municipality, record.BarangayName, "RECORD OF BARANGAY INHABITANTS BY HOUSEHOLD", f);
            y = 120;
            g.DrawString($"Household No.: {record.HouseholdId}", normal, XBrushes.Black, left, y);
            g.DrawString($"Purok: {record.PurokLabel ?? "—"}", normal, XBrushes.Black, left + 240, y);
            g.DrawString($"Address: {record.Address ?? "—"}", normal, XBrushes.Black, left + 480, y);
            y += 20;
            var x = left;
            foreach (var (t, w) in Columns)
            {
                g.DrawString(t, bold, XBrushes.Black, new XRect(x + 1, y, w - 2, 10), XStringFormats.TopLeft);
                x += w;
            }
            y += 12;
            g.DrawLine(XPens.Black, left, y, x, y);
            y += 4;
        }

        NewPage();
        var n = 0;
        foreach (var m in record.Members)
        {
            if (y > page.Height.Point - 130) NewPage();
            string[] cells =
            [
                (++n).ToString(Ph), m.LastName, m.FirstName, m.MiddleName ?? "", m.Extension ?? "", m.PlaceOfBirth ?? "", m.Dob.ToString("MM/dd/yyyy", Ph),
                m.Age.ToString(Ph), m.Sex ?? "", m.CivilStatus ?? "", m.Citizenship ?? "", m.Occupation ?? "", m.Relation ?? "", m.Sectors,
            ];
            var x = left;
            for (var i = 0; i < cells.Length; i++)
            {
                g.DrawString(Fit(g, cells[i], small, Columns[i].Width - 3), small, XBrushes.Black, new XRect(x + 1, y, Columns[i].Width - 2, 10), XStringFormats.TopLeft);
                x += Columns[i].Width;
            }
            y += 13;
            g.DrawLine(XPens.LightGray, left, y - 2, x, y - 2);
        }
        y += 8;
        g.DrawString($"Members: {record.Members.Count}", normal, XBrushes.Black, left, y);

        // Signatures: the head attests the entries, the secretary certifies them.
        var sign = page.Height.Point - 80;
        g.DrawLine(XPens.Black, left, sign, left + 260, sign);
        g.DrawString(record.HeadName ?? "", normal, XBrushes.Black, new XRect(left, sign - 14, 260, 12), XStringFormats.TopCenter);
        g.DrawString("Head of household (signature over printed name)", small, XBrushes.Black, new XRect(left, sign + 3, 260, 10), XStringFormats.TopCenter);
        var right = page.Width.Point - left - 260;
        g.DrawString("Certified correct:", small, XBrushes.Black, right, sign - 30);
        g.DrawLine(XPens.Black, right, sign, right + 260, sign);
        g.DrawString(record.SecretaryName ?? "", normal, XBrushes.Black, new XRect(right, sign - 14, 260, 12), XStringFormats.TopCenter);
        g.DrawString("Barangay Secretary", small, XBrushes.Black, new XRect(right, sign + 3, 260, 10), XStringFormats.TopCenter);
        g.DrawString($"Date prepared: {record.PreparedOn.ToString("MMMM d, yyyy", Ph)}", small, XBrushes.Black, left, sign + 30);
        g.Dispose();

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Shortens text to its column with an ellipsis (a long place of birth must not run into the next column).</summary>
    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        var s = text;
        while (s.Length > 1 && g.MeasureString(s + "…", font).Width > width) s = s[..^1];
        return s + "…";
    }
}
