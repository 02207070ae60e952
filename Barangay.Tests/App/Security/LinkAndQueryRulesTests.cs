using System.Text.RegularExpressions;
using Barangay.Data.Common;
using Barangay.Tests.Scale;

namespace Barangay.Tests.App.Security;

/// <summary>
/// Issue 19's rules that live in the source: no code reads the request's Host or scheme to build a link (links come
/// from <see cref="PublicLinks"/>), and every query-string parameter is a string read through QueryValue (a typed one
/// turns a mistyped link into an error page).
/// </summary>
public class LinkAndQueryRulesTests
{
    private static IEnumerable<(string Path, string Text)> Sources(params string[] extensions) =>
        new[] { "Barangay.Data", "Barangay.Jobs", "Barangay.App" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(SourceRulesTests.RootFolder, p), "*", SearchOption.AllDirectories))
            .Where(f => extensions.Contains(Path.GetExtension(f))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(SourceRulesTests.RootFolder, f), File.ReadAllText(f)));

    [Fact]
    public void NoCode_BuildsALinkFromTheRequest()
    {
        var offenders = Sources(".cs", ".razor", ".cshtml")
            .Where(s => Regex.IsMatch(s.Text, @"Request\.(Scheme|Host)\b|\bBaseUri\b|ToAbsoluteUri\(|GetUriBy(Page|Action|Name)|GetDisplayUrl\(|GetEncodedUrl\("))
            .Select(s => s.Path);
        offenders.Should().BeEmpty("a link built from the request follows whatever Host a client sends; use PublicLinks");
    }

    [Fact]
    public void EveryQueryParameter_IsAString()
    {
        var typed = Sources(".cs", ".razor")
            .SelectMany(s => Regex.Matches(s.Text, @"\[SupplyParameterFromQuery[^\]]*\]\s*public\s+(?<type>[\w.<>?]+)\s+(?<name>\w+)")
                .Where(m => m.Groups["type"].Value != "string?")
                .Select(m => $"{s.Path}: {m.Groups["type"].Value} {m.Groups["name"].Value}"))
            .ToList();
        typed.Should().BeEmpty("a typed query parameter throws on a value that does not parse; take string? and read it with QueryValue");
        Sources(".razor").Should().Contain(s => s.Text.Contains("SupplyParameterFromQuery", StringComparison.Ordinal), "the rule has pages to check");
    }

    [Theory]
    [InlineData("https://barangay.example.gov.ph", "/verify/abc", "https://barangay.example.gov.ph/verify/abc")]
    [InlineData("https://barangay.example.gov.ph/", "verify/abc?x=1", "https://barangay.example.gov.ph/verify/abc?x=1")]
    [InlineData("https://lgu.example.gov.ph/san-roque", "/Identity/Account/ResetPassword?code=x", "https://lgu.example.gov.ph/san-roque/Identity/Account/ResetPassword?code=x")]
    [InlineData("http://127.0.0.1:5080", "/", "http://127.0.0.1:5080/")]
    public void PublicLinks_To_PutsThePathOnTheBaseUrl(string baseUrl, string path, string expected) =>
        new PublicLinks(new Uri(baseUrl)).To(path).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("barangay.example.gov.ph")]
    [InlineData("/relative")]
    [InlineData("ftp://barangay.example.gov.ph")]
    [InlineData("https://barangay.example.gov.ph/?x=1")]
    public void PublicLinks_Problem_RefusesWhatIsNotAnAbsoluteHttpAddress(string? value) =>
        PublicLinks.Problem(value).Should().NotBeNull().And.Contain("PublicBaseUrl");
}
