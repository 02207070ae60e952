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

    /// <summary>
    /// Text drawn outside a box that holds it (up to 8), as a long Filipino word in a narrow card, drawn under the next card
    /// or clipped: each piece of text inside <c>main</c> is measured where it is painted and compared with every ancestor's
    /// box up to <c>main</c>. A container that scrolls or ends its text with an ellipsis on purpose stops the search; text
    /// hidden for screen readers only (clipped), inside a chart (SVG) or not shown is left out. Waits for buttons' ripples
    /// (a growing circle after a tap) to end first.
    /// </summary>
    public static async Task<string[]> SpilledAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-ripple-effect')");
        return await page.EvaluateAsync<string[]>("""
            () => {
                const out = [];
                const main = document.querySelector('main');
                if (!main) return out;
                const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n && out.length < 8; n = walker.nextNode()) {
                    const text = n.textContent.trim();
                    if (!text || n.parentElement.closest('svg')) continue;
                    const range = document.createRange();
                    range.selectNodeContents(n);
                    const t = range.getBoundingClientRect();
                    if (t.width === 0 || t.height === 0) continue;
                    for (let a = n.parentElement; a && a !== main; a = a.parentElement) {
                        const s = getComputedStyle(a);
                        if (s.clip !== 'auto' || s.clipPath !== 'none' || s.visibility === 'hidden') break;
                        if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.textOverflow === 'ellipsis') break;
                        if (s.display === 'inline' || s.display === 'contents') continue;
                        const b = a.getBoundingClientRect();
                        const spill = Math.max(t.right - b.right, b.left - t.left);
                        if (spill > 1) { out.push(a.tagName + '.' + a.className + ': ' + text.slice(0, 40) + ' (' + Math.round(spill) + ' px)'); break; }
                    }
                }
                return out;
            }
            """);
    }
}
