using System.Runtime.CompilerServices;
using Barangay.Data.Common;
using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Exports;

/// <summary>A dataset as a header and a stream of rows, read without tracking and never held whole in memory.</summary>
public sealed record ExportTable(IReadOnlyList<string> Headers, IAsyncEnumerable<object?[]> Rows);

/// <summary>
/// What each dataset holds. Only what officials see on screen leaves the system: the national ID is stored masked,
/// and privacy-sensitive internals (search columns, privacy settings, photos) are not exported.
/// </summary>
public static class ExportDatasetSource
{
    public static ExportTable Open(BarangayDbContext db, string dataset, ExportFilters filters, DateOnly today) => dataset switch
    {
        ExportDatasets.Residents => new ExportTable(ResidentHeaders, Residents(db, filters, today)),
        ExportDatasets.Households => new ExportTable(HouseholdHeaders, Households(db, filters)),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };

    public static readonly IReadOnlyList<string> ResidentHeaders =
    [
        "Resident ID", "Last name", "First name", "Middle name", "Suffix", "Sex", "Birth date", "Age", "Civil status", "Citizenship",
        "Purok", "Address", "Contact number", "Email", "National ID (masked)", "Occupation", "Sectors", "Status", "Household ID",
    ];

    public static readonly IReadOnlyList<string> HouseholdHeaders = ["Household ID", "Head", "Purok", "Address", "Members"];

    private static async IAsyncEnumerable<object?[]> Residents(BarangayDbContext db, ExportFilters f, DateOnly today, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var q = db.Residents.AsNoTracking();
        if (f.Purok is { } purok) q = q.Where(r => r.Purok == purok);
        if (f.Status is { } status) q = q.Where(r => r.RegistrationStatus == status);
        // A LEFT JOIN for the household code: a correlated subquery would cost one index lookup per resident.
        var rows = (from r in q
                    join h in db.Households on r.HouseholdId equals h.Id into hs
                    from h in hs.DefaultIfEmpty()
                    select new
                    {
                        r.ResidentId, r.LastName, r.FirstName, r.MiddleName, r.NameExtension, r.Sex, r.Dob, r.MaritalStatus, r.Citizenship, r.Purok,
                        r.Address, r.ContactNumber, r.Email, r.NationalIdMasked, r.Occupation, r.IsPwd, r.IsSoloParent, r.IsFourPs, r.IsIndigenous,
                        r.IsOutOfSchoolYouth, r.IsOfw, r.IsRegisteredVoter, r.IsEmployed, r.DisabilityType, r.RegistrationStatus,
                        Household = h == null ? null : h.HouseholdId,
                        SortId = r.Id,
                    }).OrderBy(x => x.LastName).ThenBy(x => x.FirstName).ThenBy(x => x.SortId).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
        {
            var age = Ages.On(r.Dob, today);
            var sectors = ResidentSectors.Describe(age, r.IsPwd, r.DisabilityType, r.IsSoloParent, r.IsFourPs, r.IsIndigenous, r.IsOutOfSchoolYouth,
                r.IsOfw, r.IsRegisteredVoter, r.IsEmployed, separator: "; ");
            yield return
            [
                r.ResidentId, r.LastName, r.FirstName, r.MiddleName, r.NameExtension, r.Sex, r.Dob, age, r.MaritalStatus,
                r.Citizenship, r.Purok, r.Address, r.ContactNumber, r.Email, r.NationalIdMasked, r.Occupation, sectors,
                r.RegistrationStatus, r.Household,
            ];
        }
    }

    private static async IAsyncEnumerable<object?[]> Households(BarangayDbContext db, ExportFilters f, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var q = db.Households.AsNoTracking();
        if (f.Purok is { } purok) q = q.Where(h => h.Purok == purok);
        var rows = q.OrderBy(h => h.HouseholdId).Select(h => new
        {
            h.HouseholdId,
            Head = db.Residents.Where(r => r.Id == h.HeadResidentId).Select(r => r.LastName + ", " + r.FirstName).FirstOrDefault(),
            h.Purok, h.Address,
            Members = db.HouseholdMembers.Count(m => m.HouseholdId == h.Id),
        }).AsAsyncEnumerable();
        await foreach (var h in rows.WithCancellation(ct))
            yield return [h.HouseholdId, h.Head, h.Purok, h.Address, h.Members];
    }
}
