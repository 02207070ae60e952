using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Barangay.Data.Localization;

namespace Barangay.Tests.App.Localization;

/// <summary>
/// The catalogue is complete: every English text has a Filipino entry that really is Filipino, with the same
/// placeholders, and every literal the pages pass to the localizer is in the catalogue.
/// </summary>
public partial class TextsCompletenessTests
{
    /// <summary>Texts that are the same in Filipino on purpose (names, codes, loanwords people use as they are).</summary>
    public static readonly HashSet<string> SameInFilipino =
    [
        "Barangay hall", "Email", "File", "National ID", "Privacy", "Purok",
        "Email address", "Password", "Username", "OTP", "Reference number", "Status", "Recovery code", "Privacy notice (Data Privacy Act, RA 10173)", "Reference number (REG-…)", "PDF", "QR code", "English", "Filipino",
        "Punong Barangay", "Barangay clearance", "Dashboard", "Kagawad", "Lupon", "Home", "Audit log", "Blotter", "Control No.", "Barangay", "Key {0}", "SHA-256 fingerprint",
        "Admin", "Label", "Code", "Account", "Official ID", "{0} · account {1}", "Import", "Import {0}", "Preview", "Format", "Excel (XLSX)", "Export", "Quarter", "IP address", "Browser", "Correlation id", "Field", "Value",
        "Contact", "draft", "Senior citizens", "SMS",
        "Resident ID", // the attendee sheet's column, as the ID card says it
    ];

    private static Dictionary<string, string> Read(CultureInfo culture, bool parents)
    {
        var set = Texts.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: parents)
                  ?? throw new InvalidOperationException($"No resources for {culture.Name}");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static Dictionary<string, string> English => Read(CultureInfo.InvariantCulture, parents: false);
    private static Dictionary<string, string> Filipino => Read(CultureInfo.GetCultureInfo(AppLanguages.Filipino), parents: false);

    [Fact]
    public void EveryEnglishKey_HasAFilipinoEntry()
    {
        var missing = English.Keys.Where(k => !Filipino.ContainsKey(k) || string.IsNullOrWhiteSpace(Filipino[k])).ToList();
        missing.Should().BeEmpty("every English text needs its Filipino in Texts.fil-PH.resx");
        Filipino.Keys.Except(English.Keys).Should().BeEmpty("a Filipino entry without an English key is never used");
        English.Count.Should().BeGreaterThan(200);
    }

    [Fact]
    public void FilipinoEntries_AreNotTheEnglishText_UnlessListedAsTheSame()
    {
        var same = Filipino.Where(p => p.Value == English[p.Key] && !SameInFilipino.Contains(p.Key)).Select(p => p.Key).ToList();
        same.Should().BeEmpty("an untranslated entry must be translated, or listed in SameInFilipino when it is meant to stay");
    }

    [Fact]
    public void Placeholders_AreTheSameInBothLanguages()
    {
        var differ = English.Keys.Where(Filipino.ContainsKey)
            .Where(k => !Placeholders(k).SetEquals(Placeholders(Filipino[k])))
            .Select(k => $"{k} → {Filipino[k]}").ToList();
        differ.Should().BeEmpty();
    }

    [Fact]
    public void EveryLiteralThePagesLocalize_IsInTheCatalogue()
    {
        var root = RepoRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "Barangay.App"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/"));
        var used = files.SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value))));
        var missing = used.Where(u => Texts.Find(u.Key, CultureInfo.InvariantCulture) is null).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        missing.Should().BeEmpty("a text wrapped in L[\"…\"] needs an entry in Texts.resx and Texts.fil-PH.resx");
    }

    [Fact]
    public void EveryLiteralTheServicesSay_IsInTheCatalogue()
    {
        var root = RepoRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "Barangay.Data"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/Migrations/"));
        var used = files.SelectMany(f => SaidKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value)))).ToList();
        used.Should().Contain(u => u.Key == "Give the complaint a short subject.", "the scan finds the services' messages");
        var missing = used.Where(u => Texts.Find(u.Key, CultureInfo.InvariantCulture) is null).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        missing.Should().BeEmpty("a message passed to Texts.Say(\"…\") needs an entry in Texts.resx and Texts.fil-PH.resx");
    }

    [Fact]
    public void EveryMenuEntry_IsInTheCatalogue()
    {
        var titles = Barangay.App.Components.Layout.NavItems.Mine.Select(i => i.Title)
            .Concat(Barangay.App.Components.Layout.NavItems.Groups.SelectMany(g => g.Items.Select(i => i.Title).Append(g.Title)));
        titles.Where(t => Texts.Find(t, AppLanguages.FilipinoCulture) is null || Texts.Get(t, AppLanguages.FilipinoCulture) == t && !SameInFilipino.Contains(t))
            .Should().BeEmpty("the drawer's entries are shown through the localizer");
    }

    [Fact]
    public void Texts_KeyInTheOtherCase_GetsTheEntryInTheKeysCase()
    {
        Texts.Get("approved", AppLanguages.FilipinoCulture).Should().Be("aprubado");
        Texts.Get("Approved", AppLanguages.FilipinoCulture).Should().Be("Aprubado");
        Texts.Get("Approved", AppLanguages.EnglishCulture).Should().Be("Approved");
    }

    [Fact]
    public void Placeholders_CheckFindsADifference()
    {
        // The rule itself must be able to fail.
        Placeholders("Due by {0}").SetEquals(Placeholders("Hanggang {1}")).Should().BeFalse();
        Placeholders("{0} unread of {1}").SetEquals(Placeholders("{1}: {0} hindi pa nababasa")).Should().BeTrue();
    }

    private static HashSet<string> Placeholders(string s) => [.. Placeholder().Matches(s).Select(m => m.Groups[1].Value)];

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Barangay.Blazor.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Barangay.Blazor.sln not found above the test binaries");
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>Texts.Say("…") in a service (the English literal is the key).</summary>
    [GeneratedRegex(@"\bTexts\.Say\(""((?:[^""\\]|\\.)*)""")]
    private static partial Regex SaidKey();

    /// <summary>L["…"] in a component or page (the English literal is the key).</summary>
    [GeneratedRegex(@"\bL\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LiteralKey();
}
