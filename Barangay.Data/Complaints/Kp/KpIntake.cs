using Barangay.Data.Localization;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The intake checklist answered before a complaint is taken up (Local Government Code, sec. 408, and the KP Rules'
/// "only natural persons" rule). Each true answer is an exclusion: the Lupon has no authority over the dispute. The venue
/// (sec. 409, <see cref="KpVenueRules"/>): what the dispute is about, where the property, workplace or school lies, and
/// where a complainant who is not on this barangay's register actually resides.
/// </summary>
public sealed record KpIntake(
    bool PartyIsGovernment = false,
    bool PublicOfficerOfficialDuty = false,
    bool OffenceAboveOneYearOrFiveThousand = false,
    bool NoPrivateOffendedParty = false,
    bool RealPropertyInOtherLocality = false,
    bool PartiesInDifferentLocalities = false,
    bool AdjoiningBarangaysAndAgreed = false,
    bool ExcludedByThePresident = false,
    bool PartyNotNaturalPerson = false,
    string VenueKind = KpVenueKinds.Residence,
    string? SiteBarangay = null,
    string? SiteMunicipality = null,
    string? ComplainantBarangay = null,
    string? ComplainantMunicipality = null);

/// <summary>The rules of the checklist, with the reason the law gives for each refusal.</summary>
public static class KpIntakeRules
{
    /// <summary>The complaint category RA 9262 covers: never mediated (sec. 33), always confidential (sec. 44).</summary>
    public const string VawcCategory = "vawc";

    public static bool IsVawc(string? category) => string.Equals(category, VawcCategory, StringComparison.OrdinalIgnoreCase);

    public const string VawcRefusal =
        "Violence against women and their children cannot be mediated or conciliated (RA 9262, sec. 33): record the Barangay Protection Order and the referral instead.";

    /// <summary>The reasons the dispute is outside the Lupon's authority; empty when it may be taken up.</summary>
    public static IReadOnlyList<string> Exclusions(KpIntake i)
    {
        var reasons = new List<string>();
        if (i.PartyNotNaturalPerson) reasons.Add(Texts.Say("Only natural persons may be parties to barangay conciliation (KP Rules): a corporation, partnership or other juridical entity cannot."));
        if (i.PartyIsGovernment) reasons.Add(Texts.Say("One party is the government or one of its subdivisions or instrumentalities (sec. 408(a))."));
        if (i.PublicOfficerOfficialDuty) reasons.Add(Texts.Say("One party is a public officer or employee and the dispute concerns their official functions (sec. 408(b))."));
        if (i.OffenceAboveOneYearOrFiveThousand) reasons.Add(Texts.Say("The offence is punishable by imprisonment of more than one year or a fine of more than ₱5,000 (sec. 408(c))."));
        if (i.NoPrivateOffendedParty) reasons.Add(Texts.Say("The offence has no private offended party (sec. 408(d))."));
        if (i.RealPropertyInOtherLocality && !i.AdjoiningBarangaysAndAgreed)
            reasons.Add(Texts.Say("The dispute involves real property in different cities or municipalities and the parties have not agreed to submit it to this Lupon (sec. 408(e))."));
        if (i.PartiesInDifferentLocalities && !i.AdjoiningBarangaysAndAgreed)
            reasons.Add(Texts.Say("The parties actually reside in barangays of different cities or municipalities that do not adjoin, or they have not agreed to submit the dispute to this Lupon (sec. 408(f))."));
        if (i.ExcludedByThePresident) reasons.Add(Texts.Say("The President has excluded this class of disputes (sec. 408(g))."));
        return reasons;
    }
}
