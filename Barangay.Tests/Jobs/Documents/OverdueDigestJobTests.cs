using Barangay.Data;
using Barangay.Jobs.Documents;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barangay.Tests.Jobs.Documents;

/// <summary>The morning digest reaches the officials who work the queue, once a day.</summary>
public class OverdueDigestJobTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Run_TwiceOnOneDay_SecretaryAndKapitanToldOnceTreasurerTooKagawadNot()
    {
        await using var host = new DocumentsTestHost(database.AppConnectionString);
        var job = new OverdueDigestJob(host.Services.Get<IDbContextFactory<BarangayDbContext>>(), TestClock.Running(), host.Dispatched, NullLogger<OverdueDigestJob>.Instance);

        var first = await job.RunAsync(CancellationToken.None);
        var second = await job.RunAsync(CancellationToken.None);

        first.Should().BeGreaterThan(0);
        second.Should().Be(0, "the digest goes out once a day");
        await using var db = await host.Services.DbAsync();
        var told = await (from n in db.Notifications.AsNoTracking()
                          join u in db.Users.AsNoTracking() on n.UserId equals u.Id
                          where n.Type == OverdueDigestJob.NotificationType
                          select new { u.UserName, n.Payload }).ToListAsync();
        told.Select(t => t.UserName).Should().BeEquivalentTo(["secretary", "kapitan", "treasurer"]);
        told[0].Payload.Should().Contain("past the deadline").And.Contain("/documents?overdue=true");
        var emails = await db.EmailQueue.AsNoTracking().Where(e => e.Subject!.Contains("overdue document request")).ToListAsync();
        emails.Select(e => e.ToEmail).Should().BeEquivalentTo(["secretary@sanisidro.example", "kapitan@sanisidro.example", "treasurer@sanisidro.example"]);
        host.Dispatched.Ids.Should().BeEquivalentTo(emails.Select(e => e.Id));
    }
}
