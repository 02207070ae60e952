using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Barangay.Data.Dashboard;
using Barangay.Data.Documents;
using Barangay.Data.Exports;
using Barangay.Data.Exports.Datasets;
using Barangay.Data.Localization;
using Barangay.Data.Reports;
using Barangay.Data.Residents;
using Barangay.Data.Settings;
using Barangay.Jobs.Exports;
using Barangay.Tests.App.Localization;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Reports;

/// <summary>
/// Issue 26: the printed pages' own words (<see cref="PrintTexts"/>) obey the catalogue's three rules, every fixed word
/// and label the prints say is in a catalogue, a report laid out in Filipino leaves no English heading behind, and a
/// quarter's label does not follow the thread's culture. No database: the tables are built from figures made here.
/// </summary>
public partial class PrintTextsCompletenessTests
{
    /// <summary>The same in Filipino on purpose: names and codes people use as they are.</summary>
    private static readonly HashSet<string> SameInFilipino = ["IP address", "User agent", "Correlation ID", "Simple", "Citizen's Charter"];

    private static Dictionary<string, string> Read(CultureInfo culture) =>
        (PrintTexts.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) ?? throw new InvalidOperationException(culture.Name))
        .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static Dictionary<string, string> English => Read(CultureInfo.InvariantCulture);
    private static Dictionary<string, string> Filipino => Read(AppLanguages.FilipinoCulture);

    [Fact]
    public void EveryPrintText_HasFilipino_ThatIsNotTheEnglish_WithTheSamePlaceholders()
    {
        English.Count.Should().BeGreaterThan(150);
        English.Keys.Where(k => !Filipino.TryGetValue(k, out var f) || string.IsNullOrWhiteSpace(f)).Should().BeEmpty("every English print text needs its Filipino");
        Filipino.Keys.Except(English.Keys).Should().BeEmpty("a Filipino entry without an English key is never used");
        Filipino.Where(p => p.Value == English[p.Key] && !SameInFilipino.Contains(p.Key)).Select(p => p.Key).Should().BeEmpty("an untranslated print text");
        English.Keys.Where(k => !Placeholders(k).SetEquals(Placeholders(Filipino[k]))).Select(k => $"{k} → {Filipino[k]}").Should().BeEmpty();
    }

    [Fact]
    public void EveryLiteralThePrintsSay_IsInACatalogue()
    {
        var root = TextsCompletenessTests.RepoRoot();
        string[] files =
        [
            .. Directory.EnumerateFiles(Path.Combine(root, "Barangay.Data", "Reports"), "*.cs"),
            .. Directory.EnumerateFiles(Path.Combine(root, "Barangay.Jobs", "Exports"), "*.cs"),
            .. new[] { "Documents/AcknowledgementPdf.cs", "Documents/CharterPdf.cs", "Documents/CitizensCharter.cs", "Documents/CollectionReportPdf.cs",
                "Complaints/BlotterPdf.cs", "Households/HouseholdRecordPdf.cs" }.Select(f => Path.Combine(root, "Barangay.Data", f)),
        ];
        var said = files.SelectMany(f => Said().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value)))).ToList();
        said.Should().Contain(s => s.Key == "Acknowledgement Receipt", "the scan finds the receipt's words");
        said.Where(s => PrintTexts.Find(s.Key, CultureInfo.InvariantCulture) is null && Texts.Find(s.Key, CultureInfo.InvariantCulture) is null)
            .Select(s => $"{s.File}: {s.Key}").Distinct().Should().BeEmpty("a print text needs an entry in PrintTexts.resx (or Texts.resx)");
    }

    /// <summary>Labels that come with the data and are worded through <see cref="PrintLanguage.Term"/>: each has real Filipino.</summary>
    [Fact]
    public void EveryFixedLabelOfThePrintedData_IsWordedInFilipino()
    {
        var labels = KpReportLines.All
            .Concat(FormCQuery.SectorNames).Concat(AgeGroups.FormC.Labels.Where(l => l.Any(char.IsLetter)))
            .Concat(ResidentLists.MaritalStatuses).Concat(ResidentLists.Sexes)
            .Concat(["Whole barangay", "Head", "Spouse", "Son", "Daughter", "Son-in-law", "Daughter-in-law", "Parent", "Grandchild", "Sibling", "Relative", "Boarder",
                "Complaint", "KP case", "new", "in progress", "resolved", "closed", "rejected", "mediation", "conciliation", "settled", "failed", "dismissed",
                "Simple", "Complex", "Highly technical", "Registered voter", "Employed"])
            .Concat(ExportDatasets.All.Select(ExportDatasets.Label))
            .Concat(ResidentExportRows.Headers).Concat(HouseholdExportRows.Headers).Concat(DocumentRequestExportRows.Headers)
            .Concat(ComplaintExportRows.Headers).Concat(EventExportRows.Headers).Concat(AuditExportRows.Headers)
            .Distinct().ToList();
        labels.Where(l => PrintLanguage.Filipino.Term(l) == l && !SameInFilipino.Contains(l) && !TextsCompletenessTests.SameInFilipino.Contains(l))
            .Should().BeEmpty("each label a print shows from its data has a Filipino entry");
        labels.Where(l => PrintLanguage.English.Term(l) != l).Should().BeEmpty("English prints them as they are");
        PrintLanguage.Filipino.Term("Purok Sampaguita").Should().Be("Purok Sampaguita", "a name the barangay typed prints as recorded");
    }

    [Fact]
    public void QuarterLabel_IsInThePrintsLanguage_WhateverTheThreadsCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            new Quarter(2026, 4).Label(PrintLanguage.English).Should().Be("4th quarter 2026 (as of December 31, 2026)");
            CultureInfo.CurrentCulture = AppLanguages.FilipinoCulture;
            new Quarter(2026, 1).Label(PrintLanguage.English).Should().Be("1st quarter 2026 (as of March 31, 2026)");
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            new Quarter(2026, 4).Label(PrintLanguage.Filipino).Should().Be("Ikaapat na quarter ng 2026 (hanggang Disyembre 31, 2026)");
            // A thread on the Thai Buddhist calendar (year 2569) must not rename the report's file either.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH");
            ReportDocuments.Issuance(IssuanceFigures()).FileStem.Should().Be("document-issuance-2026-11-01-2026-11-30");
            new Quarter(2026, 4).Label(PrintLanguage.English).Should().EndWith("(as of December 31, 2026)");
        }
        finally { CultureInfo.CurrentCulture = before; }
    }

    private static FormCReport FormCFigures()
    {
        SexCount C(string label) => new(label, 1, 2, 3);
        FormCArea Area(string label, string? code) => new(label, code, [.. AgeGroups.FormC.Labels.Select(C)], [.. FormCQuery.SectorNames.Select(C)],
            [.. ResidentLists.MaritalStatuses.Select(C), C("Not recorded")], [C("Filipino"), C("Not recorded")], 10, 4, 5);
        return new FormCReport(new Quarter(2026, 4), [Area("Whole barangay", null), Area("Purok 1", "P1")]);
    }

    private static ComplaintsReport ComplaintFigures() => new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
        [new ComplaintCategoryLine("Noise", 2, 1, 1, 0, 0, 3)], new ComplaintCategoryLine("Total", 2, 1, 1, 0, 0, 3),
        new KpSection([.. KpReportLines.All.Select(l => new KpOutcomeLine(l, 1, 2))], KpReportLines.All.Count, 2, 4, 1)
        {
            ByNature = [new KpNatureLine(KpReportLines.SettledInMediation, 1, 0, 0), new KpNatureLine("Total", 1, 0, 0)],
        });

    private static IssuanceReport IssuanceFigures()
    {
        var line = new IssuanceLine("Barangay Clearance", 3, 2, 1, 0, 1, 0, 100m, 2.5, 2);
        return new IssuanceReport(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), [line], line with { Type = "Total" });
    }

    /// <summary>Every word of a report's layout that is not the barangay's data: part headings, table titles, column headings, notes, total rows, fixed row labels.</summary>
    private static IEnumerable<string> Words(ReportDocument d, bool firstColumns) =>
        d.Parts.SelectMany(p => new[] { p.Heading }
            .Concat(p.Tables.SelectMany(t => new[] { t.Title }.Concat(t.Columns)
                .Concat(t.Rows.Where(r => firstColumns || r.Total).Select(r => r.Cells[0] as string ?? ""))))
            .Concat(p.Notes ?? []))
        .Prepend(d.Period).Prepend(d.Title);

    [Fact]
    public void Reports_LaidOutInFilipino_KeepNoEnglishHeadingLabelOrNote()
    {
        (ReportDocument En, ReportDocument Fil, bool Labels)[] pairs =
        [
            (ReportDocuments.FormC(FormCFigures(), PrintLanguage.English), ReportDocuments.FormC(FormCFigures(), PrintLanguage.Filipino), true),
            (ReportDocuments.Complaints(ComplaintFigures(), PrintLanguage.English), ReportDocuments.Complaints(ComplaintFigures(), PrintLanguage.Filipino), false),
            (ReportDocuments.Issuance(IssuanceFigures(), PrintLanguage.English), ReportDocuments.Issuance(IssuanceFigures(), PrintLanguage.Filipino), false),
        ];
        // What stays: data (purok and document names, categories), numbers, empty headings, names under the law.
        string[] stays = ["", "Purok 1", "Filipino", "Katarungang Pambarangay", "Noise", "Barangay Clearance"];
        foreach (var (en, fil, labels) in pairs)
        {
            var english = Words(en, labels).ToList();
            var filipino = Words(fil, labels).ToList();
            filipino.Should().HaveCount(english.Count);
            english.Zip(filipino).Where(p => p.First == p.Second && !stays.Contains(p.First) && p.First.Any(char.IsLetter))
                .Select(p => p.First).Should().BeEmpty($"{en.Title} in Filipino has every fixed word in Filipino");
        }
        var kp = ReportDocuments.Complaints(ComplaintFigures(), PrintLanguage.Filipino).Parts[1].Tables[0];
        kp.Rows.Select(r => (string)r.Cells[0]!).Should().Contain("Naayos sa pamamagitan (Punong Barangay)").And.Contain("Ibinasura o binawi");
        kp.Rows[0].Cells[4].Should().Be(1, "the nature columns still find their line (matched by the English line name)");
    }

    [Fact]
    public async Task ExportPdf_FollowsTheReportLanguage_HeaderHeadingsAndPageInFilipino()
    {
        static async IAsyncEnumerable<object?[]> Rows()
        {
            yield return ["RES-2026-000001", "Dela Cruz", "Male"];
            await Task.CompletedTask;
        }
        var profile = new BarangayProfile("Barangay San Isidro", "Santa Maria", "Bulacan", "Region III", null, "", "");
        async Task<string> PdfAsync(BarangayProfile p)
        {
            var heading = new ExportPdfHeading("Residents", p, TestClock.UtcNow);
            using var output = new MemoryStream();
            await PdfExportWriter.WriteAsync(new ExportTable(["Resident ID", "Last name", "Sex"], Rows()), output, new ExportProgress(_ => Task.CompletedTask), heading, CancellationToken.None);
            if (Environment.GetEnvironmentVariable("PRINTS_DIR") is { Length: > 0 } dir)
                await File.WriteAllBytesAsync(Path.Combine(Directory.CreateDirectory(dir).FullName, $"export-{p.ReportLanguage}.pdf"), output.ToArray());
            return await CertificateSigningTests.PdfTextAsync(output.ToArray());
        }
        (await PdfAsync(profile)).Should().Contain("Republic of the Philippines").And.Contain("Resident ID").And.Contain("Page 1").And.Contain("Prepared ");
        var fil = await PdfAsync(profile with { ReportLanguage = AppLanguages.Filipino });
        fil.Should().Contain("Republika ng Pilipinas").And.Contain("ID ng residente").And.Contain("Apelyido").And.Contain("Pahina 1").And.Contain("Inihanda noong")
            .And.Contain("Dela Cruz", "the cells are the data as stored")
            .And.NotContain("Republic of the Philippines").And.NotContain("Resident ID").And.NotContain("Page 1");
    }

    [Fact]
    public async Task ExtensionNotice_InTheRequestsLanguage()
    {
        var profile = new BarangayProfile("Barangay San Isidro", "Santa Maria", "Bulacan", "Region III", null, "", "");
        var a = new AcknowledgementData("DOC-2026-000001", "Barangay Clearance", "Simple", 3, TestClock.UtcNow.AddDays(-5), false, "Juan Dela Cruz", null, "employment",
            [], 0, "Liza R. Manalo", "Barangay Secretary", null, null, TestClock.UtcNow, 100m, null,
            new ServiceExtension(TestClock.UtcNow.AddDays(-1), null, "Liza R. Manalo", "Barangay Secretary", "Awaiting the Punong Barangay's signature", TestClock.UtcNow, TestClock.UtcNow.AddDays(3)),
            profile, "Ricardo M. Dela Cruz") { Language = AppLanguages.Filipino };
        var pdf = AcknowledgementPdf.RenderExtension(a, TestClock.UtcNow, null, "A4");
        if (Environment.GetEnvironmentVariable("PRINTS_DIR") is { Length: > 0 } dir) await File.WriteAllBytesAsync(Path.Combine(Directory.CreateDirectory(dir).FullName, "extension-fil.pdf"), pdf);
        var text = await CertificateSigningTests.PdfTextAsync(pdf);
        text.Should().Contain("ABISO NG EXTENSION NG ORAS NG PAGPROSESO").And.Contain("Dahilan: Awaiting").And.Contain("Isang extension lang ang pinapayagan")
            .And.Contain("Pahina 1 ng 1").And.NotContain("This is to notify you");
        System.Text.Encoding.Latin1.GetString(pdf).Should().MatchRegex(@"/Lang\s*\(fil-PH\)");
    }

    private static HashSet<string> Placeholders(string s) => [.. Placeholder().Matches(s).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>A print's fixed word: <c>l.Say("…")</c>, <c>language.Say("…")</c>, <c>words.Say("…")</c>.</summary>
    [GeneratedRegex(@"\.Say\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Said();
}
