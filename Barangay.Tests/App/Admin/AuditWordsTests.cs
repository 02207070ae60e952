using System.Text.RegularExpressions;
using Barangay.App.Components.Pages.Admin.Audit;
using Barangay.Data.Localization;
using Barangay.Tests.App.Localization;

namespace Barangay.Tests.App.Admin;

/// <summary>
/// The audit log is read by admins and by a DILG or NPC inspector: every action and target type the code records is
/// shown in words, in English and in Filipino, never as the stored code ("KpMonthlyTransmittalPrint", "MobileCodeSent").
/// The codes are found in the source (literal <c>Record("…")</c> calls and <c>…Action = "…"</c> constants), so a new one
/// without words fails here.
/// </summary>
public partial class AuditWordsTests
{
    private static IEnumerable<string> SourceFiles() =>
        new[] { "Barangay.Data", "Barangay.App", "Barangay.Jobs" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(TextsCompletenessTests.RepoRoot(), p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/Migrations/"));

    private static List<string> Found(Regex pattern) =>
        [.. SourceFiles().SelectMany(f => pattern.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().Order()];

    [Fact]
    public void EveryActionTheCodeRecords_HasWords_InEnglishAndFilipino()
    {
        var codes = Found(RecordedAction()).Concat(Found(ActionConstant())).Distinct().ToList();
        codes.Should().Contain(["KpMonthlyTransmittalPrint", "MobileCodeSent", "Refund"], "the scan finds the codes");
        codes.Where(c => AuditFormat.Action(c) == c).Should().BeEmpty("an action shows in words, not as its code");
        codes.Select(AuditFormat.Action).Where(w => Texts.Get(w, AppLanguages.FilipinoCulture) == w)
            .Should().BeEmpty("an action's words have their Filipino");
    }

    [Fact]
    public void EveryTargetTypeTheCodeRecords_HasWords_InEnglishAndFilipino()
    {
        var types = Found(RecordedTarget()).Concat(Found(TargetConstant())).Distinct().ToList();
        types.Should().Contain(["CollectionReport", "User", "KpCase"], "the scan finds the target types");
        types.Select(AuditFormat.TargetType).Where(w => Texts.Find(w, AppLanguages.FilipinoCulture) is null)
            .Should().BeEmpty("a target type shows in words from the catalogue (a code such as \"AnnouncementDelivery\" is not one)");
    }

    [Fact]
    public void InFilipino_AKpActionReadsInFilipino()
    {
        Texts.Get(AuditFormat.Action("KpSummons"), AppLanguages.FilipinoCulture).Should().Be("KP: naglabas ng patawag");
        Texts.Get(AuditFormat.TargetType("CollectionReport"), AppLanguages.FilipinoCulture).Should().Be("Ulat ng koleksiyon");
    }

    [GeneratedRegex(@"\.Record\(\s*""([A-Z][A-Za-z]+)""")]
    private static partial Regex RecordedAction();

    [GeneratedRegex(@"const string \w*Action\w* = ""([A-Z][A-Za-z]+)""")]
    private static partial Regex ActionConstant();

    [GeneratedRegex(@"\.Record\([^,()]+,\s*""([A-Z][A-Za-z]+)""")]
    private static partial Regex RecordedTarget();

    [GeneratedRegex(@"TargetType = ""([A-Z][A-Za-z]+)""")]
    private static partial Regex TargetConstant();
}
