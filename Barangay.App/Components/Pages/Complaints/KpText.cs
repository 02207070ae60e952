using System.Globalization;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Localization;
using Microsoft.Extensions.Localization;

namespace Barangay.App.Components.Pages.Complaints;

/// <summary>Words the KP pages share, in the reader's language (the catalogue: Barangay.Data/Localization/Texts*.resx).</summary>
public static class KpText
{
    /// <summary>A Manila day as the KP pages show it (e.g. Dec 9, 2026), in the reader's culture.</summary>
    public static string Day(DateOnly day) => day.ToString("MMM d, yyyy", AppLanguages.Current);

    /// <summary>Who refused to appear: the complainant, the respondent, or the witness by name.</summary>
    public static string Who(IStringLocalizer L, KpCaseDetail k, KpContemptOf of) => of.Witness
        ? L["witness {0}", k.Witnesses[of.Index].Name]
        : Party(L, k.Absences[of.Index].Party);

    public static string Party(IStringLocalizer L, string party) => party == KpParties.Complainant ? L["the complainant"] : L["the respondent"];

    /// <summary>
    /// A step of the case's record of acts (<c>kp_cases.acts</c>), as the case page lists it. "extension" has a phrase of
    /// its own: the catalogue's "Extension" is the name suffix of the resident form (Jr., Sr., III).
    /// </summary>
    public static string Step(IStringLocalizer L, string step) =>
        step == "extension" ? L["Pangkat's time extended"] : L[step.Replace('_', ' ')];

    public static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.CurrentCulture) + s[1..];

    /// <summary>Who applied to the court (KP Rules, Rule VI), as a phrase after "by".</summary>
    public static string Applicant(IStringLocalizer L, string applicant) => applicant switch
    {
        KpContemptApplicants.LuponChairman => L["the Punong Barangay (Lupon chairman)"],
        KpContemptApplicants.PangkatChairman => L["the Pangkat chairman"],
        KpContemptApplicants.Complainant => L["the complainant"],
        _ => L["the respondent"],
    };

    public static string Ruling(IStringLocalizer L, string outcome) => outcome == KpContemptRulings.Granted ? L["granted"] : L["denied"];
}
