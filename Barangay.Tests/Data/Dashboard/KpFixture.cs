using Barangay.Data;
using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;

namespace Barangay.Tests.Data.Dashboard;

/// <summary>
/// KP cases around the second quarter of 2026 for the complaints and KP report, counted by hand in
/// <see cref="ReportServiceTests"/> (whose clock says 1 July 2026, 8:00 in Manila). Times are Manila.
/// Q2 by line: settled in mediation 2 (K1 10 days, K2 5.5 days), in conciliation 1 (K3 30 days), award 1 (K4 7 days),
/// certificate 2 (K5, K6), repudiated 1 (K7), failed 1 (K8), pending mediation 2 (K9, K10), pending conciliation 2
/// (K11, K14), dismissed 1 (K12): 13 cases; settled 3, average (10 + 5.5 + 30) / 3 days; past a deadline 2 (K9, K11).
/// K13 was filed in January: in no Q2 line. Nature: K1, K5, K9, K12 criminal; K2, K3, K7, K11 civil; the rest others.
/// </summary>
public static class KpFixture
{
    public static async Task SeedAsync(BarangayDbContext db, Guid complainant)
    {
        const string resolved = ComplaintStatuses.Resolved, open = ComplaintStatuses.InProgress;
        Add(db, complainant, "K1", resolved, M(4, 1, 9), k => Settle(k, KpStages.Settled, M(4, 11, 9)));
        Add(db, complainant, "K2", resolved, M(4, 10, 9), k => Settle(k, KpStages.Settled, M(4, 15, 21)));
        Add(db, complainant, "K3", resolved, M(4, 2, 9), k =>
        {
            FailMediation(k, M(4, 20, 9));
            Settle(k, KpStages.Settled, M(5, 2, 9));
        });
        Add(db, complainant, "K4", resolved, M(4, 5, 9), k => Settle(k, KpStages.Arbitrated, M(4, 12, 9)));
        // K5: conciliation failed, certificate issued; K6: settlement repudiated, certificate issued.
        Add(db, complainant, "K5", resolved, M(4, 6, 9), k =>
        {
            FailMediation(k, M(4, 25, 9));
            (k.Stage, k.Outcome, k.OutcomeAt, k.CertificateIssuedAt) = (KpStages.Failed, KpOutcomes.Failure, M(5, 20, 9), M(5, 30, 9));
        });
        Add(db, complainant, "K6", resolved, M(4, 7, 9), k =>
        {
            Settle(k, KpStages.Settled, M(4, 17, 9));
            (k.Stage, k.RepudiatedAt, k.CertificateIssuedAt) = (KpStages.Repudiated, M(4, 20, 9), M(4, 22, 9));
        });
        Add(db, complainant, "K7", resolved, M(5, 4, 9), k =>
        {
            Settle(k, KpStages.Settled, M(5, 14, 9));
            (k.Stage, k.RepudiatedAt) = (KpStages.Repudiated, M(5, 18, 9));
        });
        Add(db, complainant, "K8", open, M(5, 5, 9), k =>
        {
            FailMediation(k, M(5, 20, 9));
            (k.Stage, k.Outcome, k.OutcomeAt) = (KpStages.Failed, KpOutcomes.Failure, M(6, 20, 9));
        });
        // K9: summons due 30 June and never issued: past a deadline. K10: mediation runs to 14 July.
        Add(db, complainant, "K9", open, M(6, 29, 9), k => (k.SummonsDueAt, k.SummonsIssuedAt) = (M(6, 30, 9), null));
        Add(db, complainant, "K10", open, M(6, 28, 9), k => (k.MediationStartedAt, k.MediationDueAt) = (M(6, 29, 14), M(7, 14, 14)));
        // K11: the Pangkat's 15 days ended 25 June: past a deadline. K14: the Pangkat is due by 2 July.
        Add(db, complainant, "K11", open, M(5, 20, 9), k =>
        {
            FailMediation(k, M(6, 5, 9));
            (k.PangkatConstitutedAt, k.ConciliationDueAt) = (M(6, 10, 9), M(6, 25, 9));
        });
        Add(db, complainant, "K14", open, M(6, 1, 9), k => FailMediation(k, M(6, 29, 9)));
        // K12: still in mediation with its summons overdue, but the hall rejected the complaint: dismissed, not past a deadline.
        Add(db, complainant, "K12", ComplaintStatuses.Rejected, M(4, 15, 9), k => k.SummonsIssuedAt = null);
        Add(db, complainant, "K13", resolved, M(1, 20, 9), k => Settle(k, KpStages.Settled, M(1, 25, 9)));
        await db.SaveChangesAsync();
    }

    /// <summary>A Manila time in 2026 as UTC.</summary>
    private static DateTime M(int month, int day, int hour) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    private static void Settle(KpCase k, string stage, DateTime at)
    {
        k.Stage = stage;
        k.Outcome = stage == KpStages.Arbitrated ? KpOutcomes.Award : KpOutcomes.Settlement;
        k.OutcomeAt = at;
        k.RepudiationDueAt = at.AddDays(KpDeadlines.RepudiationDays);
    }

    private static void FailMediation(KpCase k, DateTime at)
    {
        k.Stage = KpStages.Conciliation;
        k.MediationFailedAt = at;
        k.PangkatDueAt = at.AddDays(KpDeadlines.PangkatConveneDays);
    }

    /// <summary>A complaint reported an hour before its case was filed, and the case (summons issued the next day unless <paramref name="shape"/> says otherwise).</summary>
    private static void Add(BarangayDbContext db, Guid complainant, string code, string complaintStatus, DateTime filed, Action<KpCase> shape)
    {
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(), ComplaintId = "CMP-KP-" + code, ResidentId = complainant, Category = "fx-noise", Subject = code + " dispute",
            Description = "Fixture dispute between neighbours.", Status = complaintStatus, ReportedAt = filed.AddHours(-1), Purok = HallFixture.PurokA,
            ResolvedAt = complaintStatus == ComplaintStatuses.Resolved ? filed.AddDays(10) : null,
            Version = Guid.NewGuid(),
        };
        var kp = new KpCase
        {
            Id = Guid.NewGuid(), ComplaintId = complaint.Id, CaseNo = "KP-FX-" + code, Stage = KpStages.Mediation, FiledAt = filed,
            SummonsDueAt = filed.AddDays(1), SummonsIssuedAt = filed.AddDays(1), Version = Guid.NewGuid(),
        };
        shape(kp);
        kp.Nature = code is "K1" or "K5" or "K9" or "K12" ? KpNatures.Criminal : code is "K2" or "K3" or "K7" or "K11" ? KpNatures.Civil : KpNatures.Others;
        db.Complaints.Add(complaint);
        db.Set<KpCase>().Add(kp);
    }
}
