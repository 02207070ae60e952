using Barangay.Data.Complaints.Kp;
using Barangay.Tests.Infrastructure;
using OfficeOpenXml;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// The Lupon's Monthly Transmittal of Final Reports: the month's settlements and awards that still stand, by case number
/// and title, prepared by the Lupon secretary and noted by the Punong Barangay, as PDF and XLSX from the case book.
/// </summary>
public partial class KpServiceTests
{
    [Fact]
    public async Task MonthlyTransmittal_ListsTheMonthsStandingSettlements_NotARepudiatedOne_PdfAndXlsx()
    {
        // Friday 4 December: two cases settled in mediation; the second is repudiated on Monday 7 December.
        await AtManilaAsync("2026-12-04 09:00");
        var kept = await HeardAsync();
        await _host.AsKapitanAsync();
        kept = (await Kp.RecordOutcomeAsync(kept.Id, KpOutcomes.Settlement, "Respondent moves the fence back by Dec 15.", kept.Version)).Value!;
        var broken = await HeardAsync();
        await _host.AsKapitanAsync();
        broken = (await Kp.RecordOutcomeAsync(broken.Id, KpOutcomes.Settlement, "Respondent pays ₱2,000.", broken.Version)).Value!;
        _clock.Advance(TimeSpan.FromDays(3));
        broken = (await Kp.RepudiateAsync(broken.Id, "Signed under intimidation.", broken.Version)).Value!;
        broken.Stage.Should().Be(KpStages.Repudiated);

        await _host.AsKagawadAsync();
        (await Kp.MonthlyTransmittalAsync(new DateOnly(2026, 12, 1))).Should().BeNull("the Lupon chairman or secretary prepares it");
        await _host.AsSecretaryAsync();
        (await Kp.MonthlyTransmittalAsync(new DateOnly(2026, 11, 1)))!.Cases.Should().NotContain(c => c.CaseNo == kept.CaseNo, "it was settled in December");
        var t = (await Kp.MonthlyTransmittalAsync(new DateOnly(2026, 12, 17)))!;

        t.Month.Should().Be(new DateOnly(2026, 12, 1));
        var row = t.Cases.Should().ContainSingle(c => c.CaseNo == kept.CaseNo).Which;
        row.Title.Should().Be($"{kept.Complainant} vs. {kept.Respondents[0].Name}");
        row.Outcome.Should().Be(KpOutcomes.Settlement);
        t.Cases.Should().NotContain(c => c.CaseNo == broken.CaseNo, "a repudiated settlement is not a final report");

        var pdf = KpTransmittalPrint.Pdf(t, _clock.GetUtcNow().UtcDateTime);
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "kp-monthly-transmittal.pdf"), pdf);
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = System.Text.RegularExpressions.Regex.Replace(string.Concat(doc.GetPages().Select(p => p.Text)), @"\s", "");
            text.Should().Contain("MONTHLYTRANSMITTALOFFINALREPORTS").And.Contain("ForthemonthofDecember2026").And.Contain("To:TheCity/MunicipalJudge")
                .And.Contain("EnclosedherewitharethefinalreportsofsettlementofdisputesandarbitrationawardsmadebythePunongBarangay/PangkatngTagapagkasundointhefollowingcases:")
                .And.Contain("BarangayCaseNo.").And.Contain("Title(Complainant,etal.vs.Respondent,etal.)").And.Contain(kept.CaseNo).And.NotContain(broken.CaseNo)
                .And.Contain("Preparedby:").And.Contain("Lupon/PangkatSecretary").And.Contain("Notedby:").And.Contain("PunongBarangay/LuponChairman")
                .And.Contain("Receivedby:").And.Contain("ClerkofCourt").And.Contain("notlaterthanthefirstfivedaysofeachmonththefinalreportsfortheprecedingmonth");
        }
        using var package = new ExcelPackage(new MemoryStream(KpTransmittalPrint.Xlsx(t, _clock.GetUtcNow().UtcDateTime)));
        var cells = package.Workbook.Worksheets.First().Cells.Where(c => c.Value is not null).Select(c => c.Value!.ToString()!).ToList();
        cells.Should().Contain("Barangay Case No.").And.Contain("Title (Complainant, et al. vs. Respondent, et al.)").And.Contain(kept.CaseNo).And.Contain(row.Title)
            .And.NotContain(broken.CaseNo);
    }
}
