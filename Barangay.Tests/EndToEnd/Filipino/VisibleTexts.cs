using Microsoft.Playwright;

namespace Barangay.Tests.EndToEnd.Filipino;

/// <summary>One text a person reads on the page (or hears from a screen reader), and where it is.</summary>
public sealed record VisibleText(string Where, string Text);

/// <summary>
/// Everything a person reads on the page: its lines (<c>document.body.innerText</c>, cells and lines apart), the
/// texts of buttons, links, labels, table headers and options one by one, the placeholder, aria-label, title and alt
/// of every element, the window's title, and the texts of the reconnect and error bars, which are in the page but shown
/// only when the connection drops or something breaks. Text marked as another language (<c>lang="en"</c>: the switch's
/// "English", a name written in English on purpose) is left out.
/// </summary>
public static class VisibleTexts
{
    private const string Script = """
        () => {
          const otherLanguage = el => { const l = (el.closest('[lang]')?.getAttribute('lang') || '').toLowerCase(); return l !== '' && !l.startsWith('fil') && !l.startsWith('tl'); };
          const out = [];
          const add = (where, text) => { if (text) for (const line of String(text).split(/[\n\t]+/)) out.push([where, line]); };
          // Hide what is marked as another language while the text is read, then show it again at once.
          const hidden = [...document.body.querySelectorAll('[lang]')].filter(otherLanguage);
          const before = hidden.map(el => el.style.display);
          hidden.forEach(el => el.style.display = 'none');
          try {
            add('text', document.body.innerText);
            for (const el of document.body.querySelectorAll('button, a, label, th, option, legend, [role=button], [role=tab], [role=option]'))
              if (!otherLanguage(el)) add(el.tagName.toLowerCase(), el.innerText || el.textContent);
            for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
              if (otherLanguage(el)) continue;
              // A floating label's placeholder is never seen (Bootstrap makes it transparent): the label is what is read.
              if (el.hasAttribute('placeholder') && !el.closest('.form-floating')) add('placeholder', el.getAttribute('placeholder'));
              for (const a of ['aria-label', 'title', 'alt']) if (el.hasAttribute(a)) add(a, el.getAttribute(a));
            }
            add('window title', document.title);
            for (const el of document.querySelectorAll('#components-reconnect-modal, #blazor-error-ui, .components-reconnect-dialog'))
              add('reconnect/error ui', el.textContent);
          } finally {
            hidden.forEach((el, i) => el.style.display = before[i]);
          }
          return out;
        }
        """;

    public static async Task<List<VisibleText>> ReadAsync(IPage page)
    {
        var raw = await page.EvaluateAsync<string[][]>(Script);
        return raw.Select(r => new VisibleText(r[0], EnglishTexts.Normal(r[1])))
            .Where(t => t.Text.Length > 1 && t.Text.Any(char.IsLetter))
            .Distinct().ToList();
    }
}
