using System.Diagnostics;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Barangay.Tests.EndToEnd.Filipino;

/// <summary>
/// Issue 26 item 7, for pages: every routable page (<see cref="AccessibilityPages.All"/>, for each role that sees it,
/// plus the account pages and their refusals in <see cref="AccountPagesInFilipino"/>) opened by a person who reads
/// Filipino shows no English. The catalogue's own completeness is TextsCompletenessTests; this finds what never reaches
/// the catalogue: a text a page forgot to wrap in <c>L[…]</c>, a service's constant shown as it is, a MudBlazor
/// built-in text, a label hard-coded in a .cshtml. One browser, one signed-in context per role, desktop only.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class PagesInFilipinoTests(EndToEndFixture e2e, ITestOutputHelper output)
{
    private static readonly AxeRole[] Roles = [AxeRole.Anonymous, AxeRole.Resident, AxeRole.Secretary, AxeRole.Treasurer, AxeRole.Admin];

    [Fact]
    public async Task EveryPage_ReadInFilipino_ShowsNoEnglishText()
    {
        var clock = Stopwatch.StartNew();
        var walk = new PageWalk(e2e, Log);
        await walk.EnsureDemoContentAsync();
        var stored = await StoredTexts.LoadAsync(e2e.Database.AppConnectionString);
        var untranslated = new List<string>();
        var prose = new List<string>();
        var failures = new List<string>();
        var views = 0;
        foreach (var role in Roles)
        {
            var pages = AccessibilityPages.All.Concat(AccountPagesInFilipino.All).Where(p => p.Roles.Contains(role)).ToList();
            var page = await walk.OpenAsAsync(role, "fil-PH");
            var switched = await ChooseFilipinoAsync(page, role);
            try
            {
                foreach (var entry in pages)
                {
                    var url = await walk.UrlAsync(entry);
                    await page.GotoAsync(url);
                    if (entry.Then is not null) await entry.Then(page);
                    var where = $"{role} {url}{(entry.Then is null ? "" : " (" + entry.Then.Method.Name + ")")}";
                    if (!await PageWalk.IsThePageItselfAsync(page, entry, role, where, failures)) continue;
                    await PageWalk.SettleAsync(page, "light", "desktop");
                    views++;
                    var lang = await page.Locator("html").GetAttributeAsync("lang");
                    if (lang != "fil") failures.Add($"{where}: the page says lang=\"{lang}\", not Filipino");
                    foreach (var text in await VisibleTexts.ReadAsync(page))
                    {
                        if (EnglishTexts.UntranslatedEntry(text.Text, stored) is { } entryKey)
                            untranslated.Add($"{where}: {text.Where} \"{text.Text}\"{(entryKey == text.Text ? "" : $" (catalogue: \"{entryKey}\")")}");
                        else if (EnglishTexts.LooksEnglish(text.Text, stored))
                            prose.Add($"{where}: {text.Where} \"{text.Text}\"");
                    }
                }
            }
            finally
            {
                if (switched) await BackToEnglishAsync(page);
                await page.Context.CloseAsync();
            }
        }

        untranslated = untranslated.Distinct().ToList();
        prose = prose.Distinct().ToList();
        Log($"{views} page views ({Roles.Length} roles) in {clock.Elapsed.TotalSeconds:0} s; {stored.Count} stored texts; "
            + $"{untranslated.Count} untranslated catalogue texts, {prose.Count} English-looking lines");
        await File.WriteAllLinesAsync(Path.Combine(Screenshots.Directory, "filipino-untranslated.txt"), untranslated);
        await File.WriteAllLinesAsync(Path.Combine(Screenshots.Directory, "filipino-english-prose.txt"), prose);
        foreach (var line in prose) Log("prose: " + line);
        failures.AddRange(untranslated);
        failures.AddRange(prose);
        failures.Should().BeEmpty("a page read in Filipino shows no English (wrap the text in L[…] or Texts.Say, add it to Texts.fil-PH.resx):\n"
                                  + string.Join("\n", failures));
    }

    /// <summary>
    /// The browser prefers Filipino; a demo account whose saved language is English (another test's switch) is switched
    /// to Filipino in the app bar for the walk and back afterwards (true), so the shared account is left as it was.
    /// </summary>
    internal static async Task<bool> ChooseFilipinoAsync(IPage page, AxeRole role)
    {
        if (role == AxeRole.Anonymous) return false;
        if (await page.Locator("html").GetAttributeAsync("lang") == "fil") return false;
        await page.GetByTestId("language-switch").ClickAsync();
        // The button names the other language once the page has changed, which is after the account has kept the
        // choice (html's lang changes first, in the browser): the next page load then asks for Filipino.
        await Assertions.Expect(page.GetByTestId("language-switch")).ToContainTextAsync("English");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fil");
        return true;
    }

    internal static async Task BackToEnglishAsync(IPage page)
    {
        await page.GotoAsync("/");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.GetByTestId("language-switch")).ToContainTextAsync("Filipino");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    private void Log(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            File.AppendAllText(Path.Combine(Screenshots.Directory, "filipino-progress.txt"), line + Environment.NewLine);
        }
    }
}
