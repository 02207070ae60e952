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

    /// <summary>
    /// The common documents, with what each asks for and the wording of its certificate. First Time Jobseeker
    /// Certification follows RA 11261: free, once per person, six months' residence and an oath of undertaking.
    /// </summary>
    public static readonly (string Code, string Label, string Meta)[] DocumentTypes =
    [
        ("barangay-clearance", "Barangay Clearance",
            """{"category":"clearance","needs_ctc":true,"id_photo":true,"fee":100,"class":"simple","validity_days":180,"requirements":["Valid ID","Community Tax Certificate (cedula)"],"template":"This is to certify that {name}, {age} years old, {civil_status}, a resident of {address}, {barangay}, {locality}, is known to be of good standing in this community and has no derogatory record filed in this office as of this date. This clearance is issued upon request for {purpose}.","template_fil":"Ito ay nagpapatunay na si {name}, {age} taong gulang, {civil_status}, naninirahan sa {address}, {barangay}, {locality}, ay kilalang may mabuting katayuan sa pamayanang ito at walang nakatalang reklamo o kaso laban sa kanya sa tanggapang ito hanggang sa petsang ito. Ang clearance na ito ay ibinibigay sa kanyang kahilingan para sa {purpose}."}"""),
        ("certificate-of-residency", "Certificate of Residency",
            """{"category":"certificate","fee":50,"class":"simple","validity_days":180,"requirements":["Valid ID or proof of address"],"template":"This is to certify that {name}, {age} years old, {civil_status}, is a bona fide resident of {address}, {barangay}, {locality}. This certification is issued upon request for {purpose}.","template_fil":"Ito ay nagpapatunay na si {name}, {age} taong gulang, {civil_status}, ay tunay na naninirahan sa {address}, {barangay}, {locality}. Ang katibayang ito ay ibinibigay sa kanyang kahilingan para sa {purpose}."}"""),
        ("certificate-of-indigency", "Certificate of Indigency",
            """{"category":"certificate","fee":0,"class":"simple","validity_days":90,"waiver_reason":"Indigent: issued free of charge","requirements":["Valid ID"],"template":"This is to certify that {name}, {age} years old, {civil_status}, a resident of {address}, {barangay}, {locality}, belongs to an indigent family of this barangay. This certification is issued upon request for {purpose}.","template_fil":"Ito ay nagpapatunay na si {name}, {age} taong gulang, {civil_status}, naninirahan sa {address}, {barangay}, {locality}, ay kabilang sa isang mahirap na pamilya (indigent) ng barangay na ito. Ang katibayang ito ay ibinibigay sa kanyang kahilingan para sa {purpose}."}"""),
        ("business-clearance", "Business Clearance",
            """{"category":"permit","needs_ctc":true,"fee":500,"class":"complex","validity_days":365,"fields":[{"key":"business_name","label":"Business name"},{"key":"business_address","label":"Business address"},{"key":"business_nature","label":"Nature of business","required":false}],"requirements":["DTI or SEC registration","Contract of lease or proof of ownership of the place","Community Tax Certificate (cedula)"],"template":"This is to certify that {name}, a resident of {address}, {barangay}, {locality}, is granted clearance to operate the business {business_name} located at {business_address}, having complied with the requirements of this barangay. This clearance is issued for {purpose}.","template_fil":"Ito ay nagpapatunay na si {name}, naninirahan sa {address}, {barangay}, {locality}, ay pinahihintulutang magpatakbo ng negosyong {business_name} na matatagpuan sa {business_address}, matapos sumunod sa mga kinakailangan ng barangay na ito. Ang clearance na ito ay ibinibigay para sa {purpose}."}"""),
        ("good-moral", "Certificate of Good Moral Character",
            """{"category":"certificate","fee":50,"class":"simple","validity_days":180,"requirements":["Valid ID"],"template":"This is to certify that {name}, {age} years old, {civil_status}, a resident of {address}, {barangay}, {locality}, is known to be a person of good moral character and a law-abiding citizen. This certification is issued upon request for {purpose}.","template_fil":"Ito ay nagpapatunay na si {name}, {age} taong gulang, {civil_status}, naninirahan sa {address}, {barangay}, {locality}, ay kilalang may mabuting asal at masunurin sa batas. Ang katibayang ito ay ibinibigay sa kanyang kahilingan para sa {purpose}."}"""),
        ("first-time-jobseeker", "First Time Jobseeker Certification",
            """{"category":"certificate","fee":0,"class":"simple","validity_days":365,"once_per_person":true,"min_residence_months":6,"needs_oath":true,"waiver_reason":"First Time Jobseekers Assistance Act (RA 11261)","requirements":["Valid ID","Proof of at least 6 months' residence","Signed Oath of Undertaking"],"template":"This is to certify that {name}, {age} years old, a resident of {address}, {barangay}, {locality} for at least six (6) months, is a qualified availee of Republic Act No. 11261, the First Time Jobseekers Assistance Act, whose Oath of Undertaking is attached. This certification is issued for {purpose} and may be used only once.","template_fil":"Ito ay nagpapatunay na si {name}, {age} taong gulang, naninirahan sa {address}, {barangay}, {locality} nang hindi bababa sa anim (6) na buwan, ay kwalipikadong makinabang sa Republic Act No. 11261, ang First Time Jobseekers Assistance Act, at ang kanyang Oath of Undertaking ay nakalakip. Ang katibayang ito ay ibinibigay para sa {purpose} at maaari lamang gamitin nang isang beses."}"""),
    ];

    public static IEnumerable<LookupValue> All()
    {
        var order = 0;
        foreach (var (code, label) in Puroks) yield return V(LookupCategories.Purok, code, label, order++);
        order = 0;
        foreach (var (code, label, meta) in DocumentTypes)
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
        // Proclamation No. 1006, s. 2025: the 2026 regular holidays and special (non-working) days. Eid'l Fitr and Eid'l Adha
        // are proclaimed later in the year (their dates follow the Islamic calendar): add them on the settings page when announced.
        S(SettingKeys.Holidays, """[{"date":"2026-01-01","name":"New Year's Day"},{"date":"2026-02-17","name":"Chinese New Year"},{"date":"2026-04-02","name":"Maundy Thursday"},{"date":"2026-04-03","name":"Good Friday"},{"date":"2026-04-04","name":"Black Saturday"},{"date":"2026-04-09","name":"Araw ng Kagitingan"},{"date":"2026-05-01","name":"Labor Day"},{"date":"2026-06-12","name":"Independence Day"},{"date":"2026-08-21","name":"Ninoy Aquino Day"},{"date":"2026-08-31","name":"National Heroes Day"},{"date":"2026-11-01","name":"All Saints' Day"},{"date":"2026-11-02","name":"All Souls' Day"},{"date":"2026-11-30","name":"Bonifacio Day"},{"date":"2026-12-08","name":"Feast of the Immaculate Conception of Mary"},{"date":"2026-12-24","name":"Christmas Eve"},{"date":"2026-12-25","name":"Christmas Day"},{"date":"2026-12-30","name":"Rizal Day"},{"date":"2026-12-31","name":"Last Day of the Year"},{"date":"2027-01-01","name":"New Year's Day"}]"""),
        S(SettingKeys.PrivacyNotice, "\"Barangay San Isidro collects your personal information to keep the Records of Barangay Inhabitants and to serve your requests, as allowed by the Data Privacy Act of 2012 (RA 10173). Only authorized officials can see it.\""),
    ];

    private static LookupValue V(string category, string code, string label, int order, string? meta = null) =>
        new() { Category = category, Code = code, Label = label, SortOrder = order, Meta = meta };

    private static AppSetting S(string key, string json) => new() { Key = key, Value = json };
}
