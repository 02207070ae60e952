using Barangay.Data.Security;
using Barangay.Data.Settings;

namespace Barangay.Data.Seed;

/// <summary>The lookup values and settings of the demo barangay (a real deployment edits them on the settings pages).</summary>
internal static class DemoLookups
{
    public static readonly (string Code, string Label)[] Puroks =
    [
        ("purok-1", "Purok 1 - Sampaguita"), ("purok-2", "Purok 2 - Ilang-Ilang"), ("purok-3", "Purok 3 - Rosal"),
        ("purok-4", "Purok 4 - Dama de Noche"), ("purok-5", "Purok 5 - Kamia"), ("purok-6", "Purok 6 - Camia"),
        ("purok-7", "Purok 7 - Waling-Waling"),
    ];

    public static IEnumerable<LookupValue> All()
    {
        var order = 0;
        foreach (var (code, label) in Puroks) yield return V(LookupCategories.Purok, code, label, order++);
        order = 0;
        foreach (var (code, label, meta) in new[]
        {
            ("barangay-clearance", "Barangay Clearance", """{"category":"clearance","fee":100,"class":"simple","validity_days":180}"""),
            ("certificate-of-residency", "Certificate of Residency", """{"category":"certificate","fee":50,"class":"simple","validity_days":180}"""),
            ("certificate-of-indigency", "Certificate of Indigency", """{"category":"certificate","fee":0,"class":"simple","validity_days":90}"""),
            ("business-clearance", "Business Clearance", """{"category":"permit","fee":500,"class":"complex","validity_days":365}"""),
            ("good-moral", "Certificate of Good Moral Character", """{"category":"certificate","fee":50,"class":"simple","validity_days":180}"""),
            ("first-time-jobseeker", "First Time Jobseeker Certification", """{"category":"certificate","fee":0,"class":"simple","validity_days":365,"once_per_person":true}"""),
        })
            yield return V(LookupCategories.DocumentType, code, label, order++, meta);
        order = 0;
        foreach (var (code, label) in new[]
        {
            ("noise", "Noise disturbance"), ("garbage", "Garbage and sanitation"), ("boundary", "Boundary or land dispute"),
            ("debt", "Unpaid debt"), ("vawc", "Violence against women and children"), ("road", "Road and drainage"),
            ("animals", "Stray or nuisance animals"), ("other", "Other"),
        })
            yield return V(LookupCategories.ComplaintCategory, code, label, order++);
        order = 0;
        foreach (var (code, label) in new[]
        {
            ("health", "Health and medical mission"), ("assembly", "Barangay assembly"), ("sports", "Sports and youth"),
            ("cleanup", "Clean-up drive"), ("fiesta", "Fiesta and culture"), ("training", "Livelihood training"),
        })
            yield return V(LookupCategories.EventCategory, code, label, order++);
        order = 0;
        foreach (var p in OfficialPositions.All)
            yield return V(LookupCategories.OfficialPosition, p.ToLowerInvariant().Replace(' ', '-'), p, order++);
        order = 0;
        foreach (var r in new[] { "Head", "Spouse", "Son", "Daughter", "Parent", "Grandchild", "Sibling", "Relative", "Boarder" })
            yield return V(LookupCategories.Relation, r.ToLowerInvariant(), r, order++);
    }

    public static IEnumerable<AppSetting> Settings() =>
    [
        S(SettingKeys.BarangayName, "\"Barangay San Isidro\""),
        S(SettingKeys.Municipality, "\"Santa Maria\""),
        S(SettingKeys.Province, "\"Bulacan\""),
        S(SettingKeys.Region, "\"Region III (Central Luzon)\""),
        S(SettingKeys.PunongBarangay, "\"Hon. Ricardo M. Dela Cruz\""),
        S(SettingKeys.HallAddress, "\"Barangay Hall, Rizal St., San Isidro, Santa Maria, Bulacan\""),
        S(SettingKeys.OfficeHours, "\"Monday to Friday, 8:00 AM - 5:00 PM\""),
        S(SettingKeys.RegistrationReviewDays, "3"),
        S(SettingKeys.EmailSender, "\"no-reply@sanisidro.example\""),
        S(SettingKeys.UploadMaxMb, "10"),
        S(SettingKeys.Holidays, """[{"date":"2026-01-01","name":"New Year's Day"},{"date":"2026-04-02","name":"Maundy Thursday"},{"date":"2026-04-03","name":"Good Friday"},{"date":"2026-04-09","name":"Araw ng Kagitingan"},{"date":"2026-05-01","name":"Labor Day"},{"date":"2026-06-12","name":"Independence Day"},{"date":"2026-08-31","name":"National Heroes Day"},{"date":"2026-11-30","name":"Bonifacio Day"},{"date":"2026-12-25","name":"Christmas Day"},{"date":"2026-12-30","name":"Rizal Day"},{"date":"2027-01-01","name":"New Year's Day"}]"""),
        S(SettingKeys.PrivacyNotice, "\"Barangay San Isidro collects your personal information to keep the Records of Barangay Inhabitants and to serve your requests, as allowed by the Data Privacy Act of 2012 (RA 10173). Only authorized officials can see it.\""),
    ];

    private static LookupValue V(string category, string code, string label, int order, string? meta = null) =>
        new() { Category = category, Code = code, Label = label, SortOrder = order, Meta = meta };

    private static AppSetting S(string key, string json) => new() { Key = key, Value = json };
}
