using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// The resident's main flows by keyboard alone (WCAG 2.1.1 keyboard, 2.4.3 focus order, 2.4.7 focus visible): only
/// Tab, Shift+Tab, Enter, Space and the arrow keys; every stop shows a focus ring; after a page change the focus is
/// on the new page's h1 (or its main), after a language switch on the switch, after a form on its result.
/// </summary>
public partial class AccessibilityTests
{
    [Fact]
    public async Task ResidentFlows_ByKeyboardAlone_LanguageMessageNotificationCertificate()
    {
        await Walk.EnsureConversationAsync(); // a conversation to open and answer
        var juan = await JuanUserIdAsync();
        var before = await NotificationIdsAsync(juan);
        var requestId = await ApprovedCertificateForJuanAsync();
        await Barangay.Tests.Data.Notifications.NotificationTestData.InsertAsync(
            e2e.Database.AppConnectionString, juan, "Your barangay clearance is approved.", $"/my/requests/{requestId}");
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Desktop);
        var rings = new List<(string What, bool Visible)>();
        try
        {
            await page.GotoAsync("/my/complaints/new");
            await EndToEndFixture.WaitInteractiveAsync(page);
            await FocusOnPageHeadingAsync(page, "a page opened");

            // Language: back up to the app bar's switch; Enter shows the page in Filipino and the keyboard stays on the
            // switch (the page is re-created around it); Space switches back.
            var language = page.GetByTestId("language-switch");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Shift+Tab", language));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fil");
            await Assertions.Expect(language).ToContainTextAsync("English");
            await Assertions.Expect(language).ToBeFocusedAsync(new() { Timeout = 15_000 }); // the page is re-created: slow on a busy machine
            rings.Add(await RingAsync(page));
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Assertions.Expect(language).ToContainTextAsync("Filipino");
            await Assertions.Expect(language).ToBeFocusedAsync(new() { Timeout = 15_000 }); // the page is re-created: slow on a busy machine

