using Barangay.Data.Complaints;
using Barangay.Data.Localization;
using Barangay.Data.Messaging;
using Barangay.Data.Notifications;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Localization;

/// <summary>
/// Complaint and messaging notices are kept as catalogue keys and read (and emailed) in the recipient's language,
/// not the language of the official or resident who caused them.
/// </summary>
public class ComplaintAndMessageNoticesInReadersLanguageTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ComplaintsTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await using (var db = await _host.Services.DbAsync())
            await db.Users.Where(u => u.UserName == "juan").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, (string?)null));
        await _host.DisposeAsync();
    }

    private async Task JuanPrefersFilipinoAsync()
    {
        await using var db = await _host.Services.DbAsync();
        await db.Users.Where(u => u.UserName == "juan").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, AppLanguages.Filipino));
    }

    private Task<NotificationPage> MineAsync() =>
        new NotificationService(_host.Services.Get<Barangay.Data.BarangayDb>(), new NotificationOptions()).ListMineAsync(0, 50);

    [Fact]
    public async Task Complaint_JuanReadsFilipino_AckNoticeAndEmailInFilipino_SecretaryKeepsEnglish()
    {
        await JuanPrefersFilipinoAsync();
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        ack.Text!.Render(AppLanguages.FilipinoCulture).Should().StartWith($"Natanggap ang reklamo {ack.ComplaintId} noong ")
            .And.Contain("aabisuhan ka sa bawat pagbabago");
        ack.Message.Should().StartWith($"Complaint {ack.ComplaintId} was received on ", "the English is kept for older readers");

        await _host.AsSecretaryAsync();
        var triage = (await MineAsync()).Items.First(n => n.Text.Contains(ack.ComplaintId, StringComparison.Ordinal));
        triage.TextIn(AppLanguages.EnglishCulture).Should().StartWith($"New complaint {ack.ComplaintId}: ", "the secretary chose no language: English");
        var d = (await _host.Complaints.GetAsync(ack.Id))!;
        (await _host.Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.InProgress, null, d.Version)).Ok.Should().BeTrue();

        await _host.AsJuanAsync();
        var mine = (await MineAsync()).Items.Where(n => n.Text.Contains(ack.ComplaintId, StringComparison.Ordinal)).ToList();
        mine.Select(n => n.TextIn(AppLanguages.FilipinoCulture)).Should()
            .Contain($"Inaasikaso na ng barangay hall ang iyong reklamo {ack.ComplaintId}.");
        mine.Select(n => n.Text).Should().Contain($"The hall is working on your complaint {ack.ComplaintId}.");

        await using var db = await _host.Services.DbAsync();
        var email = await db.EmailQueue.AsNoTracking().SingleAsync(e => e.Subject == $"Inaasikaso na ang {ack.ComplaintId}");
        email.Body.Should().StartWith("Magandang araw, Juan,").And.Contain("Makikita mo ito anumang oras sa Aking mga reklamo.");
    }

    [Fact]
    public async Task ConfidentialComplaint_NeutralNoticeInFilipino_SaysNothingOfIt()
    {
        await JuanPrefersFilipinoAsync();
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise(confidential: true))).Value!;
        await _host.AsKapitanAsync();
        var d = (await _host.Complaints.GetAsync(ack.Id))!;
        (await _host.Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.InProgress, null, d.Version)).Ok.Should().BeTrue();

        await using var db = await _host.Services.DbAsync();
        var email = await db.EmailQueue.AsNoTracking().SingleAsync(e => e.Subject == $"May update sa iyong reklamo {ack.ComplaintId}");
        email.Body.Should().Contain("Para sa iyong privacy").And.NotContain("Videoke");
    }

    [Fact]
    public async Task Message_SecretaryWritesInEnglish_JuanGetsNoticeAndEmailInFilipino()
    {
        await _host.AsJuanAsync();
        var sent = (await _host.Messaging.StartWithHallAsync("Barangay clearance", new NewMessage("Kailan ko makukuha?"))).Value!;
        await JuanPrefersFilipinoAsync();
        await _host.AsSecretaryAsync();
        (await _host.Messaging.SendAsync(sent.ConversationId, new NewMessage("Tomorrow after 9 AM."))).Ok.Should().BeTrue();

        await _host.AsJuanAsync();
        var notice = (await MineAsync()).Items.First(n => n.Href == $"/messages/{sent.ConversationId}");
        notice.TextIn(AppLanguages.FilipinoCulture).Should().StartWith("Bagong mensahe mula kay ").And.EndWith(": Barangay clearance");
        await using var db = await _host.Services.DbAsync();
        var email = (await db.EmailQueue.AsNoTracking().Where(e => e.Payload != null).ToListAsync())
            .Single(e => e.Payload!.Contains(sent.ConversationId.ToString(), StringComparison.Ordinal));
        email.Subject.Should().Be("Bagong mensahe: Barangay clearance");
        email.Body.Should().Contain("May bago kang mensahe mula kay").And.Contain("Awtomatikong email ito");
    }
}
