using Barangay.Data.Reports;

namespace Barangay.Data.Documents;

/// <summary>
/// The Citizen's Charter as an A3 poster for the hall's entrance (RA 11032 §6: posted at the main entrance or the most
/// conspicuous place): the shared header, then every service with its classification, processing time, fees, who may
/// avail, the requirements and where to get them, and the steps with the person responsible. Its fixed words follow the
/// barangay's report language (<see cref="PrintLanguage"/>, from the profile), as <see cref="CitizensCharterService.PosterAsync"/> words the services.
/// </summary>
public static class CharterPdf
{
    public static byte[] Render(CitizensCharter charter, DateTime printedUtc)
    {
        var p = charter.Profile;
        var l = PrintLanguage.Of(p.ReportLanguage);
        using var w = new PrintWriter(l.Say("Citizen's Charter"), PrintFrame.A3, landscape: false, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, p.Region, p.Province, p.Municipality, p.Name, l.Say("Citizen's Charter").ToUpper(l.Culture),
                l.Say("Frontline services: barangay certificates, clearances and permits (Republic Act No. 11032)"), language: l), fontSize: 10.5, language: l);
        w.Text(l.Say("Office hours: {0}. Address: {1}. Head of office: {2}.",
            string.IsNullOrWhiteSpace(p.OfficeHours) ? l.Say("Monday to Friday, 8:00 AM to 5:00 PM") : p.OfficeHours,
            string.IsNullOrWhiteSpace(p.HallAddress) ? l.Say("the barangay hall") : p.HallAddress, charter.PunongBarangay), w.Bold, 10);
        var n = 0;
        foreach (var s in charter.Services)
        {
            w.Ensure(160);
            w.Text($"{++n}. {s.Name}", w.Heading, 2);
            w.Text(l.Say("Classification: {0}   ·   Processing time: {1} working days   ·   Fees: {2}", s.Classification, s.WorkingDays, s.Fees));
            w.Text(l.Say("Who may avail: {0}", s.WhoMayAvail), null, 4);
            w.Table(null, [new PrintColumn(l.Say("Checklist of requirements"), 1.2), new PrintColumn(l.Say("Where to secure"), 1.8)],
                (s.Requirements.Count == 0 ? [new CharterRequirement(l.Say("None besides the request"), "—")] : s.Requirements)
                    .Select(r => ((IReadOnlyList<string>)[r.What, r.WhereToGet], false)));
            w.Table(null, [new PrintColumn(l.Say("Steps"), 2.2), new PrintColumn(l.Say("Person responsible"), 1.2), new PrintColumn(l.Say("Time"), 0.6)],
                s.Steps.Select(x => ((IReadOnlyList<string>)[x.Step, x.Responsible, x.Time], false)));
        }
        w.Text(l.Say("If the hall does not act within the processing time, tell the Punong Barangay. Under RA 11032 §10 a request with complete requirements and fees paid that is not acted on in time is deemed approved. Complaints: the public assistance desk at the hall, or the Anti-Red Tape Authority (ARTA)."), w.Bold, 6);
        return w.Finish(printedUtc);
    }
}
