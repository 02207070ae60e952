using Barangay.Data;
using Barangay.Data.Documents;
using Barangay.Data.Residents;

namespace Barangay.Tests.Data.Dashboard;

/// <summary>
/// Requests around April 2026 for the issuance report, counted by hand in <see cref="ReportServiceTests"/>. Times are
/// Manila; no holidays are set, so working days are Monday to Friday.
/// </summary>
public static class IssuanceFixture
{
    public static async Task SeedAsync(BarangayDbContext db, Guid residentId)
    {
        const string clearance = "Barangay Clearance", residency = "Certificate of Residency";
        db.DocumentRequests.AddRange(
            // I1: Mon 6 Apr 9:00 → approved Wed 8 Apr (2 working days, due Thu 9 Apr: within), released 9 Apr; OR ₱50 on 6 Apr.
            Request("ISS-1", residentId, clearance, 50, DocumentRequestStatuses.Released, M(4, 6, 9), approved: M(4, 8, 10), processed: M(4, 9, 9), due: M(4, 9, 9),
                paid: (M(4, 6, 10), false)),
            // I2: Fri 10 Apr 16:00 → approved Fri 17 Apr (5 working days, due Wed 15 Apr: late); OR ₱50 on 10 Apr.
            Request("ISS-2", residentId, clearance, 50, DocumentRequestStatuses.Approved, M(4, 10, 16), approved: M(4, 17, 9), processed: M(4, 17, 9), due: M(4, 15, 16),
                paid: (M(4, 10, 16), false)),
            // I3: filed 20 Apr, waiting.
            Request("ISS-3", residentId, clearance, 50, DocumentRequestStatuses.Submitted, M(4, 20, 9), due: M(4, 23, 9)),
            // I4: filed 21 Apr, rejected 22 Apr.
            Request("ISS-4", residentId, clearance, 50, DocumentRequestStatuses.Rejected, M(4, 21, 9), processed: M(4, 22, 9), due: M(4, 24, 9)),
            // I5: free residency certificate, Mon 13 Apr 8:30 → approved the same day (0 working days; no due date: within 3), released 14 Apr.
            Request("ISS-5", residentId, residency, 0, DocumentRequestStatuses.Released, M(4, 13, 8), approved: M(4, 13, 15), processed: M(4, 14, 9)),
            // I6: filed Mon 30 Mar (before April), fee waived and approved Wed 1 Apr (2 working days, due Thu 2 Apr: within).
            Request("ISS-6", residentId, clearance, 50, DocumentRequestStatuses.Approved, M(3, 30, 9), approved: M(4, 1, 10), processed: M(4, 1, 10), due: M(4, 2, 9),
                paid: (M(4, 1, 9), true)),
            // I7: all in March: not in April's report at all.
            Request("ISS-7", residentId, clearance, 50, DocumentRequestStatuses.Released, M(3, 2, 9), approved: M(3, 3, 9), processed: M(3, 5, 9), due: M(3, 5, 9),
                paid: (M(3, 2, 9), false)));
        await db.SaveChangesAsync();
    }

    /// <summary>A Manila time in 2026 as UTC.</summary>
    private static DateTime M(int month, int day, int hour) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    private static DocumentRequest Request(string code, Guid residentId, string label, decimal fee, string status, DateTime submitted,
        DateTime? approved = null, DateTime? processed = null, DateTime? due = null, (DateTime At, bool Waived)? paid = null)
    {
        var meta = new DocumentRequestMetadata { Purpose = "Fixture", TypeLabel = label, Fee = fee, WorkingDays = 3 };
        meta.History.Add(new DocumentStatusEntry(DocumentRequestStatuses.Submitted, submitted, null, null, null));
        if (approved is { } a) meta.History.Add(new DocumentStatusEntry(DocumentRequestStatuses.Approved, a, null, "Secretary", null));
        if (processed is { } p && status != DocumentRequestStatuses.Approved) meta.History.Add(new DocumentStatusEntry(status, p, null, "Secretary", null));
        var payment = paid is { } pay
            ? new PaymentInfo(pay.Waived ? 0 : fee, pay.Waived ? null : "OR-" + code, pay.At, null, "Treasurer", pay.Waived, pay.Waived ? "Indigent" : null).ToJson()
            : null;
        return new DocumentRequest
        {
            Id = Guid.NewGuid(), RequestId = "REQ-" + code, ResidentId = residentId, Type = label == "Barangay Clearance" ? "barangay-clearance" : "residency",
            Status = status, SubmittedAt = submitted, ProcessedAt = processed, DueAt = due, Metadata = meta.ToJson(), PaymentInfo = payment,
            Purok = HallFixture.PurokA, Version = Guid.NewGuid(),
        };
    }
}
