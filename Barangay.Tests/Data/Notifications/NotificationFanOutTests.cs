using Barangay.Data.Accounts;
using Barangay.Data.Notifications;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Notifications;

/// <summary>The writing side: the COPY path and the EF path write the same rows; bad input writes nothing.</summary>
public class NotificationFanOutTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private TestServices _copy = null!;
    private TestServices _ef = null!;

    public Task InitializeAsync()
    {
        _copy = Services(copyThreshold: 1);
        _ef = Services(copyThreshold: int.MaxValue);
        return Task.CompletedTask;
    }

    private TestServices Services(int copyThreshold) => new(database.AppConnectionString, s =>
    {
        s.AddSingleton(new NotificationOptions { CopyThreshold = copyThreshold });
        s.AddScoped<NotificationService>();
    });

    public async Task DisposeAsync()
    {
        await _copy.DisposeAsync();
        await _ef.DisposeAsync();
    }

    [Fact]
    public async Task Notify_CopyAndEfPaths_WriteTheSameRows()
    {
        var users = await NotificationTestData.CreateUsersAsync(database.AppConnectionString, 150, "fan" + Guid.NewGuid().ToString("N")[..6]);
        var unknown = Guid.NewGuid();
        var payload = new NotificationPayload("  Your request RQ-1 is ready.  ", "/requests/1", new Dictionary<string, string> { ["request_id"] = "RQ-1" });
        List<Guid> recipients = [.. users, users[0], unknown];

        var copied = await _copy.Get<NotificationService>().NotifyAsync(recipients, "test.copy", payload);
        var added = await _ef.Get<NotificationService>().NotifyAsync(recipients, "test.ef", payload);

        copied.Should().BeEquivalentTo(new NotifyResult(150, [unknown], null));
        added.Should().BeEquivalentTo(copied);
        await using var db = await _copy.DbAsync();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.Type == "test.copy" || n.Type == "test.ef").ToListAsync();
        var viaCopy = rows.Where(n => n.Type == "test.copy").ToList();
        var viaEf = rows.Where(n => n.Type == "test.ef").ToList();
        viaCopy.Select(n => n.UserId).Should().BeEquivalentTo(users, "each user once, the unknown id left out");
        viaEf.Select(n => n.UserId).Should().BeEquivalentTo(users);
        rows.Select(n => n.Payload).Distinct().Should().ContainSingle()
            .Which.Should().Be("""{"ids": {"request_id": "RQ-1"}, "href": "/requests/1", "text": "Your request RQ-1 is ready."}""");
        rows.Should().OnlyContain(n => !n.Read && n.ResidentId == null && n.Id != Guid.Empty);
        rows.Select(n => n.Id).Should().OnlyHaveUniqueItems();
        // Notifications are stamped by the database (created_at DEFAULT now()): the pollers of every replica read them on that
        // one clock, so they are compared with the database's now(), not the suite's clock.
        var dbNow = await db.Database.SqlQueryRaw<DateTime>("SELECT now() AS \"Value\"").SingleAsync();
        rows.Should().OnlyContain(n => n.CreatedAt > dbNow.AddMinutes(-5) && n.CreatedAt <= dbNow.AddMinutes(1));
        var audits = await db.AuditLogs.AsNoTracking().Where(a => a.TargetType == "Notification").ToListAsync();
        audits.Select(a => a.TargetId).Should().BeEquivalentTo(["test.copy", "test.ef"]);
        audits.Should().OnlyContain(a => a.Details!.Contains("\"recipients\": 150"));
    }

    [Theory]
    [InlineData("", "Hello", null, "type is required")]
    [InlineData("test", " ", null, "text is required")]
    [InlineData("test", "Hello", "https://evil.example", "link must be a path inside the app")]
    [InlineData("test", "Hello", "//evil.example", "link must be a path inside the app")]
    public async Task Notify_BadInput_NamesTheProblemAndWritesNothing(string type, string text, string? href, string message)
    {
        var users = await NotificationTestData.CreateUsersAsync(database.AppConnectionString, 2, "bad" + Guid.NewGuid().ToString("N")[..6]);

        var result = await _copy.Get<NotificationService>().NotifyAsync(users, type, new NotificationPayload(text, href));

        result.Succeeded.Should().BeFalse();
        result.Error.Should().Contain(message);
        await using var db = await _copy.DbAsync();
        (await db.Notifications.CountAsync(n => users.Contains(n.UserId))).Should().Be(0);
    }

    [Fact]
    public async Task AddAsync_CallersSaveFails_NotificationNotWrittenEither()
    {
        var users = await NotificationTestData.CreateUsersAsync(database.AppConnectionString, 1, "tx" + Guid.NewGuid().ToString("N")[..6]);
        await using var db = await _ef.DbAsync();

        var result = await NotificationService.AddAsync(db, users, "test.tx", new NotificationPayload("Approved", "/"));
        // The feature's own change in the same SaveChanges breaks a unique constraint: all or nothing.
        db.Users.Add(new User { UserName = "dup" + users[0], NormalizedUserName = "DUP", FullName = "x" });
        db.Users.Add(new User { UserName = "dup2" + users[0], NormalizedUserName = "DUP", FullName = "y" });
        var save = () => db.SaveChangesAsync();

        result.Created.Should().Be(1);
        await save.Should().ThrowAsync<DbUpdateException>();
        await using var check = await _ef.DbAsync();
        (await check.Notifications.CountAsync(n => n.Type == "test.tx")).Should().Be(0);
    }

    [Fact]
    public async Task AddAsync_SavedByCaller_RowWritten()
    {
        var users = await NotificationTestData.CreateUsersAsync(database.AppConnectionString, 2, "ok" + Guid.NewGuid().ToString("N")[..6]);
        await using (var db = await _ef.DbAsync())
        {
            (await NotificationService.AddAsync(db, users, "test.saved", new NotificationPayload("Approved", "/"))).Created.Should().Be(2);
            await db.SaveChangesAsync();
        }
        await using var check = await _ef.DbAsync();
        (await check.Notifications.CountAsync(n => n.Type == "test.saved")).Should().Be(2);
    }
}
