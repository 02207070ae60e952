using System.Globalization;
using Barangay.App.Hosting;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Officials;

/// <summary>
/// The hall's pages rendered by bUnit over the real services and the demo database, in a chosen language (issue 26),
/// with the demo secretary signed in and every permission granted to the page's AuthorizeViews.
/// </summary>
public abstract class OfficialPageTestBase : DemoPageTestBase
{
    protected OfficialPageTestBase(DemoDatabase database, string language) : base(database, AppLanguages.Culture(language))
    {
        Services.AddScoped<Barangay.Data.Documents.DocumentRequestService>();
        Services.AddRecordsOfInhabitants();
        Services.AddScoped<Barangay.Data.Residents.ResidentSelfService>();
        Services.AddTransient<MudBlazor.MudLocalizer, Barangay.App.Localization.CatalogueMudLocalizer>(); // MudBlazor's own texts, as the app has them
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoAccounts.OfficialUser);
        auth.SetPolicies([.. Permissions.All]);
    }

    public override Task InitializeAsync() => SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
}