            // Messages: the menu's link, then the newest conversation, then a reply typed and sent with the keyboard.
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.GetByTestId("nav-messages")));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/messages");
            await FocusOnPageHeadingAsync(page, "the messages page opened from the menu");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.GetByTestId("conversation-item").First));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/messages/[0-9a-f-]{36}$"));
            await FocusOnPageHeadingAsync(page, "a conversation opened from the list");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.GetByTestId("composer-text")));
            await page.Keyboard.TypeAsync("Thank you, I will wait for the hall's answer.");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.GetByTestId("composer-send")));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("thread")).ToContainTextAsync("I will wait for the hall's answer");
            await Screenshots.SaveAsync(page, "a11y-keyboard-message-sent");

            // Notifications: the bell in the app bar, then the newest notification, which opens the approved request.
            rings.AddRange(await KeyUntilFocusedAsync(page, "Shift+Tab", page.Locator("a[href='/notifications']").First));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/notifications");
            await FocusOnPageHeadingAsync(page, "the notifications page opened from the bell");
            var item = page.GetByTestId("notification-item").Filter(new() { HasText = "Your barangay clearance is approved." });
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", item));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync($"**/my/requests/{requestId}");
            await FocusOnPageHeadingAsync(page, "the request opened from its notification");

            // The certificate: Tab to its download button; Enter takes it (the request is released to the resident).
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.GetByTestId("download-certificate")));
            await Screenshots.SaveAsync(page, "a11y-keyboard-download-focused");
            var received = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"),
                r => r.Url.EndsWith($"/documents/{requestId}/receive", StringComparison.Ordinal));
            received.Status.Should().Be(303);
            (await received.HeaderValueAsync("location")).Should().Be($"/documents/{requestId}/certificate.pdf");

            rings.Where(r => !r.Visible).Select(r => r.What).Should().BeEmpty("every control the keyboard stops on shows a focus ring");
        }
        finally
        {
            // Juan reads English in the other tests: if the walk stopped in Filipino, switch back. (A walk that got to the
            // end is on the certificate, a PDF: no page language to read there.)
            if (await page.Locator("html").GetAttributeAsync("lang") == "fil")
            {
                await page.GetByTestId("language-switch").ClickAsync();
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            }
            // The end-to-end database is shared: Juan keeps only the notifications he had (other tests count his unread ones).
            foreach (var id in (await NotificationIdsAsync(juan)).Except(before))
                await Barangay.Tests.Data.Notifications.NotificationTestData.DeleteAsync(e2e.Database.AppConnectionString, id);
            await e2e.ClearMessageNotificationsAsync(); // the hall's notifications of the reply, as the other end-to-end tests expect them
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Filing a complaint by keyboard alone: the category with the arrow keys, the acknowledgement and then the complaint take the focus.</summary>
    [Fact]
    public async Task ComplaintForm_ByKeyboardAlone_CategoryWithArrowsAndFocusAfterSending()
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Desktop);
        var rings = new List<(string What, bool Visible)>();
        try
        {
            await page.GotoAsync("/my/complaints/new");
            await EndToEndFixture.WaitInteractiveAsync(page);
            await FocusOnPageHeadingAsync(page, "a page opened");
            // A complaint: the category with the arrow keys, the subject and description typed, sent with Enter; the
            // acknowledgement takes the focus; its link opens the complaint, whose heading takes the focus.
            var category = page.GetByTestId("complaint-category");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", category));
            await page.Keyboard.PressAsync("Enter");
            await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();
            // The list opens with a short fade: a person presses the arrow once it is shown, not while it fades in.
            await page.EvaluateAsync("""
                () => Promise.allSettled(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished))
                """);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            // The chosen category shows in the select, and the keyboard is still on it: the select swaps its text field for
            // the chosen item's display as it takes the value, and the focus used to fall to the top of the page.
            var chosen = page.GetByRole(AriaRole.Combobox, new() { Name = "What is it about?" });
            await Assertions.Expect(chosen).Not.ToBeEmptyAsync();
            await Assertions.Expect(chosen).ToBeFocusedAsync();
            rings.Add(await RingAsync(page));
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", EndToEndFixture.Field(page, "complaint-subject"), maxStops: 2)); // past the subcategory, if any
            await page.Keyboard.TypeAsync("Loud karaoke every night");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", EndToEndFixture.Field(page, "complaint-description")));
            await page.Keyboard.TypeAsync("The karaoke next door runs past midnight on weekdays.");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.GetByTestId("complaint-submit")));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("complaint-ack").Locator("h1")).ToBeFocusedAsync();
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.GetByTestId("complaint-ack-open")));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/my/complaints/[0-9a-f-]{36}$"));
            await FocusOnPageHeadingAsync(page, "the complaint opened from its acknowledgement");

            rings.Where(r => !r.Visible).Select(r => r.What).Should().BeEmpty("every control the keyboard stops on shows a focus ring");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Registration by keyboard alone: every field in reading order, the selects with the arrow keys, the date typed,
    /// the ID photo chosen from the file dialog the Space key opens, the privacy checkbox ticked with Space, sent with Enter.
    /// </summary>
    [Fact]
    public async Task Registration_ByKeyboardAlone_FieldsInOrderAndSent()
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Desktop);
        var rings = new List<(string What, bool Visible)>();
        try
        {
            await page.GotoAsync("/Identity/Account/Register");
            async Task TypeInto(string id, string text, int maxStops = 3)
            {
                rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.Locator(id), maxStops));
                await page.Keyboard.TypeAsync(text);
            }
            async Task ArrowInto(string id)
            {
                rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.Locator(id), maxStops: 3));
                await page.Keyboard.PressAsync("ArrowDown");
                await Assertions.Expect(page.Locator(id)).Not.ToHaveValueAsync("");
            }

            await TypeInto("#Input_FirstName", "Teresita", maxStops: 40); // past the skip link and the header's links first
            await TypeInto("#Input_MiddleName", "Lopez");
            await TypeInto("#Input_LastName", "Villareal");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.Locator("#Input_Dob"), maxStops: 3));
            await page.Keyboard.TypeAsync("03141979"); // the date field takes digits in the browser's order (month, day, year here)
            await Assertions.Expect(page.Locator("#Input_Dob")).ToHaveValueAsync("1979-03-14");
            await ArrowInto("#Input_Sex");
            await ArrowInto("#Input_MaritalStatus");
            await ArrowInto("#Input_Purok");
            await TypeInto("#Input_Address", "8 Bonifacio St.");
            await TypeInto("#Input_ContactNumber", "0917 555 0142");
            await TypeInto("#Input_Email", "teresita.v@mail.example");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.Locator("#IdPhoto"), maxStops: 3));
            var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
            await chooser.SetFilesAsync(new FilePayload { Name = "my-id.png", MimeType = "image/png", Buffer = Barangay.Tests.Data.Files.SampleFiles.Png });
            await TypeInto("#Input_UserName", "teresita.v");
            await TypeInto("#Input_Password", "Kalayaan-1898-Malolos");
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.Locator("#Input_AcceptPrivacyNotice"), maxStops: 3));
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.Locator("#Input_AcceptPrivacyNotice")).ToBeCheckedAsync();
            rings.AddRange(await KeyUntilFocusedAsync(page, "Tab", page.Locator("#register-submit"), maxStops: 3));
            await Screenshots.SaveAsync(page, "a11y-keyboard-register-submit-focused");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.GetByTestId("registration-sent")).ToContainTextAsync("We emailed your reference number");
            rings.Where(r => !r.Visible).Select(r => r.What).Should().BeEmpty("every control the keyboard stops on shows a focus ring");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The static pages (no circuit: the certificate check, the signing keys, the Citizen's Charter) start with the same
    /// skip link as every page (WCAG 2.4.1): the first Tab shows it on screen, Enter puts the focus on the main content.
    /// </summary>
    [Fact]
    public async Task StaticPages_FirstTabIsTheSkipLink_ItMovesTheFocusToMain()
    {
        foreach (var size in new[] { EndToEndFixture.Desktop, EndToEndFixture.Phone })
        {
            var page = await e2e.NewPageAsync(size);
            foreach (var url in AccessibilityPages.Static)
            {
                await page.GotoAsync(url);
                await page.Keyboard.PressAsync("Tab");
                var skip = page.Locator("a.skip-link");
                await Assertions.Expect(skip).ToBeFocusedAsync();
                (await skip.BoundingBoxAsync())!.Y.Should().BeGreaterThanOrEqualTo(0, "the skip link is on screen once it has the focus ({0})", url);
                await Screenshots.SaveAsync(page, $"a11y-skip-link{url.Replace('/', '-')}-{size.Width}");
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
            }
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The KP case's steps are a plain list (not a selection list with unnamed options), on a case with a done step and a hearing.</summary>
    [Fact]
    public async Task KpCase_StepsAreAPlainList()
    {
        await Walk.EnsureKpCaseAsync();
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync($"/complaints/kp/{await ScalarAsync("SELECT id FROM kp_cases ORDER BY created_at LIMIT 1")}");
        await EndToEndFixture.WaitInteractiveAsync(page);
        var steps = page.GetByTestId("kp-steps");
        await Assertions.Expect(steps.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await Assertions.Expect(steps).ToContainTextAsync("Done");
        await Screenshots.SaveAsync(page, "a11y-kp-steps-desktop");
        await page.SetViewportSizeAsync(EndToEndFixture.Phone.Width, EndToEndFixture.Phone.Height);
        await steps.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "a11y-kp-steps-phone");
        await page.Context.CloseAsync();
    }

    private async Task<object> ScalarAsync(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        return (await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>After a page change the focus is on the page's h1 (or its main landmark), so a screen reader starts there.</summary>
    private static async Task FocusOnPageHeadingAsync(IPage page, string when)
    {
        try
        {
            await page.WaitForFunctionAsync("() => { const a = document.activeElement; return !!a && (a.tagName === 'H1' || a.id === 'main-content'); }",
                null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var at = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : 'nothing'");
            throw new Xunit.Sdk.XunitException($"After {when} ({page.Url}) the focus is on {at}, not on the page's h1 or main");
        }
    }

    /// <summary>Whether the focused element shows a ring (outline or box shadow; text inputs show their caret and border).</summary>
    private static async Task<(string What, bool Visible)> RingAsync(IPage page)
    {
        var stop = await page.EvaluateAsync<string[]>("""
            () => { const el = document.activeElement; const s = getComputedStyle(el);
                    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
                                 || el.matches('input, textarea, select');
                    return [el.outerHTML.slice(0, 120), String(ring)]; }
            """);
        return (stop[0], stop[1] == "true");
    }

    private async Task<List<Guid>> NotificationIdsAsync(Guid userId)
    {
        await using var conn = new Npgsql.NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT id FROM notifications WHERE user_id = @u", conn);
        cmd.Parameters.AddWithValue("u", userId);
        var ids = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private async Task<Guid> JuanUserIdAsync()
    {
        await using var conn = new Npgsql.NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT id FROM users WHERE username = 'juan'", conn);
        return (Guid)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>A clearance Juan filed, reviewed, its fee waived and approved by the Punong Barangay: ready for him to take.</summary>
    private async Task<Guid> ApprovedCertificateForJuanAsync()
    {
        await using var host = new Barangay.Tests.Data.Documents.DocumentsTestHost(e2e.Database.AppConnectionString);
        var requests = host.Services.Get<Barangay.Data.Documents.DocumentRequestService>();
        await host.AsJuanAsync();
        var ack = (await requests.CreateAsync(Barangay.Tests.Data.Documents.DocumentRequestServiceTests.Clearance())).Value!;
        var r = (await requests.GetAsync(ack.Id))!;
        await host.AsSecretaryAsync();
        var v = (await requests.ReviewAsync(r.Id, r.Version)).Value!.Version;
        await host.AsTreasurerAsync();
        v = (await requests.WaiveAsync(r.Id, v, "Indigent family, per social worker")).Value!.Version;
        await host.AsKapitanAsync();
        var approved = await requests.ApproveAsync(r.Id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        await e2e.ClearMessageNotificationsAsync();
        return r.Id;
    }
}
