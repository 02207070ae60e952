using System.Globalization;
using Barangay.Data.Reports;

namespace Barangay.Data.Households;

/// <summary>
/// The household's page of the Records of Barangay Inhabitants, laid out like the DILG RBI household form under the
/// shared report header (with the region) and footer: the household, one line per member (head first) with every cell
/// wrapped in its column (the sectors are printed whole, not cut), the head's signature and the secretary's
/// certification. Legal paper, landscape, as the hall files it; A4 on request. Its fixed words follow the barangay's
/// report language (<see cref="PrintLanguage"/>).
/// </summary>
public static class HouseholdRecordPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    private static PrintColumn[] Columns(PrintLanguage l) =>
    [
        new("#", 0.3), new(l.Say("Last name"), 1.05), new(l.Say("First name"), 1.05), new(l.Say("Middle name"), 0.95), new(l.Say("Ext."), 0.35),
        new(l.Say("Place of birth"), 1.3), new(l.Say("Date of birth"), 0.8), new(l.Say("Age"), 0.35, Right: true), new(l.Say("Sex"), 0.55),
        new(l.Say("Civil status"), 0.7), new(l.Say("Citizenship"), 0.95), new(l.Say("Occupation"), 1.0), new(l.Say("Relation to head"), 0.9),
        new(l.Say("Sectors"), 1.55),
    ];

    public static byte[] Render(HouseholdRecord record, DateTime printedUtc, string? paper = PrintFrame.Legal)
    {
        var l = PrintLanguage.Of(record.Language);
        var title = l.Say("Record of Barangay Inhabitants by Household");
        using var w = new PrintWriter($"{title} {record.HouseholdId}", paper ?? PrintFrame.Legal, landscape: true, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, record.Region, record.Province, record.Municipality, record.BarangayName,
                title.ToUpper(l.Culture), l.Say("Household No. {0}", record.HouseholdId), language: l), language: l);
        w.Text(l.Say("Household No.: {0}  ·  Purok: {1}  ·  Address: {2}", record.HouseholdId, record.PurokLabel ?? "—", record.Address ?? "—"), w.Bold, 6);
        var n = 0;
        w.Table(null, Columns(l), record.Members.Select(m => ((IReadOnlyList<string>)
        [
            (++n).ToString(Ph), m.LastName, m.FirstName, m.MiddleName ?? "", m.Extension ?? "", m.PlaceOfBirth ?? "", m.Dob.ToString("MM/dd/yyyy", Ph),
            // Coded values (sex, civil status, relation) are worded in the report's language; what was typed prints as recorded.
            m.Age.ToString(Ph), l.Term(m.Sex ?? ""), l.Term(m.CivilStatus ?? ""), m.Citizenship ?? "", m.Occupation ?? "", l.Term(m.Relation ?? ""),
            string.Join(", ", m.Sectors.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(l.Term)),
        ], false)));
        w.Text(l.Say("Members: {0}  ·  Date prepared: {1}", record.Members.Count, l.Date(record.PreparedOn)));
        // Signatures: the head attests the entries, the secretary certifies them, side by side.
        w.Ensure(70);
        var y = w.Y;
        w.Signature(l.Say("Attested by:"), record.HeadName, l.Say("Head of household (signature over printed name)"), right: false);
        w.Y = y;
        w.Signature(l.CertifiedCorrect, record.SecretaryName, "Barangay Secretary");
        return w.Finish(printedUtc, record.HouseholdId);
    }
}
