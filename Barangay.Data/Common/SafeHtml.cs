using AngleSharp.Dom;
using Ganss.Xss;

namespace Barangay.Data.Common;

/// <summary>
/// The one sanitizer for HTML that carries someone's writing, on a page or in an email. Scripts, event handlers,
/// styles and every scheme but http(s), mailto and tel go. Images load only from the app itself (a path such as
/// <c>/files/…</c>): an image on another host is a tracking pixel or a hot-link, so it is dropped, on pages and in
/// emails alike. In an email no image stays at all (an email has no "the app itself" to load from), and a link shows
/// its address beside its text ("Confirm (https://…)"), so no one can dress a link to another host as the hall's.
/// </summary>
public static class SafeHtml
{
    private static readonly HtmlSanitizer Page = Create(email: false);
    private static readonly HtmlSanitizer Email = Create(email: true);

    /// <summary>For a page (rendered as markup): links open in a new tab without a referrer.</summary>
    public static string ForPage(string? html) => Page.Sanitize(html ?? "");

    /// <summary>For an HTML email: no images, and every link's address visible.</summary>
    public static string ForEmail(string? html) => Email.Sanitize(html ?? "");

    /// <summary>An app-relative path ("/files/…"), not "//host/…" nor "https://host/…".</summary>
    public static bool IsOwnPath(string? src) =>
        !string.IsNullOrWhiteSpace(src) && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) && !src.Contains('\\');

    private static HtmlSanitizer Create(bool email)
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.AllowedSchemes.Add("tel");
        s.AllowedTags.Remove("style");
        s.AllowedAttributes.Remove("style");
        s.AllowedAttributes.Remove("srcset");
        s.AllowedCssProperties.Clear();
        s.PostProcessDom += (_, e) =>
        {
            foreach (var img in e.Document.QuerySelectorAll("img").ToList())
            {
                if (email || !IsOwnPath(img.GetAttribute("src"))) img.Remove();
            }
            foreach (var a in e.Document.QuerySelectorAll("a").ToList())
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                if (!email)
                {
                    a.SetAttribute("target", "_blank");
                    continue;
                }
                // The reader sees where a link goes before clicking it: "Confirm (https://…)".
                var href = a.GetAttribute("href");
                if (!string.IsNullOrWhiteSpace(href) && a.TextContent.Trim() != href)
                    a.After(e.Document.CreateTextNode($" ({href})"));
            }
        };
        return s;
    }
}
