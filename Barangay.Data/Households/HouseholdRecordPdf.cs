using System.Globalization;
using Barangay.Data.Reports;

namespace Barangay.Data.Households;

/// <summary>
/// The household's page of the Records of Barangay Inhabitants, laid out like the DILG RBI household form under the
/// shared report header (with the region) and footer: the household, one line per member (head first) with every cell
/// wrapped in its column (the sectors are printed whole, not cut), the head's signature and the secretary's
/// certification. Legal paper, landscape, as the hall files it; A4 on request.
/// </summary>
public static class HouseholdRecordPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    private static readonly PrintColumn[] Columns =
    [
        new("#", 0.3), new("Last name", 1.05), new("First name", 1.05), new("Middle name", 0.95), new("Ext.", 0.35), new("Place of birth", 1.3),
        new("Date of birth", 0.8), new("Age", 0.35, Right: true), new("Sex", 0.5), new("Civil status", 0.7), new("Citizenship", 0.75),
        new("Occupation", 1.0), new("Relation to head", 0.9), new("Sectors", 1.8),
    ];

    public static byte[] Render(HouseholdRecord record, DateTime printedUtc, string? paper = PrintFrame.Legal)
    {
        using var w = new PrintWriter($"Household record {record.HouseholdId}", paper ?? PrintFrame.Legal, landscape: true, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, record.Region, record.Province, record.Municipality, record.BarangayName,
                "RECORD OF BARANGAY INHABITANTS BY HOUSEHOLD", $"Household No. {record.HouseholdId}"));
        w.Text($"Household No.: {record.HouseholdId}  ·  Purok: {record.PurokLabel ?? "—"}  ·  Address: {record.Address ?? "—"}", w.Bold, 6);
        var n = 0;
        w.Table(null, Columns, record.Members.Select(m => ((IReadOnlyList<string>)
        [
            (++n).ToString(Ph), m.LastName, m.FirstName, m.MiddleName ?? "", m.Extension ?? "", m.PlaceOfBirth ?? "", m.Dob.ToString("MM/dd/yyyy", Ph),
            m.Age.ToString(Ph), m.Sex ?? "", m.CivilStatus ?? "", m.Citizenship ?? "", m.Occupation ?? "", m.Relation ?? "", m.Sectors,
        ], false)));
        w.Text($"Members: {record.Members.Count}  ·  Date prepared: {record.PreparedOn.ToString("MMMM d, yyyy", Ph)}");
        // Signatures: the head attests the entries, the secretary certifies them, side by side.
        w.Ensure(70);
        var y = w.Y;
        w.Signature("Attested by:", record.HeadName, "Head of household (signature over printed name)", right: false);
        w.Y = y;
        w.Signature("Certified correct:", record.SecretaryName, "Barangay Secretary");
        return w.Finish(printedUtc, record.HouseholdId);
    }
}
