using System.Text;
using System.Text.RegularExpressions;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 21's flaky hearing: the focus a dialog puts on its first control comes from the server, a round trip after the
/// dialog is drawn. On a busy server it came after the person (or the test) had already gone into the attendees box and
/// was typing: it took the focus to the read-only date field, which dropped the rest of the text, and the hearing was
/// refused for want of attendees. Here the server's "focus the first control" is held back (the WebSocket routed through
/// the test) until the secretary is in the attendees box, then let through: the focus and the text stay where she is.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class KpHearingDialogFocusTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task HearingDialog_FirstControlFocusArrivesLate_TheBoxTheSecretaryIsTypingInKeepsFocusAndText()
    {
        // A case summoned through the service (the Punong Barangay summons); the Lupon secretary minutes its hearing.
        await using var host = new ComplaintsTestHost(e2e.Database.AppConnectionString, new FakeTimeProvider(TestClock.Now.AddHours(-1)));
        var kp = await host.SummonedCaseAsync(await host.OtherResidentAsync(6), walkInFor: await host.OtherResidentAsync(5));

        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await TypeWhileTheServersCallIsHeldAsync(page, $"/complaints/kp/{kp.Id}", "mudElementRef.focusFirst", "kp-record-hearing", "kp-hearing-attendees", "Juan Dela Cruz");
        await EndToEndFixture.Field(page, "kp-hearing-minutes").FillAsync("Both parties appeared; no agreement yet.");
        await page.GetByTestId("kp-hearing-submit").ClickAsync();
        await Expect(page.GetByTestId("kp-hearing")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("kp-hearing")).ToContainTextAsync("Juan Dela Cruz");
    }

    [Fact]
    public async Task IntakeDialog_AutocompleteHighlightArrivesLate_TheNameBoxKeepsFocusAndText()
    {
        // Juan's complaint; the Lupon secretary takes it up. The resident autocomplete is the dialog's first control: the
        // focus goes there, and its "highlight the text" (a select(), which also focuses) comes a round trip later.
        await using var host = new ComplaintsTestHost(e2e.Database.AppConnectionString, new FakeTimeProvider(TestClock.Now.AddHours(-1)));
        await host.AsJuanAsync();
        var ack = (await host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await TypeWhileTheServersCallIsHeldAsync(page, $"/complaints/{ack.Id}", "mudElementRef.select", "kp-mark", "kp-respondent-name", "Ramon Santos");
    }

    /// <summary>
    /// On <paramref name="path"/>, opens the dialog behind the <paramref name="open"/> button with the server's first JS call
    /// naming <paramref name="marker"/> held back, goes into the <paramref name="field"/> box, lets the call through (it
    /// arrives while she is in the box) and types <paramref name="text"/>: the box keeps the focus and the whole text.
    /// </summary>
    private static async Task TypeWhileTheServersCallIsHeldAsync(IPage page, string path, string marker, string open, string field, string text)
    {
        var held = await HeldMessage.RouteAsync(page, marker);
        await page.GotoAsync(path);
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId(open)).ToBeVisibleAsync(new() { Timeout = 15_000 });

        held.Hold();
        await page.GetByTestId(open).ClickAsync();
        await held.Asked.WaitAsync(TimeSpan.FromSeconds(15));
        var box = EndToEndFixture.Field(page, field);
        await box.ClickAsync();
        await Expect(box).ToBeFocusedAsync();

        // The server's call arrives now, while she is in the box; the browser answers once it has run it.
        await held.ReleaseAsync();
        await page.Keyboard.TypeAsync(text);

        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveValueAsync(text);
    }

    /// <summary>
    /// The Blazor WebSocket routed through the test: the first server message naming <c>marker</c> (a JS call) after
    /// <see cref="Hold"/> is held back until <see cref="ReleaseAsync"/>, which returns once the browser has answered a JS call.
    /// </summary>
    private sealed class HeldMessage
    {
        private bool _hold;
        private IWebSocketFrame? _held;
        private IWebSocketRoute? _toPage;
        private TaskCompletionSource? _answered;
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Asked => _asked.Task;
        public void Hold() => _hold = true;

        private static string Of(IWebSocketFrame f) => f.Binary is { } b ? Encoding.UTF8.GetString(b) : f.Text ?? "";
        private static void Send(IWebSocketRoute to, IWebSocketFrame f) { if (f.Binary is { } b) to.Send(b); else to.Send(f.Text ?? ""); }

        public static async Task<HeldMessage> RouteAsync(IPage page, string marker)
        {
            var h = new HeldMessage();
            await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
            {
                h._toPage = ws;
                var server = ws.ConnectToServer();
                ws.OnMessage(frame =>
                {
                    Send(server, frame);
                    if (Of(frame).Contains("EndInvokeJSFromDotNet")) h._answered?.TrySetResult();
                });
                server.OnMessage(frame =>
                {
                    if (h._hold && h._held is null && Of(frame).Contains(marker))
                    {
                        h._held = frame;
                        h._asked.TrySetResult();
                    }
                    else Send(ws, frame);
                });
            });
            return h;
        }

        public async Task ReleaseAsync()
        {
            _answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _hold = false;
            Send(_toPage!, _held!);
            await _answered.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
    }
}
