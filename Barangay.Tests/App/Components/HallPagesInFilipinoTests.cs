using System.Globalization;
using Barangay.App.Components.Pages.Announcements;
using Barangay.App.Components.Pages.Complaints;
using Barangay.App.Components.Pages.Events;
using Barangay.App.Components.Pages.Messaging;
using Barangay.App.Hosting;
using Barangay.Data;
using Barangay.Data.Announcements;
using Barangay.Data.Complaints;
using Barangay.Data.Events;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>
/// Issue 26 item 1: the hall's complaint, inbox, event and announcement pages in Filipino for a Filipino official; and
/// issue 24 item 7's rule on their forms: a refused field's message goes once that field is changed, the others stay.
/// Rendered by bUnit over the real services and the demo database, the circuit in fil-PH.
/// </summary>
public class HallPagesInFilipinoTests : HallPageInFilipinoTestBase, IClassFixture<DemoDatabase>
{
    public HallPagesInFilipinoTests(DemoDatabase database) : base(database)
    {
        Services.AddScoped<Barangay.Data.Residents.ResidentService>();
        Services.AddEvents();
        Services.AddSingleton<IAnnouncementDispatcher, NoFanOut>();
        Services.AddScoped<AnnouncementService>();
        ComponentFactories.AddStub<Barangay.App.Components.Shared.FileUpload>(); // uploads are not what is looked at here
        ComponentFactories.AddStub<KpCaseCard>(); // another engineer's card, with its own service
    }

