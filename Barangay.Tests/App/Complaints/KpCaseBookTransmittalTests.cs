using Barangay.App.Components.Pages.Complaints;
using Barangay.App.Localization;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Complaints;

/// <summary>
/// The case book's Monthly Transmittal buttons show only to those who may prepare it (the Lupon chairman and secretary,
/// secs. 399(f), 419): another holder of complaints.handle would only get "not found" from them. Over the real service and
/// database, so the page and the print answer from the same rule.
/// </summary>
public sealed class KpCaseBookTransmittalTests : KpPageTestBase, IClassFixture<DemoDatabase>
{
    public KpCaseBookTransmittalTests(DemoDatabase database) : base(database, TestClock.AtManila("2026-12-04 09:00")) =>
        Services.AddSingleton(new UiLanguage());

    [Theory]
    [InlineData("secretary", OfficialPositions.Secretary, true)]
    [InlineData("kapitan", OfficialPositions.PunongBarangay, true)]
    [InlineData("kgd.reyes", OfficialPositions.Kagawad, false)]
    public async Task CaseBook_TransmittalButtons_OnlyForTheLuponChairmanAndSecretary(string user, string position, bool shown)
    {
        await Host.SignInAsync(user, position);
        Render<MudPopoverProvider>();
        var today = TimeZones.ManilaToday(Services.GetRequiredService<TimeProvider>()); // the page's own clock
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        // The service's answer first: the buttons must say the same thing.
        var transmittal = await Host.Kp.MonthlyTransmittalAsync(month);
        (transmittal is not null).Should().Be(shown, "{0} ({1}) {2} prepare the transmittal", user, position, shown ? "may" : "may not");

        var page = Render<KpCaseBookPage>();

        // Wait until the page knows (aria-busy goes false), so a hidden button is not merely not yet drawn.
        page.WaitForAssertion(() => page.Find("[data-testid=kp-book]").GetAttribute("aria-busy").Should().Be("false"));
        page.FindAll("[data-testid=kp-transmittal-pdf]").Should().HaveCount(shown ? 1 : 0);
        page.FindAll("[data-testid=kp-transmittal-xlsx]").Should().HaveCount(shown ? 1 : 0);
        page.FindAll("[data-testid=kp-transmittal]").Should().HaveCount(shown ? 1 : 0);
        if (shown) page.Find("[data-testid=kp-transmittal-pdf]").GetAttribute("href").Should().Be($"/complaints/kp/transmittal/{month:yyyy-MM}.pdf");
    }
}
