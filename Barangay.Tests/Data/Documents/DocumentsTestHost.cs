using Barangay.Data.Documents;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Documents;

/// <summary>The real document services over a demo database, with the caller under the test's control.</summary>
public sealed class DocumentsTestHost : IAsyncDisposable
{
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-docs-" + Guid.NewGuid().ToString("N")[..8]);

    public DocumentsTestHost(string connectionString, TimeProvider? clock = null, Action<IServiceCollection>? more = null)
    {
        var options = new FileStorageOptions { DataRoot = _dataRoot };
        Services = new TestServices(connectionString, s =>
        {
            s.AddBarangayFiles(options);
            s.AddSingleton(new CertificateCodes(options));
            s.AddSingleton<IEmailDispatcher>(Dispatched);
            s.AddScoped<DocumentRequestService>();
            s.AddScoped<CertificateImages>();
            if (clock is not null) s.AddSingleton(clock);
            more?.Invoke(s);
        });
    }

    public TestServices Services { get; }
    public RecordingDispatcher Dispatched { get; } = new();
    public DocumentRequestService Requests => Services.Get<DocumentRequestService>();
    public FileService Files => Services.Get<FileService>();

    public async Task<Guid> SignInAsync(string userName, string? position = null)
    {
        await using var db = await Services.DbAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        Services.Caller.Current = TestCaller.As(user.Id, user.UserName!, user.Roles, position);
        return user.Id;
    }

    public Task<Guid> AsJuanAsync() => SignInAsync("juan");
    public Task<Guid> AsSecretaryAsync() => SignInAsync("secretary", OfficialPositions.Secretary);
    public Task<Guid> AsTreasurerAsync() => SignInAsync("treasurer", OfficialPositions.Treasurer);
    public Task<Guid> AsKapitanAsync() => SignInAsync("kapitan", OfficialPositions.PunongBarangay);

    /// <summary>An adult resident other than Juan, with no account.</summary>
    public async Task<Guid> OtherResidentAsync()
    {
        await using var db = await Services.DbAsync();
        return await db.Residents.AsNoTracking().Where(r => r.UserId == null && r.RegistrationStatus == "active" && r.Dob < new DateOnly(2000, 1, 1))
            .OrderBy(r => r.ResidentId).Select(r => r.Id).FirstAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    public sealed class RecordingDispatcher : IEmailDispatcher
    {
        public List<Guid> Ids { get; } = [];

        public Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
        {
            lock (Ids) Ids.AddRange(ids);
            return Task.CompletedTask;
        }
    }
}
