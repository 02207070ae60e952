using Microsoft.Playwright;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Whether a page fits its window. Filipino words run longer than English ones (issue 26), so the Filipino screenshot
/// tests check every screen with these: nothing scrolls sideways, nothing is drawn past the right edge.
/// </summary>
public static class PageFit
{
    /// <summary>How many pixels the page scrolls sideways (0 or less: it fits).</summary>
    public static Task<int> SidewaysAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>
    /// What inside <c>main</c> is drawn past the right edge of the window (up to 8, tag, class and text): a container that
    /// clips its overflow hides such an element from the page's scroll width, so <see cref="SidewaysAsync"/> misses it.
    /// A button's ripple (a circle that grows past the button for a moment after a tap) is not text and is left out.
    /// </summary>
    public static Task<string[]> CutAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('main *')]
            .filter(e => !e.classList.contains('mud-ripple-effect'))
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right > window.innerWidth + 1; })
            .slice(0, 8).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40))
        """);
}
