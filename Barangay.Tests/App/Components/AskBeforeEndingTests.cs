using Barangay.App.Components.Pages.Documents;
using Barangay.App.Components.Pages.Events;
using Barangay.App.Components.Pages.Households;
using Barangay.Data.Documents;
using Barangay.Data.Events;
using Barangay.Data.Households;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Components;

/// <summary>
/// Buttons that end something for good — a resident cancelling a request or a seat, the hall cancelling an event or taking
/// someone off a household — ask first: "Go back" leaves everything as it was, only the dialog's own button does it.
/// bUnit over the real services and the demo database.
/// </summary>
public class AskBeforeEndingTests : DemoPageTestBase, IClassFixture<DemoDatabase>
{
    public AskBeforeEndingTests(DemoDatabase database) : base(database)
    {
        Services.AddSingleton<HolidayCalendar>();
        Services.AddScoped<DocumentRequestService>();
        Services.AddSingleton(new EventOptions());
        Services.AddSingleton<RegistrationDesk>();
        Services.AddScoped<EventService>();
        Services.AddScoped<ResidentService>();
        Services.AddScoped<HouseholdService>();
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoAccounts.OfficialUser);
        auth.SetPolicies([.. Permissions.All]);
    }

    private static AngleSharp.Dom.IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    /// <summary>Taps <paramref name="button"/>, checks the question asked, and answers "Go back".</summary>
    private static async Task TapAndGoBackAsync(IRenderedComponent<MudDialogProvider> dialogs, AngleSharp.Dom.IElement button, string question)
    {
        await dialogs.InvokeAsync(() => button.Click());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.Should().Contain(question));
        await dialogs.InvokeAsync(() => DialogButton(dialogs, "Go back").Click());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").Should().BeEmpty());
    }

    private static async Task TapAndConfirmAsync(IRenderedComponent<MudDialogProvider> dialogs, AngleSharp.Dom.IElement button, string yes)
    {
        await dialogs.InvokeAsync(() => button.Click());
        dialogs.WaitForAssertion(() => DialogButton(dialogs, yes));
        await dialogs.InvokeAsync(() => DialogButton(dialogs, yes).Click());
    }

    [Fact]
    public async Task MyRequestPage_CancelTapped_AsksFirst_GoBackKeepsIt_ConfirmCancels()
    {
        await SignInAsync(DemoAccounts.ResidentUser);
        var ack = (await Services.GetRequiredService<DocumentRequestService>()
            .CreateAsync(new NewDocumentRequest { TypeCode = "certificate-of-indigency", Purpose = "Medical assistance" })).Value!;
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MyRequestPage>(p => p.Add(x => x.Id, ack.Id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=cancel-request]"));

        await TapAndGoBackAsync(dialogs, cut.Find("[data-testid=cancel-request]"), "Cancel this request?");
        dialogs.Markup.Should().NotContain(ack.RequestId, "the dialog is gone");
        (await DbAsync(db => db.DocumentRequests.AsNoTracking().Where(r => r.Id == ack.Id).Select(r => r.Status).SingleAsync()))
            .Should().Be(DocumentRequestStatuses.Submitted, "going back cancels nothing");

        await TapAndConfirmAsync(dialogs, cut.Find("[data-testid=cancel-request]"), "Cancel this request");
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=cancel-request]").Should().BeEmpty());
        (await DbAsync(db => db.DocumentRequests.AsNoTracking().Where(r => r.Id == ack.Id).Select(r => r.Status).SingleAsync()))
            .Should().Be(DocumentRequestStatuses.Cancelled);
    }

    private async Task<EventRow> PublishedEventAsync(string title)
    {
        await SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        var events = Services.GetRequiredService<EventService>();
        var start = DateTime.UtcNow.AddDays(10).Date.AddHours(1);
        var created = await events.CreateAsync(new EventEdit
        {
            Title = title, Venue = "Covered court", StartLocal = start, EndLocal = start.AddHours(3), RegistrationRequired = true, MaxCapacity = 30,
        });
        created.Ok.Should().BeTrue(created.Message);
        var published = await events.PublishAsync(created.Value!.Id);
        published.Ok.Should().BeTrue(published.Message);
        return published.Value!;
    }

    [Fact]
    public async Task EventEditorPage_CancelEvent_AsksFirst_GoBackKeepsItPublished_ConfirmCancels()
    {
        var e = await PublishedEventAsync("Libreng bakuna sa covered court");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<EventEditorPage>(p => p.Add(x => x.Id, e.Id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=cancel-event]"));

        await TapAndGoBackAsync(dialogs, cut.Find("[data-testid=cancel-event]"), "Everyone registered for Libreng bakuna sa covered court is told it is cancelled");
        (await DbAsync(db => db.Events.AsNoTracking().Where(x => x.Id == e.Id).Select(x => x.Status).SingleAsync())).Should().Be(EventStatuses.Published);

        await TapAndConfirmAsync(dialogs, cut.Find("[data-testid=cancel-event]"), "Cancel event");
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=cancel-event]").Should().BeEmpty());
        (await DbAsync(db => db.Events.AsNoTracking().Where(x => x.Id == e.Id).Select(x => x.Status).SingleAsync())).Should().Be(EventStatuses.Cancelled);
    }

    [Fact]
    public async Task EventPage_CancelMyRegistration_AsksFirst_GoBackKeepsTheSeat()
    {
        var e = await PublishedEventAsync("Clean-up drive sa Purok 1");
        await SignInAsync(DemoAccounts.ResidentUser);
        (await Services.GetRequiredService<EventService>().RegisterAsync(e.Id)).Ok.Should().BeTrue();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<EventPage>(p => p.Add(x => x.Id, e.Id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=cancel-registration]"));

        await TapAndGoBackAsync(dialogs, cut.Find("[data-testid=cancel-registration]"), "Your seat at Clean-up drive sa Purok 1 may go to someone on the waitlist.");
        cut.Find("[data-testid=my-status]").TextContent.Should().Contain("You are registered");

        await TapAndConfirmAsync(dialogs, cut.Find("[data-testid=cancel-registration]"), "Cancel my registration");
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=my-status]").Should().BeEmpty());
    }

    [Fact]
    public async Task HouseholdDetailPage_RemoveMember_NamesThemAndAsksFirst_GoBackKeepsThem()
    {
        await SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        var member = await DbAsync(db => db.HouseholdMembers.AsNoTracking().Where(m => m.Relation == "Spouse").Select(m => new { m.HouseholdId, m.ResidentId }).FirstAsync());
        var cut = Render<HouseholdDetailPage>(p => p.Add(x => x.Id, member.HouseholdId));
        var dialogs = Render<MudDialogProvider>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=household-remove-member]"));
        var detail = (await Services.GetRequiredService<HouseholdService>().GetAsync(member.HouseholdId))!;
        var name = detail.Members.Single(m => m.ResidentId == member.ResidentId).FullName;
        var rows = cut.FindAll("[data-testid=household-members] tbody tr");
        var button = rows.Single(r => r.TextContent.Contains(name, StringComparison.Ordinal)).QuerySelector("[data-testid=household-remove-member]")!;

        await TapAndGoBackAsync(dialogs, button, $"{name} is taken off household {detail.HouseholdId}");
        (await DbAsync(db => db.HouseholdMembers.AsNoTracking().CountAsync(m => m.HouseholdId == member.HouseholdId && m.ResidentId == member.ResidentId))).Should().Be(1);

        rows = cut.FindAll("[data-testid=household-members] tbody tr");
        await TapAndConfirmAsync(dialogs, rows.Single(r => r.TextContent.Contains(name, StringComparison.Ordinal)).QuerySelector("[data-testid=household-remove-member]")!, "Remove");
        cut.WaitForAssertion(() => cut.Find("[data-testid=household-members]").TextContent.Should().NotContain(name));
    }
}
