using Barangay.Data.Notifications;
using Barangay.Data.Seed;
using Barangay.Jobs.Maintenance;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Jobs.Maintenance;

/// <summary>The recurring purge (as the worker composes it) removes old notifications: read ones after 180 days, any after 365.</summary>
public class NotificationPurgeTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private JobsTestHost _jobs = null!;

    public async Task InitializeAsync() => _jobs = await JobsTestHost.StartAsync(database.AppConnectionString, sendGrid: null);

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    [Fact]
    public async Task Purge_RemovesOldReadAndVeryOldUnread_KeepsTheRest()
    {
        await using var db = await _jobs.DbAsync();
        var juan = await db.Users.Where(u => u.UserName == DemoAccounts.ResidentUser).Select(u => u.Id).SingleAsync();
        Notification Note(string text, int daysAgo, bool read) => new()
        {
            Id = Guid.NewGuid(), UserId = juan, Type = "purge.test", Payload = $$"""{"text":"{{text}}"}""", Read = read,
            CreatedAt = TestClock.UtcNow.AddDays(-daysAgo),
        };
        var oldRead = Note("old read", 181, true);
        var recentRead = Note("recent read", 179, true);
        var oldUnread = Note("old unread", 200, false);
        var ancientUnread = Note("ancient unread", 366, false);
        db.Notifications.AddRange(oldRead, recentRead, oldUnread, ancientUnread);
        await db.SaveChangesAsync();

        await _jobs.Get<PurgeJob>().RunAsync(CancellationToken.None);

        var left = await db.Notifications.AsNoTracking().Where(n => n.Type == "purge.test").Select(n => n.Id).ToListAsync();
        left.Should().BeEquivalentTo([recentRead.Id, oldUnread.Id], "read ones go after 180 days, unread ones only after 365");
    }
}
