using System.Text;
using System.Xml.Linq;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Complaints;
using Barangay.Data.Events;
using Barangay.Data.Households;
using Barangay.Data.Imports;
using Barangay.Data.Localization;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Tests.App.Localization;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Localization;

/// <summary>
/// What the data layer says without a page around it — refusals, the words stored values stand for, the blotter's built
/// sentences, the attendee sheet — reaches the reader in their language (the flow's culture, set here as the circuit sets it).
/// </summary>
public class DataLayerInFilipinoTests(DemoDatabase database)
    : ReportLanguageTestBase<ComplaintsTestHost>(() => NewHost(database), h => h.Services), IClassFixture<DemoDatabase>
{
    private static ComplaintsTestHost NewHost(DemoDatabase database) =>
        new(database.AppConnectionString, more: s =>
        {
            s.AddScoped<HouseholdService>();
            s.AddScoped<RegistrationReviewService>();
            s.AddScoped<ResidentSelfService>();
            s.AddScoped<ResidentService>();
            s.AddEvents();
        });

    [Fact]
    public void ComplaintStatusRefusal_Filipino_IsFilipino_EnglishKeepsItsSentence()
    {
        using (LanguageScope.Use(AppLanguages.Filipino))
        {
            ComplaintStatusMachine.Refusal(ComplaintStatuses.Closed, ComplaintStatuses.Resolved)
                .Should().Be("Ang reklamong ito ay sarado na at hindi na maaaring markahang naresolba.");
            ComplaintStatusMachine.Refusal(ComplaintStatuses.New, ComplaintStatuses.Closed)
                .Should().Be("Ang reklamong bago ay hindi maaaring isara; maaari itong ilipat sa inaasikaso o tanggihan.");
        }
        using (LanguageScope.Use(AppLanguages.English))
            ComplaintStatusMachine.Refusal(ComplaintStatuses.New, ComplaintStatuses.Closed)
                .Should().Be("A new complaint cannot be closed; it can be moved to in progress or be rejected.");
    }

    [Fact]
    public async Task HouseholdRefusals_Filipino_AreFilipino()
    {
        await Host.AsSecretaryAsync();
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        var households = Host.Services.Get<HouseholdService>();
        (await households.CreateAsync(new HouseholdEdit())).Errors[nameof(HouseholdEdit.HeadResidentId)].Should().Be("Piliin ang puno ng sambahayan.");
        var some = await households.SearchAsync(new HouseholdFilter(), 0, 1);
        var id = some.Items.First().Id;
        var head = (await households.GetAsync(id))!.Members.First(m => m.IsHead).ResidentId;
        (await households.RemoveMemberAsync(id, head)).Errors["ResidentId"]
            .Should().Be("Hindi maaaring alisin ang puno ng sambahayan: pumili muna ng ibang puno.");
    }

    [Fact]
    public async Task ResidentDeletion_WithoutReason_Filipino_IsFilipino()
    {
        await Host.AsSecretaryAsync();
        var someone = await Host.OtherResidentAsync();
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        (await Host.Services.Get<ResidentService>().DeleteAsync(someone, " ")).Errors["Reason"]
            .Should().Be("Ibigay ang dahilan ng pagbura sa record na ito (halimbawa, dobleng entry).");
    }

    [Fact]
    public async Task RegistrationRejection_WithoutReason_Filipino_IsFilipino()
    {
        await Host.AsSecretaryAsync();
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        var result = await Host.Services.Get<RegistrationReviewService>().RejectAsync(Guid.NewGuid(), Guid.NewGuid(), " ");
        result.Errors["Reason"].Should().StartWith("Kailangan ang dahilan");
    }

    [Fact]
    public void HouseholdRelation_KnownWordsInTheReadersLanguage_TypedOnesAsTyped()
    {
        using (LanguageScope.Use(AppLanguages.Filipino))
        {
            HouseholdRelations.Shown("Spouse").Should().Be("Asawa");
            HouseholdRelations.Shown("Grandchild").Should().Be("Apo");
            HouseholdRelations.Shown("Ninong").Should().Be("Ninong");
            HouseholdRelations.Shown("new").Should().Be("new", "what an official typed is never looked up as another text");
        }
        using (LanguageScope.Use(AppLanguages.English)) HouseholdRelations.Shown("Spouse").Should().Be("Spouse");
    }

    [Fact]
    public async Task MyProfileSectors_Filipino_AreFilipino()
    {
        var juan = await Host.AsJuanAsync();
        await using (var db = await Host.Services.DbAsync())
            await db.Residents.Where(r => r.UserId == juan).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsFourPs, true).SetProperty(r => r.IsPwd, true).SetProperty(r => r.DisabilityType, "Visual"));
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        var profile = (await Host.Services.Get<ResidentSelfService>().GetMyProfileAsync())!;
        profile.Sectors.Should().Contain("Benepisyaryo ng 4Ps").And.Contain("Taong may kapansanan (PWD: Visual)");
    }

    [Fact]
    public async Task Blotter_MatterInTheReadersLanguage_ActionTakenInThePrintsLanguage()
    {
        await Host.AsJuanAsync();
        var ack = await Host.Complaints.FileAsync(new NewComplaint { Category = "noise", Subject = "Videoke hanggang madaling-araw", Description = "Gabi-gabi.", Confidential = true });
        ack.Ok.Should().BeTrue(ack.Message);
        await Host.AsKapitanAsync();
        await SetReportLanguageAsync(AppLanguages.Filipino);
        var today = TestClock.ManilaToday;

        BlotterEntry english, filipino;
        using (LanguageScope.Use(AppLanguages.English)) english = (await Host.Complaints.BlotterAsync(today.AddDays(-2), today.AddDays(2)))!.Entries.Single(e => e.Number == ack.Value!.ComplaintId);
        using (LanguageScope.Use(AppLanguages.Filipino)) filipino = (await Host.Complaints.BlotterAsync(today.AddDays(-2), today.AddDays(2)))!.Entries.Single(e => e.Number == ack.Value!.ComplaintId);

        english.Matter.Should().Be("Noise disturbance: Videoke hanggang madaling-araw (confidential)");
        filipino.Matter.Should().Be("Istorbong ingay: Videoke hanggang madaling-araw (kumpidensiyal)");
        english.ActionTaken.Should().StartWith("Natanggap (", "the printed book is in the barangay's report language, whoever prints it");
    }

    [Fact]
    public async Task AttendeeSheet_Filipino_HasFilipinoHeadersAndStatus()
    {
        await Host.AsSecretaryAsync();
        Guid eventId;
        await using (var db = await Host.Services.DbAsync())
            eventId = await db.Events.AsNoTracking().Where(e => db.EventRegistrations.Any(g => g.EventId == e.Id && g.Status == EventRegistrationStatuses.Registered))
                .Select(e => e.Id).FirstAsync();
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        var csv = Encoding.UTF8.GetString((await Host.Services.Get<EventService>().ExportAttendeesCsvAsync(eventId))!.Value.Content);
        csv.Should().Contain("Resident ID,Pangalan,Purok,Numero ng telepono,Status,Nagparehistro (oras sa Maynila)\r\n");
        csv.Should().Contain(",nakarehistro,").And.NotContain(",registered,");
    }

    [Theory]
    [InlineData("Texts.resx")]
    [InlineData("Texts.fil-PH.resx")]
    public void Catalogue_HasNoNamesThatDifferOnlyInCase(string file)
    {
        // MSBuild keeps one of two such names and warns (MSB3568); Texts.Find already gives the other case its entry.
        var path = Path.Combine(TextsCompletenessTests.RepoRoot(), "Barangay.Data", "Localization", file);
        var names = XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g))
            .Should().BeEmpty();
    }
}