    public override Task InitializeAsync() => SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);

    private static string Fil(string english) => Texts.Get(english, AppLanguages.FilipinoCulture);

    // ---- Filipino on the hall's pages -------------------------------------------------------------------------

    [Fact]
    public void ComplaintQueue_ForAFilipinoOfficial_IsInFilipino()
    {
        var cut = Render<Barangay.App.Components.Pages.Complaints.ComplaintQueuePage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=complaint-count]").TextContent.Should().EndWith("reklamo"));
        cut.Find("h1").TextContent.Should().Be("Mga reklamo");
        cut.Markup.Should().Contain("Maysumbong").And.Contain("Prayoridad").And.Contain("Nakatalaga kay").And.Contain("Personal o sa telepono")
            .And.Contain("Numero ng reklamo, paksa o pangalan").And.Contain("Nakatalaga sa akin")
            .And.NotContain("Complainant").And.NotContain("Assigned to").And.NotContain("Walk-in or phoned-in");
    }

    [Fact]
    public async Task ComplaintDetail_ForAFilipinoOfficial_IsInFilipino()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var id = await db.Complaints.AsNoTracking().Where(c => !c.Confidential).OrderBy(c => c.ReportedAt).Select(c => c.Id).FirstAsync();

        var cut = Render<ComplaintDetailPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=complaint-heading]"));
        cut.Markup.Should().Contain("Maysumbong:").And.Contain("Mga nangyari").And.Contain("Prayoridad").And.Contain("Panloob na tala")
            .And.NotContain("Complainant:").And.NotContain(">Timeline<").And.NotContain("Internal note");
    }

    [Fact]
    public void HallInbox_ForAFilipinoOfficial_IsInFilipino()
    {
        var cut = Render<HallInboxPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=hall-summary]").TextContent.Should().Contain("naghihintay ng sagot"));
        cut.Find("h1").TextContent.Should().Be("Inbox ng barangay hall");
        cut.Markup.Should().Contain("Pangalan ng residente").And.Contain("Mga naghihintay lang ng sagot").And.Contain("Aking mga usapan")
            .And.NotContain("Hall inbox").And.NotContain("awaiting a reply");
    }

    [Fact]
    public void EventsAndAnnouncementsLists_ForAFilipinoOfficial_AreInFilipino()
    {
        var events = Render<EventsAdminPage>();
        events.WaitForAssertion(() => events.Find("[data-testid=events-table]"));
        events.Find("h1").TextContent.Should().Be("Mga aktibidad");
        events.Markup.Should().Contain("Bagong aktibidad").And.Contain("Kailan (oras sa Maynila)").And.Contain("Lugar").And.NotContain("New event").And.NotContain("Venue");

        var announcements = Render<AnnouncementsAdminPage>();
        announcements.WaitForAssertion(() => announcements.Find("[data-testid=ann-count]").TextContent.Should().Contain("Kabuuang"));
        announcements.Markup.Should().Contain("Bagong anunsiyo").And.Contain("Para kanino").And.NotContain("New announcement").And.NotContain("Audience");
    }

    [Fact]
    public async Task EventPage_ResidentRegistersThenTriesAgain_IsToldInFilipino()
    {
        var events = Services.GetRequiredService<EventService>();
        var start = Barangay.Data.Common.TimeZones.ToManila(TestClock.UtcNow).Date.AddDays(7).AddHours(8);
        var created = await events.CreateAsync(new EventEdit
        {
            Title = "Libreng Bakuna", StartLocal = start, EndLocal = start.AddHours(4), Venue = "Covered court", MaxCapacity = 50, RegistrationRequired = true,
        });
        created.Ok.Should().BeTrue(created.Message);
        (await events.PublishAsync(created.Value!.Id)).Ok.Should().BeTrue();
        await SignInAsync(DemoAccounts.ResidentUser);

        var dialogs = Render<MudBlazor.MudDialogProvider>(); // cancelling the registration asks first
        var cut = Render<EventPage>(p => p.Add(x => x.Id, created.Value.Id));
        cut.WaitForElement("[data-testid=register]").Click();

        // The desk words its outcome in whichever culture ran its batch: the page says it in the reader's own.
        cut.WaitForAssertion(() => cut.Find("[data-testid=registration-message]").TextContent.Should().Be("Nakarehistro ka na sa Libreng Bakuna."));
        (await events.RegisterAsync(created.Value.Id)).Message.Should().Be("You are already registered for this event.", "the service's refusal is the catalogue key");
        cut.WaitForElement("[data-testid=cancel-registration]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.Should().Contain("Kanselahin ang iyong pagpaparehistro?"));
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Kanselahin ang aking pagpaparehistro").Click());
        cut.WaitForAssertion(() => cut.Find("[data-testid=registration-message]").TextContent.Should().Be("Kinansela na ang iyong pagpaparehistro."));
    }

    // ---- A refused field's message goes once it is changed -----------------------------------------------------

    [Fact]
    public void WalkInComplaint_Refused_ChangedFieldsMessageGoes_OthersStay_InFilipino()
    {
        var cut = Render<WalkInComplaintPage>();
        cut.WaitForElement("[data-testid=complaint-submit]").Click();

        var subject = Fil("Give the complaint a short subject.");
        var description = Fil("Describe what happened: the description is required.");
        var complainant = Fil("Choose the resident, or write the name of a complainant who is not in the register.");
        subject.Should().NotBe("Give the complaint a short subject.", "the service says it in the reader's language");
        cut.WaitForAssertion(() => cut.Markup.Should().Contain(subject).And.Contain(description).And.Contain(complainant));

        cut.Find("input[data-testid=complaint-subject], [data-testid=complaint-subject] input").Change("Maingay na videoke");

        cut.WaitForAssertion(() => cut.Markup.Should().NotContain(subject));
        cut.Markup.Should().Contain(description).And.Contain(complainant, "only the changed field's message goes");

        // The page's own field follows the same rule: writing the complainant's name takes its message away.
        cut.Find("input[data-testid=complaint-nonresident], [data-testid=complaint-nonresident] input").Change(true);
        cut.WaitForAssertion(() => cut.Markup.Should().NotContain(complainant));
        cut.Markup.Should().Contain(description);

        // Submitting again refuses again, and the refusal shows whole.
        cut.Find("[data-testid=complaint-submit]").Click();
        cut.WaitForAssertion(() => cut.Markup.Should().Contain(description).And.Contain(complainant));
    }

    [Fact]
    public async Task NewMessage_Refused_ChangedFieldsMessageGoes_OthersStay_InFilipino()
    {
        await SignInAsync(DemoAccounts.ResidentUser);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true)); // the draft keeper asks whether it runs interactively
        var cut = Render<NewConversationPage>();
        cut.Find("[data-testid=new-send]").Click();

        var subject = Fil("Subject is required.");
        var body = Fil("The message is empty. Write something before sending.");
        body.Should().NotBe("The message is empty. Write something before sending.");
        cut.WaitForAssertion(() => cut.Markup.Should().Contain(subject).And.Contain(body));

        cut.Find("textarea[data-testid=new-body], [data-testid=new-body] textarea").Input("Kailan po ang bakuna?");

        cut.WaitForAssertion(() => cut.Markup.Should().NotContain(body));
        cut.Markup.Should().Contain(subject, "the subject was not changed");
    }

    [Fact]
    public async Task EventForm_Refused_ChangedFieldsMessageGoes_OthersStay_InFilipino()
    {
        var model = new EventEdit { StartLocal = new DateTime(2026, 12, 20, 8, 0, 0), EndLocal = new DateTime(2026, 12, 20, 7, 0, 0) };
        var refused = await Services.GetRequiredService<EventService>().CreateAsync(model);
        refused.Ok.Should().BeFalse();
        var title = Fil("The title is required.");
        var end = Fil("The event must end after it starts.");
        refused.Errors.Values.Should().Contain([title, end]);

        var cut = Render<EventForm>(p => p.Add(x => x.Model, model).Add(x => x.Errors, refused.Errors));
        cut.Markup.Should().Contain(title).And.Contain(end).And.Contain("Pakitama:");

        cut.Find("input[data-testid=event-title], [data-testid=event-title] input").Change("Libreng bakuna");

        cut.WaitForAssertion(() => cut.Markup.Should().NotContain(title));
        cut.Markup.Should().Contain(end, "the end was not changed");
        model.Title.Should().Be("Libreng bakuna");
    }

    [Fact]
    public async Task AnnouncementForm_Refused_ChangedFieldsMessageGoes_OthersStay_InFilipino()
    {
        var model = new AnnouncementEdit { Title = "", Body = "Walang tubig sa Sabado. <script>alert(1)</script>" };
        var refused = await Services.GetRequiredService<AnnouncementService>().CreateAsync(model);
        refused.Ok.Should().BeFalse();
        var title = Fil("The title is required.");
        var body = Fil("The body contains a <script> tag, which is not allowed. Use Markdown for formatting.");
        refused.Errors.Values.Should().Contain([title, body]);

        var cut = Render<AnnouncementForm>(p => p.Add(x => x.Model, model).Add(x => x.Errors, refused.Errors));
        // The form reads the puroks first; the messages show once its parameters are applied.
        cut.WaitForAssertion(() => cut.Markup.Should().Contain(System.Net.WebUtility.HtmlEncode(body)));

        cut.Find("textarea[data-testid=ann-body], [data-testid=ann-body] textarea").Change("Walang tubig sa **Sabado**.");

        cut.WaitForAssertion(() => cut.Markup.Should().NotContain(System.Net.WebUtility.HtmlEncode(body)));
        cut.Markup.Should().Contain(title, "the title was not changed");
        cut.Find("[data-testid=form-errors]").TextContent.Should().Contain(title).And.NotContain("<script>");
    }

    [Fact]
    public async Task MessageComposer_Refused_MessageGoesOnceTheTextIsChanged()
    {
        await SignInAsync(DemoAccounts.ResidentUser);
        var refusal = Fil("The message is empty. Write something before sending.");
        var cut = Render<MessageComposer>(p => p.Add(x => x.OnSend, _ => Task.FromResult<string?>(refusal)));
        cut.Find("[data-testid=composer-send]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=composer-error]").TextContent.Should().Be(refusal));

        cut.Find("textarea[data-testid=composer-text], [data-testid=composer-text] textarea, input[data-testid=composer-text]").Input("Salamat po");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=composer-error]").Should().BeEmpty());
    }

    private sealed class NoFanOut : IAnnouncementDispatcher
    {
        public Task StartAsync(Guid deliveryId, CancellationToken ct = default) => Task.CompletedTask;
    }
}
