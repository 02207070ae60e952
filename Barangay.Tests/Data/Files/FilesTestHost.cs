using Barangay.Data.Accounts;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Files;

/// <summary>The real file services over a test database and a temporary data folder, with demo callers at hand.</summary>
public sealed class FilesTestHost : IAsyncDisposable
{
    private readonly bool _ownsDataRoot;

    private FilesTestHost(TestServices services, FileStorageOptions options, bool ownsDataRoot)
    {
        Services = services;
        Options = options;
        _ownsDataRoot = ownsDataRoot;
    }

    public TestServices Services { get; }
    public FileStorageOptions Options { get; }
    public FileService Files => Services.Get<FileService>();

    public static FilesTestHost Start(string connectionString, FileStorageOptions? options = null, Func<IFileStore>? store = null)
    {
        options ??= new FileStorageOptions();
        var owns = string.IsNullOrEmpty(options.DataRoot);
        if (owns) options.DataRoot = Path.Combine(Path.GetTempPath(), "barangay-files-" + Guid.NewGuid().ToString("N")[..8]);
        var services = new TestServices(connectionString, s =>
        {
            s.AddBarangayFiles(options);
            if (store is not null) s.AddSingleton(store());
        });
        return new FilesTestHost(services, options, owns);
    }

    public async Task<Guid> UserIdAsync(string userName)
    {
        await using var db = await Services.DbAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public async Task<Caller> SignInAsync(string userName, string? position = null)
    {
        await using var db = await Services.DbAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var caller = TestCaller.As(user.Id, user.FullName, user.Roles, position);
        Services.Caller.Current = caller;
        return caller;
    }

    public Task<Caller> AsJuanAsync() => SignInAsync(DemoAccounts.ResidentUser);

    public Task<Caller> AsSecretaryAsync() => SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);

    /// <summary>A second resident account (another household's), created once per database.</summary>
    public async Task<(string UserName, string Password)> EnsureOtherResidentAsync()
    {
        const string name = "maria.residente";
        const string password = "Resident#2026other";
        var users = Services.Get<UserManager<User>>();
        if (await users.FindByNameAsync(name) is null)
        {
            var result = await users.CreateAsync(new User
            {
                UserName = name, Email = "maria.residente@sanisidro.example", EmailConfirmed = true, FullName = "Maria S. Residente",
                Roles = [AppRoles.Resident], Status = UserStatuses.Active, LockoutEnabled = true,
            }, password);
            result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return (name, password);
    }

    /// <summary>Demo officials other than the secretary start without a password; give one to sign in with.</summary>
    public async Task EnsurePasswordAsync(string userName, string password)
    {
        var users = Services.Get<UserManager<User>>();
        var user = await users.FindByNameAsync(userName);
        user.Should().NotBeNull();
        if (!await users.HasPasswordAsync(user!)) (await users.AddPasswordAsync(user!, password)).Succeeded.Should().BeTrue();
    }

    public async Task<StoredFile> RowAsync(Guid id)
    {
        await using var db = await Services.DbAsync();
        return await db.Files.AsNoTracking().SingleAsync(f => f.Id == id);
    }

    public async Task<List<Barangay.Data.Audit.AuditLog>> DownloadAuditsAsync(Guid id)
    {
        await using var db = await Services.DbAsync();
        return await db.AuditLogs.AsNoTracking()
            .Where(a => a.ActionType == Barangay.Data.Audit.AuditActions.Download && a.TargetId == id.ToString())
            .OrderBy(a => a.Timestamp).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsDataRoot && Directory.Exists(Options.DataRoot)) Directory.Delete(Options.DataRoot, recursive: true);
    }
}

public static class AuditDetails
{
    /// <summary>One field of an audit row's <c>details</c> JSON (JSONB re-formats the text, so compare fields, not text).</summary>
    public static string? Detail(this Barangay.Data.Audit.AuditLog row, string name) =>
        row.Details is null ? null
        : System.Text.Json.JsonDocument.Parse(row.Details).RootElement.TryGetProperty(name, out var v) ? v.ToString() : null;
}
