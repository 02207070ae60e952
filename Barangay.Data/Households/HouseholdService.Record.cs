using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Households;

/// <summary>One member's line on the printed household record (the DILG RBI household form).</summary>
public sealed record HouseholdRecordMember(string LastName, string FirstName, string? MiddleName, string? Extension, string? PlaceOfBirth,
    DateOnly Dob, int Age, string? Sex, string? CivilStatus, string? Citizenship, string? Occupation, string? Relation, string Sectors);

public sealed record HouseholdRecord(string BarangayName, string Municipality, string Province, string HouseholdId, string? PurokLabel,
    string? Address, string? HeadName, string? SecretaryName, DateOnly PreparedOn, IReadOnlyList<HouseholdRecordMember> Members)
{
    /// <summary>The region, for the shared report header.</summary>
    public string Region { get; init; } = "";

    /// <summary>The language of the printed record's fixed words (<see cref="Reports.PrintLanguage"/>: the barangay's report language).</summary>
    public string Language { get; init; } = Localization.AppLanguages.English;
}

public sealed partial class HouseholdService
{
    /// <summary>The household and every member with the RBI form's columns, for printing; each print is audited.</summary>
    public async Task<HouseholdRecord?> RecordAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Households.View)) return null;
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return null;
        var today = TimeZones.ManilaToday(clock);
        var members = await (from m in db.HouseholdMembers.AsNoTracking()
                             join r in db.Residents.AsNoTracking() on m.ResidentId equals r.Id
                             where m.HouseholdId == id
                             select new { r.Id, m.Relation, Resident = r }).ToListAsync(ct);
        var settings = await db.AppSettings.AsNoTracking()
            .Where(s => s.Key == SettingKeys.BarangayName || s.Key == SettingKeys.Municipality || s.Key == SettingKeys.Province || s.Key == SettingKeys.Region
                || s.Key == SettingKeys.ReportLanguage)
            .ToDictionaryAsync(s => s.Key, s => SettingJson.ReadText(s.Value), ct);
        var purokLabel = await PurokLabelAsync(db, h.Purok, ct);
        var secretary = await db.Officials.AsNoTracking()
            .Where(o => o.Position == OfficialPositions.Secretary && o.Status == Officials.OfficialStatuses.Active).Select(o => o.FullName).FirstOrDefaultAsync(ct);

        var lines = members
            .OrderByDescending(m => m.Id == h.HeadResidentId).ThenBy(m => m.Resident.Dob)
            .Select(m => Line(m.Resident, m.Id == h.HeadResidentId ? HeadRelation : m.Relation, today)).ToList();
        var head = members.FirstOrDefault(m => m.Id == h.HeadResidentId)?.Resident;
        db.Record(AuditActions.View, "Household", h.Id.ToString(), new { printed = "household record", household_id = h.HouseholdId, members = lines.Count });
        await db.SaveChangesAsync(ct);
        return new HouseholdRecord(settings.GetValueOrDefault(SettingKeys.BarangayName) ?? "", settings.GetValueOrDefault(SettingKeys.Municipality) ?? "",
            settings.GetValueOrDefault(SettingKeys.Province) ?? "", h.HouseholdId, purokLabel ?? h.Purok, h.Address,
            head is null ? null : $"{head.FirstName} {head.MiddleName} {head.LastName} {head.NameExtension}".Replace("  ", " ").Trim(),
            secretary, today, lines) {
                Region = settings.GetValueOrDefault(SettingKeys.Region) ?? "",
                Language = Reports.PrintLanguage.Of(settings.GetValueOrDefault(SettingKeys.ReportLanguage)).Code,
            };
    }

    private static HouseholdRecordMember Line(Resident r, string? relation, DateOnly today)
    {
        var age = Ages.On(r.Dob, today);
        return new HouseholdRecordMember(r.LastName, r.FirstName, r.MiddleName, r.NameExtension, r.PlaceOfBirth, r.Dob, age, r.Sex, r.MaritalStatus,
            r.Citizenship, r.Occupation, relation, ResidentSectors.Describe(age, r.IsPwd, r.DisabilityType, r.IsSoloParent, r.IsFourPs, r.IsIndigenous,
                r.IsOutOfSchoolYouth, r.IsOfw, r.IsRegisteredVoter, r.IsEmployed));
    }
}
