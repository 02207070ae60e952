using Barangay.App.Accounts;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Barangay.Tests.Infrastructure;

/// <summary>The real services over a test database, with the signed-in caller under the test's control.</summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly ServiceProvider _root;

    public TestServices(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        // The suite's clock (BARANGAY_TEST_NOW, or now), running; a test that needs a stopped or chosen moment registers its own in configure.
        services.AddSingleton(TestClock.Running());
        services.AddBarangayData(connectionString, new DatabaseOptions());
        services.AddHttpContextAccessor();
        services.AddDataProtection();
        services.AddSingleton(Caller);
        services.AddSingleton<ICurrentUser>(Caller);
        services.AddScoped<BarangayDb>();
        services.AddIdentityCore<User>(o => o.User.RequireUniqueEmail = true).AddUserStore<BarangayUserStore>().AddDefaultTokenProviders();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<Barangay.Jobs.Maintenance.SessionPurge>();
        Barangay.Tests.Data.Dashboard.DashboardTestServices.Add(services);
        services.AddScoped<UserAdminService>();
        services.AddSingleton<OfficialRosterService>();
        services.AddSingleton<BarangayProfileService>();
        Barangay.App.Hosting.SettingsServices.AddSettingsAndAudit(services);
        configure?.Invoke(services);
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Scope = _root.CreateAsyncScope();
    }

    public TestCaller Caller { get; } = new();

    public AsyncServiceScope Scope { get; }

    public T Get<T>() where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Makes an existing account (a demo user, say) the signed-in caller, with its real roles.</summary>
    public async Task SignInAsAsync(string username, string? position = null)
    {
        await using var db = await DbAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == username);
        Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, position);
    }

    public Task<BarangayDbContext> DbAsync() => Get<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
