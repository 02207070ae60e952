using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints.Kp;

public sealed partial class KpService
{
    public const string PrintAction = "Print";

    /// <summary>
    /// A printable form of the case as a PDF (with its file name), or null when the caller may not see the case or the
    /// form does not exist yet: the summons once issued, the settlement or award once recorded, the Certificate to File
    /// Action once conciliation failed or the settlement was repudiated (the first print issues it). Every print is audited.
    /// </summary>
    public async Task<(byte[] Pdf, string FileName)?> PrintAsync(Guid id, KpForm form, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var kp = await db.Set<KpCase>().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (kp is null) return null;
        var complaint = await db.Complaints.FirstAsync(c => c.Id == kp.ComplaintId, ct);
        if (!ComplaintService.HallMaySee(caller, complaint.Confidential, complaint.AssignedTo)) return null;
        var available = form switch
        {
            KpForm.Summons => kp.SummonsIssuedAt is not null,
            KpForm.Settlement => kp.Outcome is KpOutcomes.Settlement or KpOutcomes.Award,
            KpForm.CertificateToFileAction => kp.Stage is KpStages.Failed or KpStages.Repudiated,
            _ => false,
        };
        if (!available) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (form == KpForm.CertificateToFileAction && kp.CertificateIssuedAt is null)
        {
            kp.CertificateIssuedAt = now;
            await ResolveComplaintAsync(db, complaint, caller, $"Certificate to File Action issued in KP case {kp.CaseNo}: the parties may go to court.", now, ct);
        }
        db.Record(PrintAction, TargetType, kp.Id.ToString(), new { case_no = kp.CaseNo, form = form.ToString() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
        var data = await FormAsync(db, kp, complaint, form, ct);
        return (KpPdf.Render(data), $"{kp.CaseNo}-{form}.pdf");
    }

    private static async Task<KpFormData> FormAsync(BarangayDbContext db, KpCase kp, Complaints.Complaint complaint, KpForm form, CancellationToken ct)
    {
        var keys = new[] { SettingKeys.BarangayName, SettingKeys.Municipality, SettingKeys.Province, SettingKeys.Region, SettingKeys.PunongBarangay, SettingKeys.HallAddress };
        var settings = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => Text(s.Value), ct);
        string S(string k) => settings.GetValueOrDefault(k) ?? "";
        var barangay = S(SettingKeys.BarangayName) is { Length: > 0 } b ? b : "Barangay";
        var locality = string.Join(", ", new[] { S(SettingKeys.Municipality), S(SettingKeys.Province) }.Where(x => x.Length > 0));
        var captain = S(SettingKeys.PunongBarangay) is { Length: > 0 } pb ? pb : "Punong Barangay";
        var resident = complaint.ResidentId is { } rid ? await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        var complainant = resident is null ? complaint.ComplainantName ?? "" : ComplaintService.Name(resident);
        var respondents = Respondents(kp);
        var names = respondents.Select(r => r.Name).ToList();
        var caseTitle = complaint.Subject ?? "Complaint " + complaint.ComplaintId;
        var hall = S(SettingKeys.HallAddress) is { Length: > 0 } h ? h : "the Barangay Hall";
        var members = kp.PangkatMembers is null ? [] : JsonSerializer.Deserialize<List<string>>(kp.PangkatMembers) ?? [];
        var (title, paragraphs, signatures) = form switch
        {
            KpForm.Summons => ("Summons",
                new List<string>
                {
                    "TO: " + string.Join("; ", respondents.Select(r => r.Address is null ? r.Name : $"{r.Name}, {r.Address}")),
                    $"You are hereby summoned to appear before me in person, together with your witnesses, at {hall}, to answer the complaint made before me, copy of which is attached hereto, for mediation/conciliation of your dispute with the complainant, {complainant}, on a date and time to be set by this Office, not later than fifteen (15) days from receipt hereof.",
                    "You are hereby warned that if you refuse or willfully fail to appear in obedience to this summons, you shall be barred from filing any counterclaim arising from said complaint.",
                    "FAIL NOT or else face punishment as for contempt of court.",
                },
                new List<(string, string)> { (captain, "Punong Barangay / Lupon Chairman") }),
            KpForm.Settlement => (kp.Outcome == KpOutcomes.Award ? "Arbitration Award" : "Amicable Settlement",
                new List<string>
                {
                    kp.Outcome == KpOutcomes.Award
                        ? "After hearing the parties and their witnesses, and the parties having agreed in writing to abide by the arbitration, the following award is rendered:"
                        : "We, complainant/s and respondent/s in the above-captioned case, do hereby agree to settle our dispute as follows:",
                    kp.OutcomeTerms ?? "",
                    kp.Outcome == KpOutcomes.Award
                        ? "This award shall have the force and effect of a final judgment of a court upon the expiration of ten (10) days from its date, unless repudiated within that time."
                        : "and bind ourselves to comply honestly and faithfully with the above terms of settlement. This settlement may be repudiated within ten (10) days from today on the ground of fraud, violence or intimidation.",
                },
                new List<(string, string)> { (complainant, "Complainant") }.Concat(names.Select(n => (n, "Respondent")))
                    .Append((captain, kp.Stage == KpStages.Conciliation || members.Count > 0 ? "Attested: Pangkat Chairman / Lupon Chairman" : "Attested: Punong Barangay / Lupon Chairman")).ToList()),
            _ => ("Certificate to File Action",
                new List<string>
                {
                    "This is to certify that:",
                    $"1. There was a personal confrontation between the parties before the Punong Barangay on the complaint filed on {ComplaintService.Format(kp.FiledAt)}, but mediation failed;",
                    kp.Stage == KpStages.Repudiated
                        ? $"2. A settlement was reached, but it was repudiated on {ComplaintService.Format(kp.RepudiatedAt!.Value)} on the ground: {kp.RepudiationReason?.TrimEnd('.', ';', ' ')};"
                        : $"2. The Pangkat ng Tagapagkasundo was constituted, but the personal confrontation between the parties before the Pangkat likewise did not result in a settlement{(kp.OutcomeTerms is null ? "" : ": " + kp.OutcomeTerms.TrimEnd('.', ';', ' '))};",
                    "3. Therefore, the corresponding complaint for the dispute may now be filed in court or before the government office concerned.",
                },
                members.Count > 0
                    ? new List<(string, string)> { (members[0], "Pangkat Secretary"), (captain, "Attested: Lupon Chairman") }
                    : new List<(string, string)> { (captain, "Lupon Chairman") }),
        };
        var issued = form switch
        {
            KpForm.Summons => kp.SummonsIssuedAt!.Value,
            KpForm.Settlement => kp.OutcomeAt!.Value,
            _ => kp.CertificateIssuedAt ?? Common.ContextClock.UtcNow(db),
        };
        return new KpFormData(barangay, locality, S(SettingKeys.Region), kp.CaseNo, complainant, names, caseTitle, title, paragraphs, signatures, issued);
    }

    private static string Text(string? json)
    {
        try
        {
            if (json is null) return "";
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString() ?? "" : doc.RootElement.ToString();
        }
        catch (JsonException)
        {
            return json ?? "";
        }
    }
}
