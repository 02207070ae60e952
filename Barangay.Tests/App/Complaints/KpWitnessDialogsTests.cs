using Barangay.App.Components.Pages.Complaints;
using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Complaints;

/// <summary>
/// A witness's refusal to appear and the court's ruling on a contempt application (KP Rules, Rule VI): the dialogs offer
/// only what can still be recorded, pass the choice on, and show the service's refusal; the step list says the ruling is awaited.
/// </summary>
public class KpWitnessDialogsTests : ComponentTestBase, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static readonly DateTime Hearing = new(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc); // Monday 9:00 in Manila

    private static KpCaseDetail Case(KpWitness[] witnesses, params KpAbsence[] absences) => new(
        Guid.NewGuid(), "KP-2026-000001", Guid.NewGuid(), "CMP-2026-000001", "Juan Dela Cruz", "Fence", [new KpRespondent("Pedro Cruz")],
        KpStages.Mediation, Hearing.AddDays(-3), [], [], [], false, null, null, null, null, null, null, Hearing.AddDays(-3), null, Guid.NewGuid(), KpLanguages.English, [], [],
        new HashSet<string> { KpOffices.LuponSecretary }, null, null, null, null, null, null) { Witnesses = witnesses, Absences = absences };

    private async Task<IRenderedComponent<MudDialogProvider>> ShowAsync<T>(DialogParameters<T> parameters) where T : ComponentBase
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<T>("", parameters));
        return dialogs;
    }

    [Fact]
    public async Task WitnessFailure_OffersOnlyWitnessesNotYetRecorded_PassesTheChoice_ShowsTheRefusal()
    {
        var calls = new List<(int, string, string)>();
        var kp = Case([
            new KpWitness("Ana Reyes", null, KpStages.Mediation, Hearing, Hearing.AddDays(-1), KpWitnessFailures.Refused, Hearing, "Said she would not come."),
            new KpWitness("Rosa Mendoza", "Purok 3", KpStages.Mediation, Hearing, Hearing.AddDays(-1)),
        ]);
        kp.WitnessesAwaited.Should().Equal(1);
        var dialogs = await ShowAsync(new DialogParameters<KpWitnessFailureDialog>
        {
            { x => x.Case, kp },
            { x => x.Action, (witness, failure, note) =>
                {
                    calls.Add((witness, failure, note));
                    return Task.FromResult(ServiceResult<KpCaseDetail>.Invalid("Case", "Write what happened: how the witness refused or that they did not come, and any reason given."));
                } },
        });

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=kp-witness-failure-submit]"));
        dialogs.Markup.Should().Contain("Rosa Mendoza, hearing of Dec 7, 2026 9:00 AM").And.NotContain("Ana Reyes");
        dialogs.Find("[data-testid=kp-witness-failure-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=kp-witness-failure-message]").TextContent
            .Should().Be("Write what happened: how the witness refused or that they did not come, and any reason given."));
        calls.Should().ContainSingle().Which.Should().Be((1, KpWitnessFailures.Failed, ""));
    }

    [Fact]
    public async Task Ruling_OffersTheApplicationsAwaitingARuling_CourtDefaultsToTheOneFiledWith_PassesTheRuling()
    {
        var filed = new KpContempt("Municipal Trial Court of San Isidro", new DateOnly(2026, 12, 7), KpContemptApplicants.Complainant, Hearing.AddHours(1));
        var kp = Case([
                new KpWitness("Rosa Mendoza", null, KpStages.Mediation, Hearing, Hearing.AddDays(-1), KpWitnessFailures.Failed, Hearing.AddHours(1), "Did not come.", filed),
            ],
            new KpAbsence(KpParties.Respondent, KpStages.Mediation, Hearing, Hearing.AddDays(2), Hearing, KpAbsenceFindings.Unjustified, Hearing.AddDays(2),
                Contempt: filed with { Ruling = new KpContemptRuling(KpContemptRulings.Denied, "MTC", new DateOnly(2026, 12, 8), Hearing.AddDays(2)) }));
        kp.ContemptAwaitingRuling.Should().Equal(new KpContemptOf(true, 0));
        var calls = new List<(KpContemptOf, string, string, DateOnly)>();
        var dialogs = await ShowAsync(new DialogParameters<KpContemptRulingDialog>
        {
            { x => x.Case, kp },
            { x => x.Action, (of, outcome, court, day) =>
                {
                    calls.Add((of, outcome, court, day));
                    return Task.FromResult(ServiceResult<KpCaseDetail>.Invalid("Case", "The day of the ruling cannot be in the future."));
                } },
        });

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=kp-ruling-submit]"));
        dialogs.Markup.Should().Contain("Witness Rosa Mendoza: filed Dec 7, 2026 with Municipal Trial Court of San Isidro");
        dialogs.Find("input[data-testid=kp-ruling-court], [data-testid=kp-ruling-court] input").GetAttribute("value").Should().Be("Municipal Trial Court of San Isidro");
        dialogs.Find("[data-testid=kp-ruling-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=kp-ruling-message]").TextContent.Should().Be("The day of the ruling cannot be in the future."));
        calls.Should().ContainSingle().Which.Should().Be((new KpContemptOf(true, 0), KpContemptRulings.Granted, "Municipal Trial Court of San Isidro",
            TimeZones.ManilaToday(Services.GetRequiredService<TimeProvider>())));
    }

    [Fact]
    public void ContemptLine_ShowsTheApplicationAndTheCourtsRuling()
    {
        var filed = new KpContempt("Municipal Trial Court of San Isidro", new DateOnly(2026, 12, 7), KpContemptApplicants.LuponChairman, Hearing);
        Render<KpContemptLine>(p => p.Add(x => x.Contempt, filed)).Find("[data-testid=kp-contempt-ruling]").TextContent.Trim().Should().Be("Awaiting the court's ruling.");
        var ruled = Render<KpContemptLine>(p => p.Add(x => x.Contempt, filed with { Ruling = new KpContemptRuling(KpContemptRulings.Granted, "Municipal Trial Court of San Isidro", new DateOnly(2026, 12, 9), Hearing) }));
        ruled.Find("[data-testid=kp-contempt]").TextContent.Should()
            .Contain("Application for indirect contempt filed Dec 7, 2026 with the Municipal Trial Court of San Isidro by the Punong Barangay (Lupon chairman) (KP Rules, Rule VI).")
            .And.Contain("The court's ruling: granted by the Municipal Trial Court of San Isidro on Dec 9, 2026.");
    }
}
