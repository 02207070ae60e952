using System.Text;
using Barangay.Data.Documents;

namespace Barangay.Tests.Data.Documents;

/// <summary>Issue 25: a certificate tells a screen reader its title and language (what PDFsharp 6 can set).</summary>
public class CertificatePdfAccessibilityTests
{
    [Fact]
    public void Render_Certificate_HasTitleLanguageAndShowsTheTitle()
    {
        var text = Encoding.Latin1.GetString(CertificatePdf.Render(CertificatePdfTests.Sample(), "https://hall.example/verify/abc"));

        text.Should().Contain("/Title(Barangay Clearance SAN-ISIDRO-REQ-2026-000123)");
        text.Should().MatchRegex(@"/Lang\s*\(en-PH\)");
        text.Should().MatchRegex(@"/DisplayDocTitle\s+true", "a viewer's title bar shows the title, not the file name");
    }
}
