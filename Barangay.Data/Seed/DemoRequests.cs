using Barangay.Data.Common;
using Barangay.Data.Documents;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Seed;

/// <summary>
/// Gives each seeded request what a real one carries: its type's terms (label, fee, working days), the history of
/// who reviewed, collected and approved it and when, the payment (an official receipt, or the waiver the law grants),
/// the RA 11032 clock (requirements complete, fee paid, deadline) and, once approved, its frozen certificate, so the
/// demo's ₱100 clearance shows its fee and an approved one prints.
/// </summary>
internal sealed class DemoRequests(Random rng, CertificateCodes? codes)
{
    public sealed record Staff(Guid SecretaryId, string SecretaryName, Guid TreasurerId, string TreasurerName, Guid KapitanId, string KapitanName);

    private int _or = 4100;

    public async Task CompleteAsync(BarangayDbContext db, IReadOnlyList<DocumentRequest> requests, Staff staff, Settings.WorkingDayClock clock, DateTime now, CancellationToken ct)
    {
        var types = (await db.LookupValues.AsNoTracking().Where(l => l.Category == Settings.LookupCategories.DocumentType).ToListAsync(ct))
            .ToDictionary(l => l.Code, l => DocumentType.Parse(l.Code, l.Label, l.Meta));
        var ids = requests.Select(r => r.ResidentId).Distinct().ToList();
        var residents = db.ChangeTracker.Entries<Resident>().Select(e => e.Entity).Where(r => ids.Contains(r.Id)).ToDictionary(r => r.Id);
        foreach (var missing in ids.Where(i => !residents.ContainsKey(i)).ToList())
            residents[missing] = await db.Residents.AsNoTracking().FirstAsync(r => r.Id == missing, ct);

        foreach (var row in requests)
        {
            var type = types[row.Type];
            var meta = new DocumentRequestMetadata
            {
                Purpose = Pick(["Employment", "Scholarship application", "Bank account opening", "Postal ID", "School requirement", "Loan application"]),
                TypeLabel = type.Label, Fee = type.Fee, WorkingDays = type.WorkingDays,
            };
            if (type.Code == "business-clearance")
                meta.Fields = new() { ["business_name"] = Pick(["Aling Nena's Sari-sari Store", "JR Vulcanizing Shop", "Kusina ni Mang Ben", "Santos Water Refilling"]), ["business_address"] = row.Purok + ", San Isidro" };
            meta.History.Add(new DocumentStatusEntry(DocumentRequestStatuses.Submitted, row.SubmittedAt, null, null, null));
            PaymentInfo? payment = type.IsFree && type.WaiverReason is { } free ? new PaymentInfo(0, null, row.SubmittedAt, null, null, true, free) : null;
            var at = row.SubmittedAt;
            DateTime Later(double minHours, double maxHours)
            {
                at = at.AddHours(minHours + rng.NextDouble() * (maxHours - minHours));
                return at < now ? at : now.AddMinutes(-rng.Next(5, 60));
            }

            var reached = Order(row.Status);
            if (reached >= 1)
            {
                var reviewed = Later(1, 20);
                meta.History.Add(new DocumentStatusEntry(DocumentRequestStatuses.Reviewed, reviewed, staff.SecretaryId, staff.SecretaryName, null, OfficialPositions.Secretary));
                meta.RequirementsCompleteAt = reviewed;
            }
            // Processing and later were paid; half the reviewed ones too (the rest wait at the treasurer's window, clock not started).
            if (!type.IsFree && (reached >= 2 || (row.Status == DocumentRequestStatuses.Reviewed && rng.NextDouble() < 0.5)))
            {
                var paid = Later(0.5, 6);
                payment = new PaymentInfo(type.Fee, $"OR-{_or++:D7}", paid, staff.TreasurerId, staff.TreasurerName, false, null);
                meta.History.Add(new DocumentStatusEntry("paid", paid, staff.TreasurerId, staff.TreasurerName, $"Paid ₱{type.Fee:N2}, OR {payment.OrNumber}", OfficialPositions.Treasurer));
            }
            row.DueAt = null;
            ServiceStandard.TryStart(row, meta, payment, clock);
            if (row.Status == DocumentRequestStatuses.Processing)
                meta.History.Add(new DocumentStatusEntry(DocumentRequestStatuses.Processing, Later(0.5, 8), staff.SecretaryId, staff.SecretaryName, null, OfficialPositions.Secretary));
            if (reached >= 3)
            {
                var approved = Later(2, 30);
                meta.History.Add(new DocumentStatusEntry(DocumentRequestStatuses.Approved, approved, staff.KapitanId, staff.KapitanName, null, OfficialPositions.PunongBarangay));
                row.ProcessedBy = staff.KapitanId;
                row.ProcessedAt = approved;
                meta.Certificate = await CertificateFactory.FreezeAsync(db, row, residents[row.ResidentId], meta, payment, codes?.Create(row.Id) ?? "", approved, ct);
            }
            if (row.Status == DocumentRequestStatuses.Released)
            {
                var released = Later(1, 48);
                meta.History.Add(new DocumentStatusEntry(DocumentRequestStatuses.Released, released, staff.SecretaryId, staff.SecretaryName, null, OfficialPositions.Secretary));
                row.ProcessedBy = staff.SecretaryId;
                row.ProcessedAt = released;
            }
            if (row.Status == DocumentRequestStatuses.Rejected)
            {
                meta.Reason = "The requirements submitted were incomplete: bring a valid ID with your address.";
                var rejected = Later(1, 20);
                meta.History.Add(new DocumentStatusEntry(DocumentRequestStatuses.Rejected, rejected, staff.SecretaryId, staff.SecretaryName, meta.Reason, OfficialPositions.Secretary));
                row.ProcessedBy = staff.SecretaryId;
                row.ProcessedAt = rejected;
            }
            row.PaymentInfo = payment?.ToJson();
            row.Metadata = meta.ToJson();
        }
    }

    /// <summary>0 submitted, 1 reviewed, 2 processing (paid), 3 approved, 4 released; rejected ones were reviewed first.</summary>
    private static int Order(string status) => status switch
    {
        DocumentRequestStatuses.Reviewed => 1,
        DocumentRequestStatuses.Processing => 2,
        DocumentRequestStatuses.Approved => 3,
        DocumentRequestStatuses.Released => 4,
        DocumentRequestStatuses.Rejected => 1,
        _ => 0,
    };

    private string Pick(string[] values) => values[rng.Next(values.Length)];
}
