using System.Globalization;
using Barangay.Data.Reports;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Data.Documents;

/// <summary>
/// The acknowledgement receipt RA 11032 §9(a) requires: the office seal, the reference number, the date and time
/// received, the responsible officer's name and designation, what was received, and the due date. It states the fee
/// only when one is due: a free document says so and never asks the resident to pay. Also the written notice of
/// the one extension (§9(b)(2)). Both are written in the request's language (issue 26: the language the resident chose
/// with the request, else their account's), their fixed words from <see cref="PrintTexts"/>.
/// </summary>
public static class AcknowledgementPdf
{
    /// <summary>The language the receipt is written in: the request's (<see cref="AcknowledgementData.Language"/>), English when none.</summary>
    public static PrintLanguage LanguageOf(AcknowledgementData a) => PrintLanguage.Of(a.Language);

    public static string When(DateTime utc, PrintLanguage? language = null) => (language ?? PrintLanguage.English).DateTime(utc);

    private static string Money(decimal amount) => "₱" + amount.ToString("N2", CultureInfo.GetCultureInfo("en-PH"));

    /// <summary>The lines of the fee row: never "pay" on a free or waived document.</summary>
    public static string FeeLine(AcknowledgementData a, PrintLanguage? language = null)
    {
        var l = language ?? PrintLanguage.English;
        return a.Fee <= 0 || a.WaiverReason is not null
            ? a.WaiverReason is { } w ? l.Say("None. This document is free of charge ({0}).", w) : l.Say("None. This document is free of charge.")
            : a.FeeSettledAt is { } paid ? l.Say("{0}, paid {1}.", Money(a.Fee), When(paid, l))
            : l.Say("{0}, payable at the Treasurer's window. Processing time starts once it is paid.", Money(a.Fee));
    }

    public static string DueLine(AcknowledgementData a, PrintLanguage? language = null)
    {
        var l = language ?? PrintLanguage.English;
        var kind = a.ClassLabel switch
        {
            "Complex" => l.Say("complex transaction"),
            "Highly technical" => l.Say("highly technical transaction"),
            _ => l.Say("simple transaction"),
        };
        if (a.DueAt is { } due) return l.Say("{0} ({1} working days, {2})", When(due, l), a.WorkingDays, kind);
        return a.Fee > 0 && a.WaiverReason is null
            ? l.Say("{0} working days ({1}) from when the requirements are complete and the fee is paid (RA 11032 §4(j)); the hall will tell you the date.", a.WorkingDays, kind)
            : l.Say("{0} working days ({1}) from when the requirements are complete (RA 11032 §4(j)); the hall will tell you the date.", a.WorkingDays, kind);
    }

    /// <summary>
    /// What a screen reader and a viewer's title bar say of the file (issue 25): its title, its language and the title
    /// shown instead of the file name; what PDFsharp allows short of full PDF/UA tagging (docs/accessibility.md, "PDFs").
    /// </summary>
    private static void Describe(PdfDocument document, string title, PrintLanguage l)
    {
        document.Info.Title = title;
        document.Language = l.Code;
        document.ViewerPreferences.DisplayDocTitle = true;
    }

    private static string Files(int n, PrintLanguage l) => n == 1 ? l.Say("1 attached file") : l.Say("{0} attached files", n);

