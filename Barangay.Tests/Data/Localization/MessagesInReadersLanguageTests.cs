using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Data.Notifications;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Localization;

/// <summary>Notifications and emails are kept as a key and arguments and read in the recipient's language.</summary>
public class MessagesInReadersLanguageTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private DocumentsTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task JuanPrefersAsync(string? language)
    {
        await using var db = await _host.Services.DbAsync();
        await db.Users.Where(u => u.UserName == "juan").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language));
    }

    [Fact]
    public async Task RequestReviewed_JuanReadsFilipino_NotificationAndEmailInFilipino_EnglishKeptForOthers()
    {
        await JuanPrefersAsync(AppLanguages.Filipino);
        await _host.AsJuanAsync();
        var ack = (await _host.Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!;
        var filed = (await _host.Requests.GetAsync(ack.Id))!;
        // RA 11032 §4(j): the clock starts once the fee is paid and the requirements are found complete, so the
        // review is the message that carries the deadline.
        await _host.AsTreasurerAsync();
        var paid = (await _host.Requests.RecordPaymentAsync(filed.Id, filed.Version, new PaymentEntry("OR-88001", 100))).Value!;
        await _host.AsSecretaryAsync();
        (await _host.Requests.ReviewAsync(filed.Id, paid.Version)).Ok.Should().BeTrue();

        await _host.AsJuanAsync();
        var mine = await new NotificationService(_host.Services.Get<Barangay.Data.BarangayDb>(), new NotificationOptions()).ListMineAsync(0, 10);
        var reviewed = mine.Items.First(n => n.Text.Contains("was reviewed", StringComparison.Ordinal));
        reviewed.Text.Should().StartWith($"Your Barangay Clearance request {ack.RequestId} was reviewed by the hall. Requirements complete and fee settled: due ",
            "the English stays in the row for older readers and the admins");
        reviewed.TextIn(AppLanguages.FilipinoCulture).Should().StartWith($"Nasuri na ng barangay hall ang iyong kahilingan para sa Barangay Clearance ({ack.RequestId}). Kumpleto na ang mga kailangang dokumento at bayad na: matatapos ito bago ang ")
            .And.MatchRegex("(Lun|Mar|Miy|Huw|Biy), (Ene|Peb|Mar|Abr|May|Hun|Hul|Ago|Set|Okt|Nob|Dis) ", "the deadline is written in Filipino too");
        reviewed.TextIn(AppLanguages.EnglishCulture).Should().Be(reviewed.Text);

        var received = mine.Items.First(n => n.Text.Contains("received", StringComparison.Ordinal));
        received.TextIn(AppLanguages.FilipinoCulture).Should().StartWith($"Natanggap ang iyong kahilingan para sa Barangay Clearance ({ack.RequestId}). Aasikasuhin ito ni ")
            .And.Contain("araw ng trabaho").And.EndWith("mabayaran ang ₱100.00.");

        await using var db = await _host.Services.DbAsync();
        var email = await db.EmailQueue.AsNoTracking().SingleAsync(e => e.Subject == $"Nasuri na ang {ack.RequestId}");
        email.Body.Should().StartWith("Magandang araw, Juan,").And.Contain("Makikita mo ito anumang oras sa Aking mga kahilingan.");
    }

    [Fact]
    public async Task RequestFiled_NoLanguageChosen_EmailInEnglish()
    {
        await JuanPrefersAsync(null);
        await _host.AsJuanAsync();
        var ack = (await _host.Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!;

        await using var db = await _host.Services.DbAsync();
        var email = await db.EmailQueue.AsNoTracking().SingleAsync(e => e.Subject == $"Barangay Clearance request {ack.RequestId} received");
        email.Body.Should().StartWith("Hello Juan,").And.Contain("See it any time under My requests.");
    }

    [Fact]
    public void StoredAsText_OlderRow_KeepsShowingItsText()
    {
        var p = NotificationPayloads.Parse("""{"text":"Your clearance is ready."}""", "document_request");
        p.Key.Should().BeNull();
        var row = new NotificationRow(Guid.NewGuid(), "document_request", p.Text, p.Href, false, DateTime.UtcNow);
        row.TextIn(AppLanguages.FilipinoCulture).Should().Be("Your clearance is ready.");
    }
}
