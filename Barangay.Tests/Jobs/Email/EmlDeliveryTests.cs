using Barangay.Data.Email;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Jobs.Email;

/// <summary>With no SendGrid key (the local default) each email becomes an .eml file under Storage:DataRoot/mail.</summary>
public class EmlDeliveryTests : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly DemoDatabase _database;
    private JobsTestHost _jobs = null!;

    public EmlDeliveryTests(DemoDatabase database) => _database = database;

    public async Task InitializeAsync() => _jobs = await JobsTestHost.StartAsync(_database.AppConnectionString, sendGrid: null);

    public Task DisposeAsync() => _jobs.DisposeAsync().AsTask();

    [Fact]
    public async Task NoSendGridKey_WritesAnEmlFileWithTheSubjectAndMarksItSent()
    {
        Guid id;
        await using (var db = await _jobs.DbAsync())
            id = await EmailTestRows.QueueAsync(db, "Schedule of the barangay assembly", body: "The assembly is on Saturday at 9 AM.");
        await _jobs.Get<IEmailDispatcher>().DispatchAsync([id]);

        await JobsTestHost.WaitUntilAsync(async () => (await EmailTestRows.ReadAsync(_jobs.DbAsync, id)).Status == EmailStatuses.Sent, "the email to be written");

        var mail = Path.Combine(_jobs.DataRoot, "mail");
        var file = Directory.GetFiles(mail, "*.eml").Should().ContainSingle().Subject;
        Path.GetFileName(file).Should().Contain(id.ToString("N"));
        var text = await File.ReadAllTextAsync(file);
        text.Should().Contain("Subject: Schedule of the barangay assembly").And.Contain("To: resident@example.ph")
            .And.Contain("From: no-reply@sanisidro.example", "the sender is the email.sender setting");
        var row = await EmailTestRows.ReadAsync(_jobs.DbAsync, id);
        row.AttemptCount.Should().Be(1);
        row.LastResult.Should().StartWith("Written to ").And.Contain(Path.GetFileName(file)).And.EndWith("(no SendGrid key configured)");
    }
}
