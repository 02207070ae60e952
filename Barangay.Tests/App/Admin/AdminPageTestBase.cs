using System.Globalization;
using System.Security.Cryptography;
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

namespace Barangay.Tests.App.Admin;

/// <summary>
/// The admin pages over the real services and the demo database, signed in as the admin, in one language
/// (the circuit's: set before the services are built, as <c>WalkInPageTests</c> does).
/// </summary>
public abstract class AdminPageTestBase : DemoPageTestBase
{
    protected AdminPageTestBase(DemoDatabase database, string language) : base(database, AppLanguages.Culture(language))
    {
        Services.AddOfficialsRoster();
        Services.AddScoped<Barangay.Data.Accounts.UserAdminService>();
        Services.AddScoped<Barangay.Data.Documents.DocumentRequestService>();
    }

    public override Task InitializeAsync() => SignInAsync(DemoAccounts.AdminUser);

    /// <summary>The error texts under the fields (MudBlazor's helper line in its error state).</summary>
    protected static List<string> FieldErrors<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}
