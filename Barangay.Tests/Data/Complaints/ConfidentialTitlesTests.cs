using Barangay.Data.Complaints;
using Barangay.Data.Dashboard;
using Barangay.Tests.Data.Dashboard;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// On a shared family phone a confidential complaint is "Confidential complaint" and its number on the home and the
/// list, and notifications and emails about it never carry its subject or text (issue 19, item 6).
/// </summary>
public class ConfidentialTitlesTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Subject = "Tinamaan ako ng asawa ko";
    private const string Description = "Sinaktan niya ako kagabi sa harap ng mga bata.";
    private ComplaintsTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString, more: DashboardTestServices.Add);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static NewComplaint Vawc(bool confidential = true)
    {
        var input = ComplaintsTestHost.Noise(confidential, Description);
        input.Category = "vawc";
        input.Subject = Subject;
        return input;
    }

    [Fact]
    public async Task MineAndResidentHome_ConfidentialComplaint_ShowOnlyConfidentialComplaintAndItsNumber_ItsPageShowsTheSubject()
    {
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(Vawc())).Value!;

        var mine = (await _host.Complaints.MinePageAsync(false, 0, 100)).Items.Single(c => c.Id == ack.Id);
        (mine.Subject, mine.CategoryLabel, mine.ComplaintId).Should().Be((ConfidentialComplaints.Title, ConfidentialComplaints.Category, ack.ComplaintId));
        var home = (await _host.Services.Get<DashboardService>().GetResidentHomeAsync())!.Complaints.Single(c => c.Id == ack.Id);
        (home.Subject, home.Category, home.ComplaintId, home.Confidential).Should().Be((ConfidentialComplaints.Title, ConfidentialComplaints.Category, ack.ComplaintId, true));
        (await _host.Complaints.GetAsync(ack.Id))!.Subject.Should().Be(Subject, "opening it shows what it is");
    }

    [Fact]
    public async Task MessagesList_ConfidentialComplaintsThread_ShowsNeitherSubjectNorLastMessage_OpeningItShowsTheMessages()
    {
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(Vawc())).Value!;
        var thread = (await _host.Messaging.WriteAboutComplaintAsync(ack.Id, new Barangay.Data.Messaging.NewMessage("Sinaktan niya ulit ako kagabi."))).Value!.ConversationId;

        var row = (await _host.Messaging.ListMineAsync()).Single(c => c.Id == thread);
        (row.Subject + " " + row.LastPreview).Should().NotContain("asawa").And.NotContain("Sinaktan");
        row.LastPreview.Should().Be(ConfidentialComplaints.HiddenPreview);
        row.Subject.Should().Contain(ack.ComplaintId);
        (await _host.Messaging.OpenAsync(thread))!.Messages.Should().Contain(m => m.Body.Contains("Sinaktan niya ulit"));
    }

    [Fact]
    public async Task MineAndResidentHome_OrdinaryComplaint_ShowItsSubjectAndCategory()
    {
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;

        var mine = (await _host.Complaints.MinePageAsync(false, 0, 100)).Items.Single(c => c.Id == ack.Id);
        (mine.Subject, mine.CategoryLabel).Should().Be(("Videoke past midnight", "Noise disturbance"));
        (await _host.Services.Get<DashboardService>().GetResidentHomeAsync())!.Complaints.Should().Contain(c => c.Id == ack.Id && c.Subject == "Videoke past midnight");
    }

    [Fact]
    public async Task Notices_ConfidentialComplaintEnteredAtTheHallThenRejected_NeitherNotificationNorEmailCarriesItsSubjectOrText()
    {
        var juan = await _host.AsJuanAsync();
        await using (var db = await _host.Services.DbAsync())
        {
            var resident = await db.Residents.SingleAsync(r => r.UserId == juan);
            resident.PrivacySettings = """{"allow_email_notifications":true}""";
            await db.SaveChangesAsync();
        }
        Guid residentId;
        await using (var db = await _host.Services.DbAsync()) residentId = await db.Residents.Where(r => r.UserId == juan).Select(r => r.Id).SingleAsync();
        await _host.AsKapitanAsync();
        var input = Vawc();
        input.ResidentId = residentId;
        var ack = (await _host.Complaints.FileAsync(input)).Value!;
        var version = (await _host.Complaints.GetAsync(ack.Id))!.Version;
        const string reason = "Ang respondent ay nasa Maynila na; i-refer sa PNP Women and Children Protection Desk.";
        (await _host.Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.Rejected, reason, version)).Ok.Should().BeTrue();

        await using var check = await _host.Services.DbAsync();
        var notifications = (await check.Notifications.AsNoTracking().Where(n => n.UserId == juan).Select(n => n.Payload!).ToListAsync())
            .Where(p => p.Contains(ack.Id.ToString())).ToList();
        var emails = (await check.EmailQueue.AsNoTracking().Select(e => new { e.Payload, e.Subject, e.Body }).ToListAsync())
            .Where(e => e.Payload != null && e.Payload.Contains(ack.Id.ToString())).Select(e => e.Subject + "\n" + e.Body).ToList();
        notifications.Should().HaveCount(2, "one on filing, one on the rejection");
        emails.Should().HaveCount(2);
        foreach (var text in notifications.Concat(emails))
        {
            text.Should().Contain(ack.ComplaintId);
            text.Should().NotContain("asawa").And.NotContain("Sinaktan").And.NotContain("Maynila").And.NotContain("Violence").And.NotContain("vawc");
        }
    }

    [Fact]
    public async Task Notices_OrdinaryComplaint_StillSayWhatHappened()
    {
        await _host.AsJuanAsync();
        var juan = _host.Services.Caller.Current.UserId;
        var ack = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        await _host.AsSecretaryAsync();
        var d = (await _host.Complaints.GetAsync(ack.Id))!;
        (await _host.Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.Rejected, "Not within the barangay.", d.Version)).Ok.Should().BeTrue();

        await using var db = await _host.Services.DbAsync();
        (await db.Notifications.AsNoTracking().Where(n => n.UserId == juan).Select(n => n.Payload!).ToListAsync())
            .Should().Contain(p => p.Contains("Not within the barangay."));
    }
}
