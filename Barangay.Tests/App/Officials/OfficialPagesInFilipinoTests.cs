using Barangay.App.Components.Pages.Documents;
using Barangay.App.Components.Pages.Home;
using Barangay.App.Components.Pages.Households;
using Barangay.App.Components.Pages.Residents;
using Barangay.Data.Dashboard;
using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Officials;

/// <summary>Issue 26 item 1: the hall's everyday pages (the queue, a request, the residents, a record, the households, the home's charts) for a Filipino official.</summary>
public class OfficialPagesInFilipinoTests(DemoDatabase database) : OfficialPageTestBase(database, AppLanguages.Filipino), IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task QueueAndRequest_ForAFilipinoSecretary_AreInFilipino()
    {
        var requests = Services.GetRequiredService<DocumentRequestService>();
        await SignInAsync(DemoAccounts.ResidentUser);
        var ack = (await requests.CreateAsync(new NewDocumentRequest { TypeCode = "certificate-of-indigency", Purpose = "Tulong medikal" })).Value!;
        await SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);

        var queue = Render<QueuePage>();
        queue.WaitForAssertion(() => queue.FindAll("[data-testid=queue-grid] tbody tr").Count.Should().BeGreaterThan(1));
        queue.Find("h1").TextContent.Should().Be("Mga kahilingan ng dokumento");
        queue.Markup.Should().Contain("Kahilingan blg.").And.Contain("Takdang araw").And.Contain("Kahilingang personal na idinulog")
            .And.Contain("Mga lampas na").And.Contain("Hilera bawat pahina")
            .And.NotContain("Document requests").And.NotContain("Walk-in request").And.NotContain("Overdue only").And.NotContain("Rows per page");

        var detail = Render<RequestDetailPage>(p => p.Add(x => x.Id, ack.Id));
        detail.WaitForAssertion(() => detail.Find("[data-testid=request-heading]").TextContent.Should().Contain(ack.RequestId));
        var text = detail.Markup;
        text.Should().Contain("Pila ng mga kahilingan").And.Contain("Layunin").And.Contain("Naisumite").And.Contain("Kumpleto na ang requirements")
            .And.Contain("Kumpleto na ang requirements (markahang nasuri na)").And.Contain("Tanggihan").And.Contain("Kanselahin ang kahilingan")
            .And.Contain("Mga nangyari").And.Contain("araw ng trabaho")
            .And.NotContain("Request queue").And.NotContain("Purpose").And.NotContain("Reject").And.NotContain("working days");
    }

    [Fact]
    public async Task ResidentsHouseholdsAndARecord_ForAFilipinoSecretary_AreInFilipino()
    {
        var (residentId, householdId) = await DbAsync(db => db.Residents.AsNoTracking().Where(r => r.HouseholdId != null && r.Sex == "Female")
            .OrderBy(r => r.ResidentId).Select(r => new ValueTuple<Guid, Guid>(r.Id, r.HouseholdId!.Value)).FirstAsync());

        var list = Render<ResidentsPage>();
        list.WaitForAssertion(() => list.FindAll("[data-testid=residents-grid] tbody tr").Count.Should().BeGreaterThan(1));
        list.Find("h1").TextContent.Should().Be("Mga residente");
        list.Markup.Should().Contain("Magdagdag ng residente").And.Contain("Hanapin ayon sa pangalan").And.Contain("Kasarian").And.Contain("Aktibo").And.Contain("Babae")
            .And.NotContain("Add resident").And.NotContain("Search by name").And.NotContain(">Female<");

        var record = Render<ResidentDetailPage>(p => p.Add(x => x.Id, residentId));
        record.WaitForAssertion(() => record.Find("[data-testid=resident-status]").TextContent.Should().Be("Aktibo"));
        record.Markup.Should().Contain("Petsa ng kapanganakan").And.Contain("Kasarian / katayuang sibil").And.Contain("Babae").And.Contain("I-edit")
            .And.Contain("I-print ang record ng sambahayan").And.Contain("Huling binago").And.MatchRegex("(Enero|Pebrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre) \\d")
            .And.NotContain("Birth date").And.NotContain("Last updated").And.NotContain("Print household record");

        var households = Render<HouseholdsPage>();
        households.WaitForAssertion(() => households.Markup.Should().Contain("Mga miyembro"));
        households.Find("h1").TextContent.Should().Be("Mga sambahayan");
        households.Markup.Should().Contain("Bagong sambahayan").And.NotContain("New household").And.NotContain("Members");

        var household = Render<HouseholdDetailPage>(p => p.Add(x => x.Id, householdId));
        household.WaitForAssertion(() => household.Find("[data-testid=household-code]").TextContent.Should().StartWith("Sambahayan "));
        household.Markup.Should().Contain("Kaugnayan").And.Contain("Puno ng pamilya").And.Contain("Magdagdag o maglipat ng miyembro dito")
            .And.NotContain("Relation").And.NotContain("Make head");
    }

    [Fact]
    public void HomeCharts_ForAFilipinoOfficial_AreInFilipino()
    {
        var charts = new OfficialCharts(
            [new PyramidBand("0-4", 10, 12)], [new PurokCount("purok-1", "Purok 1 - Sampaguita", 22)],
            [new WeekCount(new DateOnly(2026, 11, 30), 3, 1)], []);
        var cut = Render<OfficialChartsPanel>(p => p.Add(x => x.Charts, charts));
        cut.Markup.Should().Contain("Populasyon ayon sa edad at kasarian").And.Contain("Mga residente bawat purok").And.Contain("Wala pang nakatalang reklamo.")
            .And.Contain("Nob 30").And.NotContain("Residents per purok").And.NotContain("Nov 30");
    }
}
