using Barangay.Data.Localization;
using System.Text.RegularExpressions;

namespace Barangay.Data.Municipality;

/// <summary>
/// The Philippine Standard Geographic Code of a barangay: ten digits since the PSA's 2021 revision (region 2, province
/// or HUC 3, municipality or city 2, barangay 3 — see docs/municipality-rollups.md). A barangay's own code never ends
/// in 000 (that is its municipality's code).
/// </summary>
public static partial class Psgc
{
    public static string? Problem(string? code)
    {
        var c = code?.Trim() ?? "";
        if (!TenDigits().IsMatch(c)) return Texts.Say("The PSGC code is ten digits (for example 0314010001).");
        if (c.EndsWith("000", StringComparison.Ordinal)) return Texts.Say("That PSGC code is a municipality's or city's; a barangay's code ends in its own three digits.");
        return null;
    }

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex TenDigits();
}
