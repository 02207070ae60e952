using Barangay.App.Components.Pages.Complaints;
using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Complaints;

/// <summary>The contempt application dialog (KP Rules, Rule VI): offers only the failures found unjustified with no application yet.</summary>
public class KpContemptDialogTests : ComponentTestBase, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover services only dispose asynchronously (as OutboxPageTests does).
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static readonly DateTime Missed = new(2026, 12, 4, 7, 0, 0, DateTimeKind.Utc);

    private static KpCaseDetail Case(params KpAbsence[] absences) => new(
        Guid.NewGuid(), "KP-2026-000001", Guid.NewGuid(), "CMP-2026-000001", "Juan Dela Cruz", "Fence", [new KpRespondent("Pedro Cruz")],
        KpStages.Conciliation, Missed, [], [], [], false, null, null, null, null, null, null, Missed, null, Guid.NewGuid(), KpLanguages.English, [], [],
        new HashSet<string> { KpOffices.LuponSecretary }, null, null, null, null, null, null) { Absences = absences };

    [Fact]
    public async Task Submit_OffersOnlyUnjustifiedFailuresWithoutAnApplication_PassesTheChoice_ShowsTheRefusal()
    {
        var calls = new List<(KpContemptOf, string, string, DateOnly)>();
        var kp = Case(
            new KpAbsence(KpParties.Respondent, KpStages.Mediation, Missed, Missed.AddDays(3), Missed, KpAbsenceFindings.Justified, Missed.AddDays(3)),
            new KpAbsence(KpParties.Respondent, KpStages.Mediation, Missed.AddDays(4), Missed.AddDays(6), Missed.AddDays(4), KpAbsenceFindings.Unjustified, Missed.AddDays(6)),
            new KpAbsence(KpParties.Complainant, KpStages.Conciliation, Missed.AddDays(7), Missed.AddDays(8), Missed.AddDays(7), KpAbsenceFindings.Unjustified, Missed.AddDays(8),
                Contempt: new KpContempt("MTC", new DateOnly(2026, 12, 12), KpContemptApplicants.Respondent, Missed.AddDays(8))));
        kp.ContemptOpen.Should().Equal(1);
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<KpContemptDialog>("Application for contempt", new DialogParameters<KpContemptDialog>
        {
            { x => x.Case, kp },
            { x => x.Action, (absence, filedBy, court, filedOn) =>
                {
                    calls.Add((absence, filedBy, court, filedOn));
                    return Task.FromResult(ServiceResult<KpCaseDetail>.Invalid("Case", "Name the city or municipal court the application was filed with."));
                } },
        }));

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=kp-contempt-submit]"));
        // The only failure that may still be brought to court is shown chosen.
        dialogs.Markup.Should().Contain("The respondent, hearing of").And.Contain("(before the Punong Barangay)");
        dialogs.Find("[data-testid=kp-contempt-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=kp-contempt-message]").TextContent.Should().Be("Name the city or municipal court the application was filed with."));
        calls.Should().ContainSingle().Which.Should().Be((new KpContemptOf(false, 1), KpContemptApplicants.LuponChairman, "", TimeZones.ManilaToday(Services.GetRequiredService<TimeProvider>())));
    }
}
