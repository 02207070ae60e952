using System.Text.Json;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Privacy;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Audit;
using Barangay.Data.Messaging;
using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Accounts;

/// <summary>"Download my data" (RA 10173): everything about the caller, nothing secret, nothing of anyone else.</summary>
public class PersonalDataTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = AccountSecurityTestHost.Start(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private PersonalDataService Data => _services.Get<PersonalDataService>();

    private async Task<JsonElement> DownloadAsync()
    {
        var result = await Data.ExportMineAsync();
        result.Ok.Should().BeTrue(result.Message);
        result.Value!.FileName.Should().StartWith("my-data-").And.EndWith(".json");
        return JsonDocument.Parse(result.Value.Content).RootElement;
    }

    /// <summary>Juan's conversation with the hall, a registration of his, a correction he asked for: rows the demo does not have.</summary>
    private async Task<(User Juan, Resident Resident)> GiveJuanMoreDataAsync()
    {
        await using var db = await _services.DbAsync();
        var juan = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoAccounts.ResidentUser);
        var r = await db.Residents.AsNoTracking().SingleAsync(x => x.UserId == juan.Id);
        var c = new Conversation { Id = Guid.NewGuid(), Subject = "Streetlight on Purok 2", ResidentId = r.Id, CreatedBy = juan.Id, CreatedAt = TestClock.UtcNow, LastMessageAt = TestClock.UtcNow };
        db.Conversations.Add(c);
        db.ConversationParticipants.Add(new ConversationParticipant { ConversationId = c.Id, UserId = juan.Id });
        db.Messages.Add(new Message { ConversationId = c.Id, SenderUserId = juan.Id, Body = "The streetlight near the chapel is out.", CreatedAt = TestClock.UtcNow });
        db.RegistrationsPending.Add(new RegistrationPending
        {
            RegistrationId = "REG-2026-900001", Status = "approved", ReferenceResidentId = r.Id, CreatedAt = TestClock.UtcNow,
            UserPayload = new RegistrationPayload { UserId = juan.Id, UserName = "juan", FirstName = "Juan", LastName = "Dela Cruz", Email = "juan.delacruz@sanisidro.example", Purok = "Purok 2" }.ToJson(),
        });
        db.Actor = new AuditActor(juan.Id, "juan", null, null, Guid.NewGuid());
        db.Record(ProfileCorrections.AuditAction, "Resident", r.Id.ToString(), new CorrectionDetails("Occupation", "Occupation", "Carpenter", "I changed jobs", r.ResidentId));
        await db.SaveChangesAsync();
        return (juan, r);
    }

    [Fact]
    public async Task ExportMine_Resident_GetsEverythingAboutThemInOneJsonFile_Audited()
    {
        var (juanAccount, juan) = await GiveJuanMoreDataAsync();
        var juanUser = await _services.Get<UserManager<User>>().FindByIdAsync(juanAccount.Id.ToString());
        var (key, codes) = await AccountSecurityTestHost.EnableMfaAsync(_services, juanUser!);
        var token = await _services.Get<SessionService>().StartAsync(juanAccount.Id, "198.51.100.20", "Chrome on Android");
        await _services.SignInAsAsync(DemoAccounts.ResidentUser);

        var result = await Data.ExportMineAsync();
        var text = System.Text.Encoding.UTF8.GetString(result.Value!.Content);
        var json = JsonDocument.Parse(text).RootElement;

        json.GetProperty("account").GetProperty("user_name").GetString().Should().Be("juan");
        json.GetProperty("account").GetProperty("mfa_enabled").GetBoolean().Should().BeTrue();
        json.GetProperty("resident").GetProperty("resident_id").GetString().Should().Be(juan.ResidentId);
        json.GetProperty("household").GetProperty("members").EnumerateArray().Should().Contain(m => m.GetProperty("is_you").GetBoolean());

        await using var db = await _services.DbAsync();
        json.GetProperty("document_requests").GetArrayLength().Should().Be(await db.DocumentRequests.CountAsync(d => d.ResidentId == juan.Id)).And.BeGreaterThan(0);
        json.GetProperty("complaints").GetArrayLength().Should().Be(await db.Complaints.CountAsync(c => c.ResidentId == juan.Id)).And.BeGreaterThan(0);
        json.GetProperty("notifications").GetArrayLength().Should().Be(await db.Notifications.CountAsync(n => n.UserId == juanAccount.Id)).And.BeGreaterThan(0);
        json.GetProperty("event_registrations").GetArrayLength().Should().BeGreaterThan(0);
        json.GetProperty("registrations").EnumerateArray().Should().ContainSingle(r => r.GetProperty("registration_id").GetString() == "REG-2026-900001");
        var conversation = json.GetProperty("conversations").EnumerateArray().Single(c => c.GetProperty("subject").GetString() == "Streetlight on Purok 2");
        conversation.GetProperty("messages")[0].GetProperty("from").GetString().Should().Be("You");
        json.GetProperty("correction_requests").EnumerateArray().Should().Contain(c => c.GetProperty("requested").GetString() == "Carpenter");
        var session = json.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("ip_address").GetString() == "198.51.100.20");
        session.TryGetProperty("session_token", out _).Should().BeFalse();

        // Never a secret.
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == juanAccount.Id);
        text.Should().NotContain(stored.PasswordHash!).And.NotContain(stored.SecurityStamp!).And.NotContain("password_hash").And.NotContain("security_stamp");
        text.Should().NotContain(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).And.NotContain(codes[0]);
        text.Should().NotContain(SessionService.Hash(token)).And.NotContain(token);
        (await db.Sessions.Where(s => s.UserId == juanAccount.Id).Select(s => s.SessionToken).ToListAsync()).Should().NotContain(h => text.Contains(h));

        var audit = await db.AuditLogs.AsNoTracking().Where(a => a.ActionType == PersonalDataService.AuditAction).ToListAsync();
        audit.Should().ContainSingle(a => a.ActorUserId == juanAccount.Id && a.TargetId == juanAccount.Id.ToString());
    }

    [Fact]
    public async Task ExportMine_AnotherResident_GetsOnlyTheirOwn_NeverJuans()
    {
        Resident juan;
        Guid otherResidentId;
        await using (var db = await _services.DbAsync())
        {
            var juanId = await db.Users.Where(u => u.UserName == DemoAccounts.ResidentUser).Select(u => u.Id).SingleAsync();
            juan = await db.Residents.AsNoTracking().SingleAsync(r => r.UserId == juanId);
            otherResidentId = await db.Residents.Where(r => r.UserId == null && r.HouseholdId != juan.HouseholdId).OrderBy(r => r.ResidentId).Select(r => r.Id).FirstAsync();
        }
        var b = await AccountSecurityTestHost.CreateUserAsync(_services, "resident-b");
        await using (var db = await _services.DbAsync())
        {
            await db.Residents.Where(r => r.Id == otherResidentId).ExecuteUpdateAsync(x => x.SetProperty(r => r.UserId, b.Id));
        }
        var juanRequests = await RequestIdsAsync(juan.Id);

        await _services.SignInAsAsync("resident-b");
        var json = await DownloadAsync();
        var text = json.ToString();
        json.GetProperty("account").GetProperty("user_name").GetString().Should().Be("resident-b");
        json.GetProperty("resident").GetProperty("resident_id").GetString().Should().NotBe(juan.ResidentId);
        text.Should().NotContain(juan.ResidentId).And.NotContain("juan.delacruz@sanisidro.example");
        juanRequests.Should().NotContain(id => text.Contains(id));

        _services.Caller.Current = Barangay.Data.Security.Caller.Anonymous;
        (await Data.ExportMineAsync()).Kind.Should().Be(Barangay.Data.Common.ResultKind.NotFound);
    }

    private async Task<List<string>> RequestIdsAsync(Guid residentId)
    {
        await using var db = await _services.DbAsync();
        return await db.DocumentRequests.Where(d => d.ResidentId == residentId).Select(d => d.RequestId).ToListAsync();
    }
}
