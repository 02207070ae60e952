using Barangay.App.Components.Pages.Profile;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>"My profile" rendered by bUnit over the real service and the demo database.</summary>
public class MyProfilePageTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly TestCaller _caller = new();

    public MyProfilePageTests(DemoDatabase database)
    {
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<ICurrentUser>(_caller);
        Services.AddScoped<BarangayDb>();
        Services.AddScoped<ResidentSelfService>();
        Services.AddScoped<Barangay.Data.Settings.LookupService>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's input services are IAsyncDisposable only: dispose the container asynchronously before xunit's Dispose.</summary>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private async Task SignInAsync(Func<User, bool>? pick = null, bool create = false)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        User u;
        if (create)
        {
            u = new User { Id = Guid.NewGuid(), UserName = "pedro.new", NormalizedUserName = "PEDRO.NEW", FullName = "Pedro Reyes", Roles = [AppRoles.Resident], SecurityStamp = "x" };
            db.Users.Add(u);
            await db.SaveChangesAsync();
        }
        else
        {
            u = (await db.Users.AsNoTracking().ToListAsync()).Single(pick!);
        }
        _caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles);
    }

    [Fact]
    public async Task MyProfile_Juan_ShowsHisRecordAndContactForm()
    {
        await SignInAsync(u => u.UserName == DemoAccounts.ResidentUser);
        var cut = Render<MyProfilePage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=my-name]").TextContent.Should().Be("Dela Cruz, Juan Pascual"), TimeSpan.FromSeconds(10));
        cut.Markup.Should().Contain("Request a correction").And.Contain("Save contact details").And.Contain("Show my name in event attendee lists");
    }

    [Fact]
    public async Task MyProfile_ResidentAccountWithoutRecord_ExplainsInsteadOfFailing()
    {
        await SignInAsync(create: true);
        var cut = Render<MyProfilePage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-resident-record]").TextContent.Should().Contain("not linked to a resident record"), TimeSpan.FromSeconds(10));
        cut.FindAll("[data-testid=save-contact]").Should().BeEmpty();
    }
}
