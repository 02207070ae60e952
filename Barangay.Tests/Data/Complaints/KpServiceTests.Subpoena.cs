using Barangay.Data.Complaints.Kp;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// KP Form 13 (Subpoena) from the witnesses the case book records: one subpoena per hearing, addressed to its named
/// witnesses, with the hearing's day and hour, signed by whoever presides that hearing (the Punong Barangay in mediation,
/// the Pangkat chairman before the Pangkat); the blank form while no witness is recorded; in the case's language.
/// </summary>
public partial class KpServiceTests
{
    /// <summary>Each printed page's text with white space removed (PdfPig joins the drawn words).</summary>
    private async Task<List<string>> PrintedPagesAsync(Guid id, KpForm form, string name)
    {
        var printed = await Kp.PrintAsync(id, form);
        printed.Should().NotBeNull($"the {form} form exists at this step");
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, $"kp-service-{name}.pdf"), printed!.Value.Pdf);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(printed.Value.Pdf);
        return pdf.GetPages().Select(p => System.Text.RegularExpressions.Regex.Replace(p.Text, @"\s", "")).ToList();
    }

    [Fact]
    public async Task Subpoena_OnePerHearing_NamesTheWitnessesDayAndHour_SignedByWhoeverPresides()
    {
        // Friday 4 December 2026, 9:00: mediation heard; no witness yet, so the subpoena is the blank form.
        await AtManilaAsync("2026-12-04 09:00");
        var kp = await HeardAsync();
        var blank = (await PrintedPagesAsync(kp.Id, KpForm.Subpoena, "subpoena-blank")).Should().ContainSingle().Subject;
        blank.Should().Contain("KPFormNo.13").And.Contain("TO:1.______").And.Contain("onthe____dayof");

        // Two witnesses to Monday's 2:30 PM hearing before the Punong Barangay, one to Tuesday's 9:00 AM.
        kp = (await Kp.SummonWitnessAsync(kp.Id, "Rosa Mendoza", "Purok 3, Rizal St.", Manila("2026-12-07 14:30"), kp.Version)).Value!;
        kp = (await Kp.SummonWitnessAsync(kp.Id, "Pedro Cruz", null, Manila("2026-12-07 14:30"), kp.Version)).Value!;
        kp = (await Kp.SummonWitnessAsync(kp.Id, "Ana Reyes", null, Manila("2026-12-08 09:00"), kp.Version)).Value!;
        var pages = await PrintedPagesAsync(kp.Id, KpForm.Subpoena, "subpoena-mediation");
        pages.Should().HaveCount(2, "one subpoena per hearing the witnesses are summoned to");
        pages[0].Should().Contain("KPFormNo.13").And.Contain("SUBPOENA")
            .And.Contain("TO:1.RosaMendoza,ofPurok3,RizalSt.2.PedroCruz(Witnesses)")
            .And.Contain("commandedtoappearbeforemeonthe7thdayofDecember2026,at2:30intheafternoon")
            .And.Contain("Donethis4thdayofDecember2026")
            .And.Contain("RICARDOM.DELACRUZ").And.Contain("PunongBarangay/LuponChairman")
            .And.NotContain("AnaReyes").And.NotContain("______");
        pages[1].Should().Contain("TO:1.AnaReyes(Witnesses)").And.Contain("onthe8thdayofDecember2026,at9:00inthemorning").And.NotContain("RosaMendoza");

        // Before the Pangkat: the Pangkat's hearing, signed by its chairman; the mediation subpoenas stay as they were.
        await _host.AsKapitanAsync();
        kp = (await Kp.FailMediationAsync(kp.Id, kp.Version)).Value!;
        kp = await ConstituteAsync(kp);
        await AsPangkatChairAsync();
        kp = (await Kp.SummonWitnessAsync(kp.Id, "Lito Garcia", "Purok 5", Manila("2026-12-09 18:15"), kp.Version)).Value!;
        pages = await PrintedPagesAsync(kp.Id, KpForm.Subpoena, "subpoena-pangkat");
        pages.Should().HaveCount(3);
        pages[2].Should().Contain("TO:1.LitoGarcia,ofPurok5(Witnesses)")
            .And.Contain("appearbeforethePangkatngTagapagkasundoonthe9thdayofDecember2026,at6:15intheevening")
            .And.Contain("NESTORG.AGUILAR").And.Contain("PangkatChairman").And.NotContain("RICARDO");
        pages[0].Should().Contain("RICARDOM.DELACRUZ", "a mediation hearing's subpoena is still the Punong Barangay's");
    }

    [Fact]
    public async Task Subpoena_FilipinoCase_PrintedInFilipino()
    {
        await AtManilaAsync("2026-12-04 09:00");
        var kp = await _host.SummonedCaseAsync(await _host.OtherResidentAsync(), language: KpLanguages.Filipino, nature: KpNatures.Civil);
        (await PrintedPagesAsync(kp.Id, KpForm.Subpoena, "subpoena-fil-blank")).Should().ContainSingle().Which.Should().Contain("Kina:1.______");
        kp = (await Kp.SummonWitnessAsync(kp.Id, "Rosa Mendoza", "Purok 3", Manila("2026-12-07 14:30"), kp.Version)).Value!;

        var page = (await PrintedPagesAsync(kp.Id, KpForm.Subpoena, "subpoena-fil")).Should().ContainSingle().Subject;

        page.Should().Contain("PormularyongKPBlg.13").And.Contain("Kina:1.RosaMendoza,ngPurok3(MgaSaksi)")
            .And.Contain("inuutusanghumarapsaakinsaika-7arawngDisyembre2026,saganapnaika-2:30nghapon")
            .And.Contain("RICARDOM.DELACRUZ").And.NotContain("______");
    }
}
