using System.Text;
using Barangay.Data.Complaints.Kp;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Complaints;

/// <summary>The printed KP form carries its KP form number and is printed in the parties' language (sec. 411).</summary>
public class KpPdfTests
{
    [Theory]
    [InlineData(KpLanguages.English)]
    [InlineData(KpLanguages.Filipino)]
    public void Render_NumberedForm_InTheCaseLanguage(string language)
    {
        var fil = language == KpLanguages.Filipino;
        var form = new KpFormData("Barangay San Isidro", "San Isidro, Nueva Ecija", "Region III", "KP-2026-000007", "Juan Dela Cruz", ["Ramon Santos"],
            "Fence built on my lot", fil ? "Patawag" : "Summons", [fil ? "Kay: Ramon Santos" : "TO: Ramon Santos", "..."],
            [("Ricardo M. Dela Cruz", KpOffices.Title(KpOffices.LuponChairman, language))], new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc), "9", language);

        var pdf = KpPdf.Render(form);

        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        Encoding.Latin1.GetString(pdf).Should().MatchRegex(fil ? @"/Lang\s*\(fil-PH\)" : @"/Lang\s*\(en-PH\)", "a screen reader reads the form in its language (issue 25)")
            .And.MatchRegex(@"/DisplayDocTitle\s*true", "the viewer shows the form's title, not its file name");
        File.WriteAllBytes(Path.Combine(Screenshots.Directory, $"kp-form-9-{language}.pdf"), pdf);
    }
}
