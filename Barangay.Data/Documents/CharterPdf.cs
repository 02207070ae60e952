using Barangay.Data.Reports;

namespace Barangay.Data.Documents;

/// <summary>
/// The Citizen's Charter as an A3 poster for the hall's entrance (RA 11032 §6: posted at the main entrance or the most
/// conspicuous place): the shared header, then every service with its classification, processing time, fees, who may
/// avail, the requirements and where to get them, and the steps with the person responsible.
/// </summary>
public static class CharterPdf
{
    public static byte[] Render(CitizensCharter charter, DateTime printedUtc)
    {
        var p = charter.Profile;
        using var w = new PrintWriter("Citizen's Charter", PrintFrame.A3, landscape: false, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, p.Region, p.Province, p.Municipality, p.Name, "CITIZEN'S CHARTER",
                "Frontline services: barangay certificates, clearances and permits (Republic Act No. 11032)"), fontSize: 10.5);
        w.Text($"Office hours: {(string.IsNullOrWhiteSpace(p.OfficeHours) ? "Monday to Friday, 8:00 AM to 5:00 PM" : p.OfficeHours)}. "
            + $"Address: {(string.IsNullOrWhiteSpace(p.HallAddress) ? "the barangay hall" : p.HallAddress)}. Head of office: {charter.PunongBarangay}.", w.Bold, 10);
        var n = 0;
        foreach (var s in charter.Services)
        {
            w.Ensure(160);
            w.Text($"{++n}. {s.Name}", w.Heading, 2);
            w.Text($"Classification: {s.Classification}   ·   Processing time: {s.WorkingDays} working days   ·   Fees: {s.Fees}");
            w.Text($"Who may avail: {s.WhoMayAvail}", null, 4);
            w.Table(null, [new PrintColumn("Checklist of requirements", 1.2), new PrintColumn("Where to secure", 1.8)],
                (s.Requirements.Count == 0 ? [new CharterRequirement("None besides the request", "—")] : s.Requirements)
                    .Select(r => ((IReadOnlyList<string>)[r.What, r.WhereToGet], false)));
            w.Table(null, [new PrintColumn("Steps", 2.2), new PrintColumn("Person responsible", 1.2), new PrintColumn("Time", 0.6)],
                s.Steps.Select(x => ((IReadOnlyList<string>)[x.Step, x.Responsible, x.Time], false)));
        }
        w.Text("If the hall does not act within the processing time, tell the Punong Barangay. Under RA 11032 §10 a request with complete requirements and fees paid "
            + "that is not acted on in time is deemed approved. Complaints: the public assistance desk at the hall, or the Anti-Red Tape Authority (ARTA).", w.Bold, 6);
        return w.Finish(printedUtc);
    }
}
