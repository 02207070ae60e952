using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Dialogs by keyboard (WCAG 2.1.2, 2.4.3; wwwroot/js/dialogs.js): opened with Enter, the focus goes into the dialog;
/// Tab and Shift+Tab go round its controls and never leave it, each key settling at once on a control (not on
/// MudBlazor's edge markers, which wait for the server); Escape closes it (after first closing an open list); on
/// close, by Escape or by its Back/Cancel button, the focus is back on the button that opened it.
/// One hall dialog (a complaint's internal note) and one resident dialog (a correction request, with a select).
/// </summary>
public partial class AccessibilityTests
{
    [Fact]
    public async Task Dialogs_ByKeyboard_TrapTheFocus_CloseOnEscape_AndGiveItBack()
    {
        var official = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        try
        {
            await official.GotoAsync($"/complaints/{await ScalarAsync("SELECT id FROM complaints ORDER BY reported_at DESC LIMIT 1")}");
            await EndToEndFixture.WaitInteractiveAsync(official);
            await CheckDialogAsync(official, official.GetByTestId("complaint-add-note"), "Back", listFirst: false);
        }
        finally
        {
            await official.Context.CloseAsync();
        }

        var resident = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Desktop);
        try
        {
            await resident.GotoAsync("/me");
            await EndToEndFixture.WaitInteractiveAsync(resident);
            await CheckDialogAsync(resident, resident.GetByTestId("request-correction"), "Cancel", listFirst: true);
        }
        finally
        {
            await resident.Context.CloseAsync();
        }
    }

    /// <summary>The element that has the focus, if it is a control inside the open dialog: its text for the messages, else null.</summary>
    private const string FocusedControlInDialog = """
        () => { const a = document.activeElement; const d = document.querySelector('[role=dialog]');
                if (!a || !d || a === d || !d.contains(a) || !a.matches('a[href], button, input, select, textarea, [role]')) return null;
                if (!a.dataset.stop) a.dataset.stop = String(document.querySelectorAll('[data-stop]').length);
                return a.dataset.stop; }
        """;

    private static async Task CheckDialogAsync(IPage page, ILocator opener, string cancel, bool listFirst)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await OpenByKeyboardAsync(page, opener, dialog);
        await Screenshots.SaveAsync(page, $"a11y-dialog-open-{await opener.GetAttributeAsync("data-testid")}");

        // Round the dialog with Tab: each press lands on a control in it at once; back at the start within 12 presses.
        var first = await page.EvaluateAsync<string?>(FocusedControlInDialog);
        var seen = new List<string?> { first };
        for (var i = 0; i < 12 && (seen.Count == 1 || seen[^1] != first); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            seen.Add(await page.EvaluateAsync<string?>(FocusedControlInDialog));
        }
        seen.Should().NotContainNulls("every Tab stays inside the dialog on one of its controls (stops: {0})", string.Join(", ", seen));
        seen[^1].Should().Be(first, "Tab goes round the dialog's controls back to the first (stops: {0})", string.Join(", ", seen));
        seen.Count.Should().BeGreaterThan(2, "the dialog has more than one control");
        // And back the other way: Shift+Tab from the first control goes to the last.
        await page.Keyboard.PressAsync("Shift+Tab");
        (await page.EvaluateAsync<string?>(FocusedControlInDialog)).Should().Be(seen[^2], "Shift+Tab from the first control goes to the last");

        if (listFirst)
        {
            // A list opened inside the dialog: the first Escape closes the list only, and the keyboard stays in the dialog.
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            (await page.EvaluateAsync<string?>(FocusedControlInDialog)).Should().NotBeNull("closing the list leaves the keyboard in the dialog");
        }

        // Escape closes the dialog, and the keyboard is back on the button that opened it.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(opener).ToBeFocusedAsync(new() { Timeout = 15_000 });

        // So does its Back or Cancel button, pressed with Enter.
        await OpenByKeyboardAsync(page, opener, dialog);
        var back = dialog.GetByRole(AriaRole.Button, new() { Name = cancel, Exact = true });
        await KeyUntilFocusedAsync(page, "Shift+Tab", back, maxStops: 12);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(opener).ToBeFocusedAsync(new() { Timeout = 15_000 });
    }

    /// <summary>Enter on the opener; the dialog shows and puts the focus on one of its controls (after a server round trip).</summary>
    private static async Task OpenByKeyboardAsync(IPage page, ILocator opener, ILocator dialog)
    {
        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 15_000 });
        try
        {
            await page.WaitForFunctionAsync(FocusedControlInDialog, null, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var at = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
            throw new Xunit.Sdk.XunitException($"The dialog opened but the focus is on {at}, not on one of its controls");
        }
    }
}