    public static byte[] Render(AcknowledgementData a, DateTime printedUtc, byte[]? seal, string? paper)
    {
        CertificateFonts.Install();
        var l = LanguageOf(a);
        using var document = new PdfDocument();
        Describe(document, l.Say("Acknowledgement receipt {0}", a.RequestId), l);
        var page = PrintFrame.AddPage(document, paper, landscape: false);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var p = a.Profile;
            var y = PrintFrame.Header(g, page.Width.Point, p.Region, p.Province, p.Municipality, p.Name, l.Say("Acknowledgement Receipt").ToUpper(l.Culture),
                l.Say("Republic Act No. 11032, Section 9"), seal, l);
            (string, string)[] rows =
            [
                (l.Say("Reference number"), a.RequestId),
                (l.Say("Received"), a.WalkIn ? l.Say("{0} at the barangay hall", When(a.ReceivedAt, l)) : l.Say("{0} online", When(a.ReceivedAt, l))),
                (l.Say("From"), a.ResidentName),
                (l.Say("Service"), l.Say("{0}, for {1}", a.TypeLabel, a.Purpose)),
                (l.Say("Received with"), a.Requirements.Count == 0 ? (a.Attachments > 0 ? Files(a.Attachments, l) : l.Say("The request form")) :
                    string.Join("; ", a.Requirements) + (a.Attachments > 0 ? $" ({Files(a.Attachments, l)})" : "")),
                (l.Say("Requirements complete"), a.RequirementsCompleteAt is { } r ? When(r, l) : l.Say("To be checked by the hall at review")),
                (l.Say("Fee"), FeeLine(a, l)),
                (l.Say("Due"), DueLine(a, l)),
                (l.Say("Responsible officer"), $"{a.OfficerName}, {a.OfficerDesignation}"),
            ];
            y = Table(g, page, rows, y + 6);
            var f = CertificateFonts.Family;
            var small = new XFont(f, 8.5);
            y += 12;
            foreach (var line in PrintFrame.Wrap(g, l.Say("Keep this receipt. Quote the reference number in every follow-up. If the hall does not act within the processing time stated in its Citizen's Charter, you may ask the Punong Barangay; RA 11032 §10 deems a complete, paid request approved once that time has lapsed."), small, page.Width.Point - 2 * PrintFrame.Margin))
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
        PrintFrame.Footers(document, printedUtc, a.RequestId, l);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The written notice of the extension: the reason and the new date, signed by who extended it.</summary>
    public static byte[] RenderExtension(AcknowledgementData a, DateTime printedUtc, byte[]? seal, string? paper)
    {
        var x = a.Extension ?? throw new InvalidOperationException("The request was not extended.");
        CertificateFonts.Install();
        var l = LanguageOf(a);
        using var document = new PdfDocument();
        Describe(document, l.Say("Notice of extension {0}", a.RequestId), l);
        var page = PrintFrame.AddPage(document, paper, landscape: false);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var p = a.Profile;
            var y = PrintFrame.Header(g, page.Width.Point, p.Region, p.Province, p.Municipality, p.Name, l.Say("Notice of Extension of Processing Time").ToUpper(l.Culture),
                l.Say("Republic Act No. 11032, Section 9(b)(2)"), seal, l);
            var f = CertificateFonts.Family;
            var normal = new XFont(f, 10);
            var width = page.Width.Point - 2 * PrintFrame.Margin;
            y += 10;
            g.DrawString(When(x.At, l), normal, XBrushes.Black, PrintFrame.Margin, y);
            y += 26;
            var text = $"{a.ResidentName}:\n\n"
                + l.Say("This is to notify you that the processing time of your request {0} ({1}), received on {2}, which was due on {3}, is extended once, for the same {4} working days, to {5}.",
                    a.RequestId, a.TypeLabel, When(a.ReceivedAt, l), When(x.OldDue, l), a.WorkingDays, When(x.NewDue, l))
                + "\n\n" + l.Say("Reason: {0}", x.Reason) + "\n\n"
                + l.Say("RA 11032 allows a single extension. Quote the reference number in any follow-up.");
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
        PrintFrame.Footers(document, printedUtc, a.RequestId, l);
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
            // Labels wrap too: Filipino ones run longer ("Kumpleto na ang requirements") and must not run into the value.
            var labels = PrintFrame.Wrap(g, l, label, labelWidth - 6);
            for (var i = 0; i < labels.Count; i++)
                g.DrawString(labels[i], label, XBrushes.Black, new XRect(x, y + i * 13, labelWidth, 12), XStringFormats.TopLeft);
            for (var i = 0; i < lines.Count; i++)
                g.DrawString(lines[i], value, XBrushes.Black, new XRect(x + labelWidth, y + i * 13, valueWidth, 12), XStringFormats.TopLeft);
            y += Math.Max(1, Math.Max(lines.Count, labels.Count)) * 13 + 5;
            g.DrawLine(XPens.LightGray, x, y - 3, x + labelWidth + valueWidth, y - 3);
        }
        return y;
    }
}
