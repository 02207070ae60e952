using Barangay.Data.Announcements;
using Barangay.Data.Common;
using Barangay.Jobs.Email;

namespace Barangay.Tests.Data.Common;

/// <summary>Someone's writing never reaches a page or an email as live markup that loads, runs or hides where it links.</summary>
public class SafeHtmlTests
{
    private const string Hostile = """
        <p>Ayuda!</p><a href="http://evil.example/claim">Claim your ayuda</a>
        <img src="http://track.example/pixel.gif"><img src="//track.example/p.gif"><img src="/files/abc/photo">
        <script>alert(1)</script><b onmouseover="alert(2)">bold</b><img src=x onerror="alert(3)">
        <a href="javascript:alert(4)">js</a><iframe src="https://evil.example"></iframe><p style="background:url(http://track.example/s)">s</p>
        """;

    [Fact]
    public void ForPage_HostileHtml_DropsScriptsHandlersAndRemoteImagesKeepsOwnImages()
    {
        var html = SafeHtml.ForPage(Hostile);

        html.Should().NotContain("<script").And.NotContain("onmouseover").And.NotContain("onerror").And.NotContain("javascript:")
            .And.NotContain("iframe").And.NotContain("track.example").And.NotContain("style=");
        html.Should().Contain("<img src=\"/files/abc/photo\">", "an image the app serves itself stays");
        html.Should().Contain("rel=\"noopener noreferrer nofollow\"").And.Contain("<b>bold</b>");
    }

    [Fact]
    public void ForEmail_HostileHtml_DropsEveryImageAndShowsWhereLinksGo()
    {
        var html = SafeHtml.ForEmail(Hostile);

        html.Should().NotContain("<img").And.NotContain("<script").And.NotContain("onerror").And.NotContain("javascript:").And.NotContain("track.example");
        html.Should().Contain("Claim your ayuda</a> (http://evil.example/claim)", "the reader sees the real address of a link");
    }

    [Fact]
    public void AnnouncementPage_RemoteImageInMarkdown_IsDropped()
    {
        var html = AnnouncementMarkdown.ToSafeHtml("Notice ![pixel](http://track.example/p.gif) ![own](/files/x/photo) [site](https://example.org)");

        html.Should().NotContain("track.example").And.Contain("/files/x/photo").And.Contain("href=\"https://example.org\"");
    }

    [Fact]
    public void PlainTextEmail_WithTagsInIt_IsSentAsTextNotHtml()
    {
        var row = new ClaimedEmail(Guid.NewGuid(), "resident@example.ph", "New message: <b>hi</b>",
            "You have a new message about \"<a href=\"http://evil.example\">x</a><img src=\"http://track.example/p.gif\">\".", IsHtml: false, 0, DateTime.UtcNow);

        var email = OutgoingEmail.Of(row, "hall@example.ph");
        var eml = EmlFileTransport.Render(email);

        email.IsHtml.Should().BeFalse("a body is never sniffed for tags");
        eml.Should().Contain("Content-Type: text/plain").And.NotContain("text/html");
    }

    [Fact]
    public void TemplateEmail_IsHtmlButPassesTheSanitizer()
    {
        var row = new ClaimedEmail(Guid.NewGuid(), "resident@example.ph", "Confirm",
            "<p>Hi</p><a href=\"https://hall.example/confirm?c=1\">Confirm</a><img src=\"http://track.example/p.gif\">", IsHtml: true, 0, DateTime.UtcNow);

        var email = OutgoingEmail.Of(row, "hall@example.ph");

        email.IsHtml.Should().BeTrue();
        email.Body.Should().Contain("href=\"https://hall.example/confirm?c=1\"").And.Contain("(https://hall.example/confirm?c=1)").And.NotContain("<img");
    }
}
