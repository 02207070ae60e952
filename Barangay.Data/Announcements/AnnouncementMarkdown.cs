using System.Text.RegularExpressions;
using Barangay.Data.Common;
using Markdig;

namespace Barangay.Data.Announcements;

/// <summary>
/// Announcement bodies are Markdown. Raw HTML in the source is never passed through (Markdig's DisableHtml shows
/// it as text), and the rendered HTML is sanitized as well, so a link to <c>javascript:</c> and an image from another host go too.
/// Emails never carry this HTML: they get <see cref="ToPlainText"/>, sent as text/plain.
/// </summary>
public static partial class AnnouncementMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UseEmphasisExtras().UsePipeTables().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();

    /// <summary>The page's HTML: Markdown rendered, then through the one sanitizer (<see cref="SafeHtml"/>), which also drops remote images.</summary>
    public static string ToSafeHtml(string markdown) => SafeHtml.ForPage(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>Plain text for emails and SMS.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();

    /// <summary>A clear refusal for a body that carries a script, or null.</summary>
    public static string? Refusal(string markdown) =>
        ScriptTag().IsMatch(markdown ?? "") ? Localization.Texts.Say("The body contains a <script> tag, which is not allowed. Use Markdown for formatting.") : null;

    [GeneratedRegex(@"<\s*/?\s*script\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptTag();
}
