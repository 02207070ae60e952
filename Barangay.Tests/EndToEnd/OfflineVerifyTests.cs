using Barangay.Data.Documents;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 22, item 4, in Chromium on a 390×844 phone: the QR link of an approved certificate opens <c>/verify#…</c>;
/// with the network switched off the page (kept by its service worker) still checks the signature and says genuine,
/// "revocation not checked (offline)"; one changed letter is "not genuine"; after the Punong Barangay revokes it, the
/// online check says revoked.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class OfflineVerifyTests(EndToEndFixture e2e)
{
    private async Task<(DocumentsTestHost Host, DocumentRequestDetail Request)> ApprovedAsync()
    {
        var host = new DocumentsTestHost(e2e.Database.AppConnectionString);
        await host.AsJuanAsync();
        var id = (await host.Requests.CreateAsync(DocumentRequestServiceTests.Clearance("Bank account"))).Value!.Id;
        await host.AsSecretaryAsync();
        var v = (await host.Requests.ReviewAsync(id, (await host.Requests.GetAsync(id))!.Version)).Value!.Version;
        await host.AsTreasurerAsync();
        v = (await host.Requests.WaiveAsync(id, v, "Indigent")).Value!.Version;
        await host.AsKapitanAsync();
        var approved = await host.Requests.ApproveAsync(id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        return (host, approved.Value!);
    }

    private static async Task OpenAsync(IPage page, string payload)
    {
        // A fresh load each time (a hash change alone would not fetch the page), then wait for the script's verdict.
        await page.GotoAsync("about:blank");
        await page.GotoAsync("/verify#" + payload);
        await Expect(page.Locator("#verify[data-done=true]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task QrLink_NetworkOff_GenuineFromTheCachedPage_AlteredFlagged_RevokedOnceOnline()
    {
        var (host, r) = await ApprovedAsync();
        await using var _ = host;
        var payload = r.Certificate!.SignedPayload!;
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone);
        try
        {
            // First visit online: the service worker installs and takes the page.
            await page.GotoAsync("/verify");
            await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

            await page.Context.SetOfflineAsync(true);
            await OpenAsync(page, payload);
            await Expect(page.GetByTestId("verify-title")).ToHaveTextAsync("Genuine");
            await Expect(page.GetByTestId("verify-holder")).ToHaveTextAsync("JUAN P. DELA CRUZ");
            await Expect(page.GetByTestId("verify-control")).ToHaveTextAsync(r.Certificate.ControlNumber);
            await Expect(page.GetByTestId("verify-revocation")).ToHaveTextAsync("Signature genuine; revocation not checked (offline).");
            var ms = double.Parse(await page.Locator("#verify").GetAttributeAsync("data-ms") ?? "NaN", System.Globalization.CultureInfo.InvariantCulture);
            Console.WriteLine($"verify_offline_ms (one check in the test's Chromium): {ms:F2}");
            await Screenshots.SaveAsync(page, "verify-offline-genuine-phone");

            var parts = payload.Split('.');
            parts[2] = (parts[2][0] == 'A' ? 'B' : 'A') + parts[2][1..];
            await OpenAsync(page, string.Join('.', parts));
            await Expect(page.GetByTestId("verify-title")).ToHaveTextAsync("Not genuine");
            await Screenshots.SaveAsync(page, "verify-offline-altered-phone");

            await OpenAsync(page, payload[..(payload.Length - 20)]);
            await Expect(page.GetByTestId("verify-title")).ToHaveTextAsync("Incomplete code");

            await page.Context.SetOfflineAsync(false);
            await OpenAsync(page, payload);
            await Expect(page.GetByTestId("verify-revocation")).ToHaveTextAsync("Not revoked: checked with the barangay just now.");
            await host.AsKapitanAsync();
            (await host.Requests.RevokeAsync(r.Id, r.Version, "Issued to the wrong person")).Ok.Should().BeTrue();
            await OpenAsync(page, payload);
            await Expect(page.GetByTestId("verify-title")).ToHaveTextAsync("Revoked");
            await Expect(page.GetByTestId("verify-text")).ToContainTextAsync("revoked this certificate on");
            await page.SetViewportSizeAsync(1366, 900);
            await Screenshots.SaveAsync(page, "verify-revoked-desktop");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task PublicKeysPage_ListsTheKeyWhoseFingerprintTheCertificatePrints()
    {
        var (host, r) = await ApprovedAsync();
        await using var _ = host;
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone);
        try
        {
            await page.GotoAsync("/certificates/keys");
            await Expect(page.GetByTestId("signing-key-fingerprint").First).ToHaveTextAsync(r.Certificate!.KeyFingerprint!);
            await Screenshots.SaveAsync(page, "verify-keys-phone");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
