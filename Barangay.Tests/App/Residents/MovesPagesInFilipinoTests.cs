using Barangay.App.Localization;
using Barangay.App.Residents.Moves;
using Barangay.Data.Localization;
using Barangay.Data.Municipality;
using Barangay.Data.Municipality.Moves;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Data.Tenancy;
using Barangay.Tests.Data.Municipality;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Barangay.Tests.App.Residents;

/// <summary>
/// The moves pages (issue 27) read in the reader's language: a Filipino-speaking secretary of Poblacion sees a move
/// from San Isidro waiting, and the move-out form, in Filipino, over the real moves service and databases.
/// </summary>
public sealed class MovesPagesInFilipinoTests(MunicipalityFixture muni) : ComponentTestBase, IClassFixture<MunicipalityFixture>, IAsyncLifetime
{
    private readonly Dictionary<string, TestServices> _at = [];

    public async Task InitializeAsync()
    {
        foreach (var (name, slug) in new[] { ("San Isidro", "san-isidro"), ("Poblacion", "poblacion") })
        {
            if (await muni.Get<IBarangayDirectory>().FindBySlugAsync(slug) is null) await muni.AddClonedAsync(name, slug, TestEnvironment.DemoTemplate);
            var entry = (await muni.Get<IBarangayDirectory>().FindBySlugAsync(slug))!;
            var services = new TestServices(entry.ConnectionString, s =>
            {
                s.AddScoped<ICurrentBarangay>(_ => new Fixed(entry));
                s.AddSingleton(muni.Get<IBarangayDirectory>());
                s.AddSingleton(muni.Get<IDbContextFactory<MunicipalityDbContext>>());
                s.AddSingleton(muni.Get<BarangayContexts>());
                s.AddScoped<BarangayMoves>();
                s.AddScoped<ResidentService>();
                s.AddScoped<LookupService>();
            });
            await services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
            _at[slug] = services;
        }
        Services.AddTransient(typeof(IStringLocalizer<>), typeof(TextsLocalizer<>));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var s in _at.Values) await s.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>The page's services are the barangay's own (its database, its secretary signed in).</summary>
    private void AtBarangay(string slug)
    {
        // In the test's own flow (a culture set in InitializeAsync would not flow here): the page's texts and the services' messages.
        var language = new UiLanguage();
        language.Set(AppLanguages.Filipino);
        language.Apply();
        Services.AddSingleton(language);
        Services.AddSingleton(_at[slug].Get<BarangayMoves>());
        Services.AddSingleton(_at[slug].Get<ResidentService>());
        Services.AddSingleton(_at[slug].Get<LookupService>());
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task MovesPage_FilipinoSecretary_SeesTheWaitingMoveAndItsActionsInFilipino()
    {
        await using (var db = await _at["san-isidro"].DbAsync())
        {
            var person = await db.Residents.AsNoTracking().Where(r => r.RegistrationStatus == ResidentStatuses.Active && r.UserId == null && r.HouseholdId != null)
                .OrderBy(r => r.ResidentId).Skip(7).FirstAsync();
            var poblacion = (await muni.Get<IBarangayDirectory>().FindBySlugAsync("poblacion"))!.Id;
            var recorded = await _at["san-isidro"].Get<BarangayMoves>().RecordMoveOutAsync(new MoveOut
            {
                ResidentId = person.Id, ToBarangayId = poblacion, ConsentGiven = true, Witness = "Kgd. Antonio B. Reyes", ConsentDate = new DateOnly(2026, 1, 15),
            });
            recorded.Ok.Should().BeTrue(recorded.Message);
        }
        AtBarangay("poblacion");

        var page = Render<MovesPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=incoming-count]").TextContent.Should().Be("Naghihintay sa iyo: 1"));
        var move = page.Find("[data-testid=incoming-move]").TextContent;
        move.Should().Contain("Mula sa San Isidro · ipinanganak noong").And.Contain("Pumayag; saksi si Kgd. Antonio B. Reyes, Enero 15, 2026; itinala ni")
            .And.Contain("Tanggapin").And.Contain("Tanggihan");
        page.Markup.Should().Contain("Mga paglipat sa pagitan ng mga barangay").And.Contain("Mga lumipat palabas ng barangay na ito")
            .And.NotContain("Waiting for you").And.NotContain("Accept").And.NotContain("Decline");
    }

    [Fact]
    public async Task MoveOutPage_FilipinoSecretary_TheFormAndItsRefusalsAreInFilipino()
    {
        Guid id;
        await using (var db = await _at["san-isidro"].DbAsync())
            id = await db.Residents.AsNoTracking().Where(r => r.RegistrationStatus == ResidentStatuses.Active && r.UserId == null)
                .OrderBy(r => r.ResidentId).Skip(11).Select(r => r.Id).FirstAsync();
        AtBarangay("san-isidro");

        var page = Render<MoveOutPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => page.Find("button[data-testid=move-save]").TextContent.Should().Be("Itala ang paglipat palabas"));
        page.Find("h1").TextContent.Should().Be("Paglipat sa ibang barangay");
        page.Markup.Should().Contain("Lilipat sa").And.Contain("Saksi sa pagpayag").And.Contain("Itala ang paglipat palabas").And.NotContain("Moving to");
        // Sent empty: the service's refusals, in the reader's language, under their fields.
        page.Find("button[data-testid=move-save]").Click();
        page.WaitForAssertion(() => page.Markup.Should().Contain("Piliin ang barangay sa bayang ito na lilipatan ng residente.")
            .And.Contain("Kailangan ang pagpayag ng residente sa paglipat: kumpirmahing pumayag siya."));
    }

    [Fact]
    public async Task MoveOutPage_RefusedDestinationAndConsent_TickingConsent_TakesOnlyItsMessageAway()
    {
        Guid id;
        await using (var db = await _at["san-isidro"].DbAsync())
            id = await db.Residents.AsNoTracking().Where(r => r.RegistrationStatus == ResidentStatuses.Active && r.UserId == null)
                .OrderBy(r => r.ResidentId).Skip(12).Select(r => r.Id).FirstAsync();
        AtBarangay("san-isidro");
        var page = Render<MoveOutPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("button[data-testid=move-save]").Click();
        const string consent = "Kailangan ang pagpayag ng residente sa paglipat: kumpirmahing pumayag siya.";
        const string destination = "Piliin ang barangay sa bayang ito na lilipatan ng residente.";
        page.WaitForAssertion(() => page.Markup.Should().Contain(consent).And.Contain(destination));

        page.Find("input[data-testid=move-consent], [data-testid=move-consent] input").Change(true);

        // Issue 24 item 7: the consent's message goes once it is ticked; the destination's stays until it is chosen.
        page.WaitForAssertion(() => page.Markup.Should().NotContain(consent));
        page.Markup.Should().Contain(destination);
    }

    private sealed class Fixed(BarangayListing b) : ICurrentBarangay
    {
        public BarangayListing? Barangay { get; } = b;
        public void Set(BarangayListing barangay) { }
    }
}
