using System.Globalization;
using Barangay.Data.Reports;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Data.Documents;

/// <summary>
/// The acknowledgement receipt RA 11032 §9(a) requires: the office seal, the reference number, the date and time
/// received, the responsible officer's name and designation, what was received, and the due date. It states the fee
/// only when one is due: a free document says so and never asks the resident to pay. Also the written notice of
/// the one extension (§9(b)(2)).
/// </summary>
public static class AcknowledgementPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    public static string When(DateTime utc) => Common.TimeZones.ToManila(utc).ToString("MMMM d, yyyy h:mm tt", Ph);

    /// <summary>The lines of the fee row: never "pay" on a free or waived document.</summary>
    public static string FeeLine(AcknowledgementData a) =>
        a.Fee <= 0 || a.WaiverReason is not null
            ? "None. This document is free of charge" + (a.WaiverReason is { } w ? $" ({w})." : ".")
            : a.FeeSettledAt is { } paid ? $"₱{a.Fee.ToString("N2", Ph)}, paid {When(paid)}." : $"₱{a.Fee.ToString("N2", Ph)}, payable at the Treasurer's window. Processing time starts once it is paid.";

    public static string DueLine(AcknowledgementData a) =>
        a.DueAt is { } due
            ? $"{When(due)} ({a.WorkingDays} working days, {a.ClassLabel.ToLowerInvariant()} transaction)"
            : $"{a.WorkingDays} working days ({a.ClassLabel.ToLowerInvariant()} transaction) from when the requirements are complete"
              + (a.Fee > 0 && a.WaiverReason is null ? " and the fee is paid" : "") + " (RA 11032 §4(j)); the hall will tell you the date.";

    /// <summary>
    /// What a screen reader and a viewer's title bar say of the file (issue 25): its title, its language (the receipt
    /// is written in English) and the title shown instead of the file name; what PDFsharp allows short of full PDF/UA
    /// tagging (docs/accessibility.md, "PDFs").
    /// </summary>
    private static void Describe(PdfDocument document, string title)
    {
        document.Info.Title = title;
        document.Language = "en-PH";
        document.ViewerPreferences.DisplayDocTitle = true;
    }

    public static byte[] Render(AcknowledgementData a, DateTime printedUtc, byte[]? seal, string? paper)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        Describe(document, $"Acknowledgement receipt {a.RequestId}");
        var page = PrintFrame.AddPage(document, paper, landscape: false);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var p = a.Profile;
            var y = PrintFrame.Header(g, page.Width.Point, p.Region, p.Province, p.Municipality, p.Name, "ACKNOWLEDGEMENT RECEIPT", "Republic Act No. 11032, Section 9", seal);
            (string, string)[] rows =
            [
                ("Reference number", a.RequestId),
                ("Received", When(a.ReceivedAt) + (a.WalkIn ? " at the barangay hall" : " online")),
                ("From", a.ResidentName),
                ("Service", $"{a.TypeLabel}, for {a.Purpose}"),
                ("Received with", a.Requirements.Count == 0 ? (a.Attachments > 0 ? $"{a.Attachments} attached file(s)" : "The request form") :
                    string.Join("; ", a.Requirements) + (a.Attachments > 0 ? $" ({a.Attachments} attached file(s))" : "")),
                ("Requirements complete", a.RequirementsCompleteAt is { } r ? When(r) : "To be checked by the hall at review"),
                ("Fee", FeeLine(a)),
                ("Due", DueLine(a)),
                ("Responsible officer", $"{a.OfficerName}, {a.OfficerDesignation}"),
            ];
            y = Table(g, page, rows, y + 6);
            var f = CertificateFonts.Family;
            var small = new XFont(f, 8.5);
            y += 12;
            foreach (var line in PrintFrame.Wrap(g, "Keep this receipt. Quote the reference number in every follow-up. If the hall does not act within the processing time stated in its Citizen's Charter, you may ask the Punong Barangay; RA 11032 §10 deems a complete, paid request approved once that time has lapsed.", small, page.Width.Point - 2 * PrintFrame.Margin))
            {
                g.DrawString(line, small, XBrushes.Black, PrintFrame.Margin, y);
                y += 11;
            }
            y += 36;
            var right = page.Width.Point - PrintFrame.Margin;
            g.DrawLine(XPens.Black, right - 220, y, right, y);
            g.DrawString($"{a.OfficerName}", new XFont(f, 9, XFontStyleEx.Bold), XBrushes.Black, new XRect(right - 220, y + 3, 220, 11), XStringFormats.TopCenter);
            g.DrawString(a.OfficerDesignation, small, XBrushes.Black, new XRect(right - 220, y + 15, 220, 11), XStringFormats.TopCenter);
        }
        PrintFrame.Footers(document, printedUtc, a.RequestId);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The written notice of the extension: the reason and the new date, signed by who extended it.</summary>
    public static byte[] RenderExtension(AcknowledgementData a, DateTime printedUtc, byte[]? seal, string? paper)
    {
        var x = a.Extension ?? throw new InvalidOperationException("The request was not extended.");
        CertificateFonts.Install();
        using var document = new PdfDocument();
        Describe(document, $"Notice of extension {a.RequestId}");
        var page = PrintFrame.AddPage(document, paper, landscape: false);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var p = a.Profile;
            var y = PrintFrame.Header(g, page.Width.Point, p.Region, p.Province, p.Municipality, p.Name, "NOTICE OF EXTENSION OF PROCESSING TIME", "Republic Act No. 11032, Section 9(b)(2)", seal);
            var f = CertificateFonts.Family;
            var normal = new XFont(f, 10);
            var width = page.Width.Point - 2 * PrintFrame.Margin;
            y += 10;
            g.DrawString(When(x.At), normal, XBrushes.Black, PrintFrame.Margin, y);
            y += 26;
            var text = $"{a.ResidentName}:\n\nThis is to notify you that the processing time of your request {a.RequestId} ({a.TypeLabel}), received on {When(a.ReceivedAt)}, "
                + $"which was due on {When(x.OldDue)}, is extended once, for the same {a.WorkingDays} working days, to {When(x.NewDue)}.\n\nReason: {x.Reason}\n\n"
                + "RA 11032 allows a single extension. Quote the reference number in any follow-up.";
            foreach (var line in PrintFrame.Wrap(g, text, normal, width))
            {
                g.DrawString(line, normal, XBrushes.Black, PrintFrame.Margin, y);
                y += 14;
            }
            y += 44;
            var right = page.Width.Point - PrintFrame.Margin;
            g.DrawLine(XPens.Black, right - 220, y, right, y);
            g.DrawString(x.ByName, new XFont(f, 9, XFontStyleEx.Bold), XBrushes.Black, new XRect(right - 220, y + 3, 220, 11), XStringFormats.TopCenter);
            g.DrawString(x.ByPosition ?? "", new XFont(f, 8.5), XBrushes.Black, new XRect(right - 220, y + 15, 220, 11), XStringFormats.TopCenter);
        }
        PrintFrame.Footers(document, printedUtc, a.RequestId);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static double Table(XGraphics g, PdfPage page, (string Label, string Value)[] rows, double y)
    {
        var f = CertificateFonts.Family;
        var label = new XFont(f, 9, XFontStyleEx.Bold);
        var value = new XFont(f, 9.5);
        const double labelWidth = 140;
        var x = PrintFrame.Margin;
        var valueWidth = page.Width.Point - 2 * PrintFrame.Margin - labelWidth;
        foreach (var (l, v) in rows)
        {
            var lines = PrintFrame.Wrap(g, v, value, valueWidth - 6);
            g.DrawString(l, label, XBrushes.Black, new XRect(x, y, labelWidth, 12), XStringFormats.TopLeft);
            for (var i = 0; i < lines.Count; i++)
                g.DrawString(lines[i], value, XBrushes.Black, new XRect(x + labelWidth, y + i * 13, valueWidth, 12), XStringFormats.TopLeft);
            y += Math.Max(1, lines.Count) * 13 + 5;
            g.DrawLine(XPens.LightGray, x, y - 3, x + labelWidth + valueWidth, y - 3);
        }
        return y;
    }
}
