using System.Globalization;
using System.Text.RegularExpressions;
using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// Every KP form a case's steps produce, printed in English and in Filipino (sec. 411: in a language the parties know)
/// on fixed dates, and read back: one page, every word inside the page and none drawn over another, the summons and the
/// notice of hearing with the day and hour the Punong Barangay set, and no English left in a Filipino form. The PDFs are
/// saved under test-results/screenshots (kp-forms-{en,fil}-*.pdf) to be looked at.
/// </summary>
public class KpFormsPrintedTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ComplaintsTestHost _host = null!;
    private readonly FakeTimeProvider _clock = TestClock.AtManila("2026-12-04 09:00"); // a Friday
    private KpService Kp => _host.Kp;

    public Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static DateTime Manila(string local) => TimeZones.ManilaToUtc(DateTime.Parse(local, CultureInfo.InvariantCulture));

    /// <summary>
    /// English words of the forms that have no place in a Filipino one ("at", "may" and "ng" are Filipino words too, so
    /// they are not here). Names of offices the Filipino forms keep (Punong Barangay, Lupon, Pangkat ng Tagapagkasundo) are
    /// not English words of this list.
    /// </summary>
    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "you", "your", "hereby", "this", "day", "done", "complainant", "complainants", "respondent", "respondents", "summons",
        "attested", "secretary", "chairman", "received", "notice", "hearing", "settlement", "award", "form", "case", "to", "on", "by", "for",
        "with", "before", "from", "that", "which", "is", "are", "was", "be", "shall", "within", "days", "signed", "officer", "return", "morning",
        "afternoon", "certify", "certification", "agreement", "arbitration", "execution", "motion", "witness", "witnesses", "court", "party", "parties",
    };

    private sealed record Printed(string Text, IReadOnlyList<string> Words, int Pages);

    private async Task<Printed> PrintAsync(KpCaseDetail kp, KpForm form, string language)
    {
        var printed = await Kp.PrintAsync(kp.Id, form);
        printed.Should().NotBeNull($"the {form} form exists at this step");
        var bytes = printed!.Value.Pdf;
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, $"kp-forms-{language}-{KpService.Slug(form)}.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        var words = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            var drawn = page.GetWords().Where(w => w.Text.Trim().Length > 0).ToList();
            foreach (var w in drawn)
            {
                var box = w.BoundingBox;
                // Inside the page, and within the side margins (56 points; a little slack for the glyphs' boxes).
                (box.Left >= 40 && box.Bottom >= 0 && box.Right <= page.Width - 40 && box.Top <= page.Height)
                    .Should().BeTrue($"'{w.Text}' on the {form} form ({language}) is drawn inside the page's margins, not cut off ({box})");
            }
            for (var i = 0; i < drawn.Count; i++)
                for (var j = i + 1; j < drawn.Count; j++)
                    Overlap(drawn[i], drawn[j]).Should().BeLessThan(1.0, $"'{drawn[i].Text}' and '{drawn[j].Text}' on the {form} form ({language}) do not overprint each other");
            words.AddRange(drawn.Select(w => w.Text));
        }
        return new(Regex.Replace(string.Concat(pdf.GetPages().Select(p => p.Text)), @"\s", ""), words, pdf.NumberOfPages);
    }

    /// <summary>The area (pt²) two words' boxes share.</summary>
    private static double Overlap(Word a, Word b)
    {
        var w = Math.Min(a.BoundingBox.Right, b.BoundingBox.Right) - Math.Max(a.BoundingBox.Left, b.BoundingBox.Left);
        var h = Math.Min(a.BoundingBox.Top, b.BoundingBox.Top) - Math.Max(a.BoundingBox.Bottom, b.BoundingBox.Bottom);
        return w > 0 && h > 0 ? w * h : 0;
    }

    private async Task CheckAllAsync(KpCaseDetail kp, string language, Dictionary<KpForm, string> numbers)
    {
        var fil = language == KpLanguages.Filipino;
        foreach (var form in kp.Forms)
        {
            var p = await PrintAsync(kp, form, language);
            p.Pages.Should().Be(1, $"the {form} form fits its page");
            p.Text.Should().Contain(fil ? "UsapingBarangayBlg." + kp.CaseNo : "BarangayCaseNo." + kp.CaseNo);
            if (numbers.TryGetValue(form, out var no))
                p.Text.Should().Contain((fil ? "PormularyongKPBlg." : "KPFormNo.") + no, $"the {form} form is KP Form {no}");
            if (fil)
            {
                var english = p.Words.Select(w => Regex.Replace(w, @"[^\p{L}]", "")).Where(English.Contains).Distinct().ToList();
                english.Should().BeEmpty($"the {form} form is printed in Filipino ({string.Join(" ", p.Words)})");
            }
        }
    }

    private async Task<KpCaseDetail> OpenAsync(string language, string subject, string description)
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(8)));
        await _host.AsJuanAsync();
        var input = ComplaintsTestHost.Noise(description: description);
        input.Category = "boundary";
        input.Subject = subject;
        var filed = await _host.Complaints.FileAsync(input);
        filed.Ok.Should().BeTrue(filed.Message);
        await _host.AsSecretaryAsync();
        var opened = await Kp.OpenAsync(filed.Value!.Id, [new KpRespondent("", await _host.OtherResidentAsync())], new KpIntake(), language, KpNatures.Civil);
        opened.Ok.Should().BeTrue(opened.Message);
        await _host.AsKapitanAsync();
        // Monday 7 December at 2:30 in the afternoon, before the Punong Barangay (sec. 410(b)).
        var summoned = await Kp.IssueSummonsAsync(opened.Value!.Id, opened.Value.Version, Manila("2026-12-07 14:30"));
        summoned.Ok.Should().BeTrue(summoned.Message);
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 14, 30, 0, TimeSpan.FromHours(8)));
        await _host.AsSecretaryAsync();
        return (await Kp.RecordHearingAsync(summoned.Value!.Id, new KpHearingInput(_clock.GetUtcNow().UtcDateTime, ["Juan Dela Cruz", "Ipinagsusumbong"], "Walang napagkasunduan."), summoned.Value.Version)).Value!;
    }

    private async Task<KpCaseDetail> ThroughThePangkatAsync(KpCaseDetail kp, string terms)
    {
        await _host.AsKapitanAsync();
        kp = (await Kp.FailMediationAsync(kp.Id, kp.Version)).Value!;
        await using (var db = await _host.Services.DbAsync())
        {
            var members = await db.Officials.AsNoTracking().Where(o => o.Position == OfficialPositions.LuponMember).OrderBy(o => o.FullName).Select(o => new { o.Id, o.FullName }).ToListAsync();
            var chair = members.Single(m => m.FullName == "Nestor G. Aguilar").Id;
            var done = await Kp.ConstitutePangkatAsync(kp.Id, members.Take(3).Select(m => m.Id).ToList(), chair, members.First(m => m.Id != chair).Id, kp.Version,
                Manila("2026-12-08 09:30"));
            done.Ok.Should().BeTrue(done.Message);
            kp = done.Value!;
        }
        _clock.Advance(TimeSpan.FromDays(1));
        await _host.SignInAsync("lupon.aguilar", OfficialPositions.LuponMember);
        kp = (await Kp.RecordHearingAsync(kp.Id, new KpHearingInput(_clock.GetUtcNow().UtcDateTime, ["Juan Dela Cruz", "Ipinagsusumbong"], "Pagdinig ng Pangkat."), kp.Version)).Value!;
        var outcome = await Kp.RecordOutcomeAsync(kp.Id, terms.Length == 0 ? KpOutcomes.Failure : KpOutcomes.Settlement, terms.Length == 0 ? "Walang napagkasunduan." : terms, kp.Version);
        outcome.Ok.Should().BeTrue(outcome.Message);
        return outcome.Value!;
    }

    public static TheoryData<string> Languages => new() { KpLanguages.English, KpLanguages.Filipino };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task PangkatSettlementRepudiated_EveryFormPrinted_InTheCasesLanguage(string language)
    {
        var fil = language == KpLanguages.Filipino;
        var kp = await OpenAsync(language, fil ? "Bakod sa aking lote" : "Fence on my lot", fil ? "Nagtayo ang kapitbahay ng bakod sa loob ng aking lote." : "My neighbour built a fence inside my lot.");
        kp = await ThroughThePangkatAsync(kp, fil ? "Aalisin ng ipinagsusumbong ang bakod sa loob ng dalawang linggo." : "The respondent removes the fence within two weeks.");
        await _host.AsKapitanAsync();
        kp = (await Kp.RepudiateAsync(kp.Id, fil ? "Pinilit akong pumirma" : "I was forced to sign", kp.Version)).Value!;
        await _host.AsSecretaryAsync();
        kp = (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Value!;

        kp.Forms.Should().Contain([KpForm.Complaint, KpForm.NoticeOfHearing, KpForm.Summons, KpForm.Subpoena, KpForm.PangkatNotice, KpForm.PangkatMemberNotice,
            KpForm.ConciliationNotice, KpForm.Settlement, KpForm.Repudiation, KpForm.CertificateToFileAction]);
        await CheckAllAsync(kp, language, new()
        {
            [KpForm.Complaint] = "7", [KpForm.NoticeOfHearing] = "8", [KpForm.Summons] = "9", [KpForm.PangkatNotice] = "10", [KpForm.PangkatMemberNotice] = "11",
            [KpForm.ConciliationNotice] = "12", [KpForm.Subpoena] = "13", [KpForm.Settlement] = "16", [KpForm.Repudiation] = "17", [KpForm.CertificateToFileAction] = "20",
        });
        // Sec. 410(b): the summons and the notice to the complainant name the day and hour the Punong Barangay set.
        var hour = Regex.Replace(fil ? "sa ika-7 araw ng Disyembre 2026, sa ganap na ika-2:30 ng hapon" : "on the 7th day of December 2026, at 2:30 in the afternoon", @"\s", "");
        (await PrintAsync(kp, KpForm.Summons, language)).Text.Should().Contain(hour).And.Contain(fil ? "ULATNGOPISYAL" : "OFFICER'SRETURN").And.Contain("RICARDOM.DELACRUZ");
        (await PrintAsync(kp, KpForm.NoticeOfHearing, language)).Text.Should().Contain(hour);
        // Sec. 410(d): the Pangkat's notice of hearing names the day and hour the Lupon chairman set for it to convene.
        (await PrintAsync(kp, KpForm.ConciliationNotice, language)).Text.Should().Contain(Regex.Replace(
            fil ? "sa ika-8 araw ng Disyembre 2026, sa ganap na ika-9:30 ng umaga" : "on the 8th day of December 2026, at 9:30 in the morning", @"\s", ""));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ConciliationFailed_CertificateToFileAction20A_InTheCasesLanguage(string language)
    {
        var fil = language == KpLanguages.Filipino;
        var kp = await OpenAsync(language, fil ? "Utang na hindi binayaran" : "Unpaid debt", fil ? "Hindi ibinalik ang hiniram na ₱3,000." : "The ₱3,000 borrowed was not paid back.");
        kp = await ThroughThePangkatAsync(kp, "");
        await _host.AsSecretaryAsync();
        kp = (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Value!;
        await CheckAllAsync(kp, language, new() { [KpForm.CertificateToFileAction] = "20-A" });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ArbitrationAwardTransmittedAndExecuted_EveryFormPrinted_InTheCasesLanguage(string language)
    {
        var fil = language == KpLanguages.Filipino;
        var kp = await OpenAsync(language, fil ? "Nasirang traysikel" : "Damaged tricycle", fil ? "Binangga ng ipinagsusumbong ang aking traysikel." : "The respondent rammed my tricycle.");
        await _host.AsKapitanAsync();
        kp = (await Kp.AgreeToArbitrationAsync(kp.Id, kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromDays(6));
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Award, fil ? "Magbabayad ang ipinagsusumbong ng ₱4,500 para sa pagkumpuni." : "The respondent pays ₱4,500 for the repair.", kp.Version)).Value!;
        await _host.AsSecretaryAsync();
        kp = (await Kp.TransmitAsync(kp.Id, fil ? "Hukumang Pambayan ng San Isidro" : "Municipal Trial Court of San Isidro", kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromDays(11));
        kp = (await Kp.MoveForExecutionAsync(kp.Id, kp.Version)).Value!;
        await _host.AsKapitanAsync();
        kp = (await Kp.ExecuteAsync(kp.Id, fil ? "Ibinayad ang ₱4,500 sa harap ng Punong Barangay." : "₱4,500 paid before the Punong Barangay.", kp.Version)).Value!;

        kp.Forms.Should().Contain([KpForm.ArbitrationAgreement, KpForm.Settlement, KpForm.Transmittal, KpForm.ExecutionMotion, KpForm.ExecutionHearing, KpForm.ExecutionNotice]);
        await CheckAllAsync(kp, language, new()
        {
            [KpForm.ArbitrationAgreement] = "14", [KpForm.Settlement] = "15", [KpForm.ExecutionMotion] = "23", [KpForm.ExecutionHearing] = "24", [KpForm.ExecutionNotice] = "25",
        });
    }

    [Fact]
    public async Task LongSettlementAndTenRespondents_ContinuesOnANewPage_NothingCutOffOrOverprinted()
    {
        // Ten respondents named at intake (KpService.MaxRespondents) and terms of nearly 5,000 characters (MaxTerms).
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(8)));
        await _host.AsJuanAsync();
        var filed = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        await _host.AsSecretaryAsync();
        var respondents = Enumerable.Range(1, KpService.MaxRespondents).Select(i => new KpRespondent($"Respondent Number{i} Villanueva", null, $"{i} Mabini St.")).ToList();
        var kp = (await Kp.OpenAsync(filed.Id, respondents, new KpIntake())).Value!;
        await _host.AsKapitanAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version, Manila("2026-12-07 09:00"))).Value!;
        kp = (await Kp.RecordHearingAsync(kp.Id, new KpHearingInput(_clock.GetUtcNow().UtcDateTime, ["Juan Dela Cruz"], "Heard."), kp.Version)).Value!;
        var terms = string.Join(" ", Enumerable.Range(1, 400).Select(i => $"term{i:000}")) + " The respondents keep the peace. LASTWORD";
        terms.Length.Should().BeLessThan(KpService.MaxTerms);
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, terms, kp.Version)).Value!;

        var settlement = await PrintAsync(kp, KpForm.Settlement, "long");
        settlement.Pages.Should().BeGreaterThan(1, "the terms do not fit one page");
        settlement.Text.Should().Contain("term001").And.Contain("term400").And.Contain("LASTWORD").And.Contain("Attested:PunongBarangay/LuponChairman")
            .And.Contain("(continued)");
        foreach (var r in respondents) settlement.Text.Should().Contain(r.Name.Replace(" ", "").ToUpperInvariant(), "every respondent is in the caption");
        var summons = await PrintAsync(kp, KpForm.Summons, "long");
        foreach (var r in respondents) summons.Text.Should().Contain(r.Name.Replace(" ", "") + "," + r.Address!.Replace(" ", ""), "the summons is addressed to every respondent");
    }
}
