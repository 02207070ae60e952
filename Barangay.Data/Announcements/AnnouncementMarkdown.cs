using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace Barangay.Data.Announcements;

/// <summary>
/// Announcement bodies are Markdown. Raw HTML in the source is never passed through (Markdig's DisableHtml shows
/// it as text), and the rendered HTML is sanitized as well, so a link to <c>javascript:</c> goes too.
/// </summary>
public static partial class AnnouncementMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UseEmphasisExtras().UsePipeTables().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>Plain text for emails and SMS.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();

    /// <summary>A clear refusal for a body that carries a script, or null.</summary>
    public static string? Refusal(string markdown) =>
        ScriptTag().IsMatch(markdown ?? "") ? "The body contains a <script> tag, which is not allowed. Use Markdown for formatting." : null;

    [GeneratedRegex(@"<\s*/?\s*script\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptTag();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.AllowedSchemes.Add("tel");
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                a.SetAttribute("target", "_blank");
            }
        };
        return s;
    }
}
