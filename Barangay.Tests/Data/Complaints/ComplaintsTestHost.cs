using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Complaints;

/// <summary>The real complaint and KP services over a demo database, with the caller under the test's control.</summary>
public sealed class ComplaintsTestHost : IAsyncDisposable
{
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-cmp-" + Guid.NewGuid().ToString("N")[..8]);

    public ComplaintsTestHost(string connectionString, TimeProvider? clock = null, Action<IServiceCollection>? more = null)
    {
        var options = new FileStorageOptions { DataRoot = _dataRoot };
        Services = new TestServices(connectionString, s =>
        {
            s.AddBarangayFiles(options);
            s.AddSingleton<IEmailDispatcher>(Dispatched);
            if (clock is not null) s.AddSingleton(clock);
            s.AddScoped<ComplaintService>();
            s.AddScoped<KpService>();
            s.AddScoped<Barangay.Data.Complaints.Vawc.VawcService>();
            s.AddScoped<Barangay.Data.Dashboard.IKpDeadlineCounter, KpDeadlineCounter>(); // as the app wires the home's KP card
            s.AddSingleton<Barangay.Data.Messaging.IMessagingLive>(new Barangay.Tests.Data.Messaging.FakeMessagingLive());
            s.AddScoped<Barangay.Data.Messaging.MessagingService>();
            more?.Invoke(s);
        });
    }

    public TestServices Services { get; }
    public DocumentsTestHost.RecordingDispatcher Dispatched { get; } = new();
    public ComplaintService Complaints => Services.Get<ComplaintService>();
    public KpService Kp => Services.Get<KpService>();
    public Barangay.Data.Messaging.MessagingService Messaging => Services.Get<Barangay.Data.Messaging.MessagingService>();

    public async Task<Guid> SignInAsync(string userName, string? position = null)
    {
        await using var db = await Services.DbAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        Services.Caller.Current = TestCaller.As(user.Id, user.UserName!, user.Roles, position);
        return user.Id;
    }

    public Task<Guid> AsJuanAsync() => SignInAsync("juan");
    public Task<Guid> AsSecretaryAsync() => SignInAsync("secretary", OfficialPositions.Secretary);
    public Task<Guid> AsKapitanAsync() => SignInAsync("kapitan", OfficialPositions.PunongBarangay);
    public Task<Guid> AsKagawadAsync(string user = "kgd.reyes") => SignInAsync(user, OfficialPositions.Kagawad);
    public Task<Guid> AsAdminAsync() => SignInAsync("admin");

    /// <summary>An adult resident other than Juan, with no account.</summary>
    public async Task<Guid> OtherResidentAsync(int skip = 0)
    {
        await using var db = await Services.DbAsync();
        return await db.Residents.AsNoTracking().Where(r => r.UserId == null && r.RegistrationStatus == "active" && r.Dob < new DateOnly(2000, 1, 1))
            .OrderBy(r => r.ResidentId).Skip(skip).Select(r => r.Id).FirstAsync();
    }

    public static NewComplaint Noise(bool confidential = false, string description = "Videoke next door until 2 AM every night this week.") => new()
    {
        Category = "noise", Subject = "Videoke past midnight", Description = description, Location = "Rizal St. corner Mabini", Confidential = confidential,
    };

    /// <summary>
    /// A noise complaint taken up as a KP case by the Lupon secretary (against <paramref name="respondent"/>) and summoned by
    /// the Punong Barangay, who is the caller afterwards. Juan files it online, or, given <paramref name="walkInFor"/>, the
    /// secretary files it at the desk for that resident.
    /// </summary>
    public async Task<KpCaseDetail> SummonedCaseAsync(Guid respondent, Guid? walkInFor = null, string language = KpLanguages.English, string nature = KpNatures.Others)
    {
        var input = Noise();
        if (walkInFor is { } complainant)
        {
            await AsSecretaryAsync();
            input.ResidentId = complainant;
        }
        else await AsJuanAsync();
        var filed = await Complaints.FileAsync(input);
        filed.Ok.Should().BeTrue(filed.Message);
        await AsSecretaryAsync();
        var opened = await Kp.OpenAsync(filed.Value!.Id, [new KpRespondent("", respondent)], new KpIntake(), language, nature);
        opened.Ok.Should().BeTrue(opened.Message);
        await AsKapitanAsync();
        var summoned = await Kp.IssueSummonsAsync(opened.Value!.Id, opened.Value.Version, Services.Get<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(1));
        summoned.Ok.Should().BeTrue(summoned.Message);
        return summoned.Value!;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }
}
