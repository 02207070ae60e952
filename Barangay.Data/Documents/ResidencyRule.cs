using Barangay.Data.Residents;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>
/// A type with <c>min_residence_months</c> (the First Time Jobseeker certification: six) is approved only when the
/// register says the holder has lived in the barangay that long: the "Living in the barangay since" date officials
/// record on the resident's record (<see cref="Resident.ResidentSince"/>), never a date the applicant types (issue 22).
/// Basis: RA 11261 (First Time Jobseekers Assistance Act) and its IRR — the barangay certifies a first time jobseeker
/// who has been a resident of the barangay for at least six (6) months (CSC RO V and DOLE CAR summaries of the IRR,
/// https://ro5.csc.gov.ph/news_releases/954-first-time-jobseekers-assistance-act, https://car.dole.gov.ph/news/first-time-jobseekers-act/).
/// </summary>
internal static class ResidencyRule
{
    public static async Task<string?> RefusalAsync(BarangayDbContext db, string typeCode, Resident resident, DateOnly today, CancellationToken ct)
    {
        var row = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType && l.Code == typeCode)
            .Select(l => new { l.Code, l.Label, l.Meta }).FirstOrDefaultAsync(ct);
        return row is null ? null : Refusal(DocumentType.Parse(row.Code, row.Label, row.Meta), resident, today);
    }

    public static string? Refusal(DocumentType type, Resident resident, DateOnly today)
    {
        var months = type.MinResidenceMonths;
        if (months <= 0) return null;
        var name = DocumentRequestService.Name(resident);
        if (resident.ResidentSince is not { } since)
            return $"{type.Label} needs at least {months} months' residence in the barangay. Record on {name}'s resident record since when they have lived in the barangay (\"Living in the barangay since\"), then approve.";
        var eligible = since.AddMonths(months);
        return eligible > today
            ? $"{type.Label} needs at least {months} months' residence in the barangay: the register says {name} has lived here since {since:MMMM d, yyyy}, so not before {eligible:MMMM d, yyyy}."
            : null;
    }
}
