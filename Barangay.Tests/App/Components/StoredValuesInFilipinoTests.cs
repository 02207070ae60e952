using Barangay.App.Components.Pages.Complaints;
using Barangay.App.Components.Pages.Households;
using Barangay.Data.Complaints;
using Barangay.Data.Households;
using Barangay.Data.Localization;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>
/// Values stored in English and shown to people — a member's relation to the head, a complaint's category — are shown in
/// the reader's language (the stored value itself does not change). bUnit over the demo database, the circuit in fil-PH.
/// </summary>
public class StoredValuesInFilipinoTests : HallPageInFilipinoTestBase, IClassFixture<DemoDatabase>
{
    public StoredValuesInFilipinoTests(DemoDatabase database) : base(database)
    {
        Services.AddScoped<ResidentService>();
        Services.AddScoped<HouseholdService>();
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoAccounts.OfficialUser);
        auth.SetPolicies([.. Permissions.All]);
    }

    [Fact]
    public async Task HouseholdPage_RelationsInFilipino()
    {
        await SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        var id = await DbAsync(db => db.HouseholdMembers.AsNoTracking().Where(m => m.Relation == "Spouse").Select(m => m.HouseholdId).FirstAsync());

        var cut = Render<HouseholdDetailPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=household-code]"));
        var relations = cut.FindAll("td[data-label=Kaugnayan]").Select(td => td.TextContent.Trim()).ToList();
        relations.Should().Contain("Asawa").And.NotContain("Spouse");
    }

    [Fact]
    public async Task MyComplaints_CategoryInFilipino()
    {
        await SignInAsync(DemoAccounts.ResidentUser);
        var filed = await Services.GetRequiredService<ComplaintService>().FileAsync(new NewComplaint
        {
            Category = "garbage", Subject = "Tambak ng basura sa kanto", Description = "Tatlong araw nang hindi nakokolekta.",
        });
        filed.Ok.Should().BeTrue(filed.Message);

        var cut = Render<MyComplaintsPage>();

        cut.WaitForAssertion(() => cut.Markup.Should().Contain(filed.Value!.ComplaintId));
        cut.Markup.Should().Contain("Basura at kalinisan").And.NotContain("Garbage and sanitation");
    }
}
