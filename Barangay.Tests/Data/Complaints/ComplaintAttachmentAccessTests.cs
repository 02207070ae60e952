using Barangay.Data.Audit;
using Barangay.Data.Complaints;
using Barangay.Data.Files;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Complaints;

/// <summary>A complaint's attachment is read by the complaint's own rule (issue 19, item 4), whoever asks and however.</summary>
public class ComplaintAttachmentAccessTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ComplaintsTestHost _host = null!;
    private FileService Files => _host.Services.Get<FileService>();

    public Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(Guid File, ComplaintAck Ack)> JuanFilesWithAttachmentAsync(bool confidential)
    {
        await _host.AsJuanAsync();
        var file = (await _host.Complaints.AttachAsync("bruises.png", new MemoryStream(SampleFiles.Png))).File!.Id;
        var input = ComplaintsTestHost.Noise(confidential);
        input.AttachmentIds = [file];
        var filed = await _host.Complaints.FileAsync(input);
        filed.Ok.Should().BeTrue(filed.Message);
        return (file, filed.Value!);
    }

    private async Task<List<(Guid? Actor, string Details)>> DownloadsAsync(Guid file)
    {
        await using var db = await _host.Services.DbAsync();
        return (await db.AuditLogs.AsNoTracking().Where(a => a.TargetType == FileService.TargetType && a.TargetId == file.ToString() && a.ActionType == AuditActions.Download)
            .Select(a => new { a.ActorUserId, a.Details }).ToListAsync()).Select(a => (a.ActorUserId, a.Details ?? "")).ToList();
    }

    [Fact]
    public async Task Read_ConfidentialComplaintsAttachment_SecretaryRefusedAndAuditedAsRefused_KapitanAndComplainantGetIt()
    {
        var (file, ack) = await JuanFilesWithAttachmentAsync(confidential: true);

        var secretary = await _host.AsSecretaryAsync();
        (await _host.Complaints.GetAsync(ack.Id)).Should().BeNull("the secretary is refused the complaint itself");
        (await Files.ReadAsync(file)).Status.Should().Be(FileReadStatus.NotFound);
        (await Files.GetAsync(file)).Should().BeNull();
        (await Files.CreateLinkAsync(file)).Should().BeNull("no signed link either");
        var refused = (await DownloadsAsync(file)).Where(d => d.Actor == secretary).ToList();
        refused.Should().ContainSingle().Which.Details.Should().Contain("refused").And.NotContain("delivered");

        var kapitan = await _host.AsKapitanAsync();
        (await Files.ReadAsync(file)).Content.Should().Equal(SampleFiles.Png);
        var juan = await _host.AsJuanAsync();
        (await Files.ReadAsync(file)).Content.Should().Equal(SampleFiles.Png);
        var delivered = (await DownloadsAsync(file)).Where(d => d.Details.Contains("delivered")).Select(d => d.Actor).ToList();
        delivered.Should().BeEquivalentTo(new Guid?[] { kapitan, juan });
    }

    [Fact]
    public async Task Read_ConfidentialAttachment_OfficialItIsAssignedToGetsIt_OtherKagawadDoesNot()
    {
        var (file, ack) = await JuanFilesWithAttachmentAsync(confidential: true);
        await _host.AsKapitanAsync();
        var kagawad = await _host.AsKagawadAsync();
        await _host.AsKapitanAsync();
        var version = (await _host.Complaints.GetAsync(ack.Id))!.Version;
        (await _host.Complaints.AssignAsync(ack.Id, kagawad, version)).Ok.Should().BeTrue();

        await _host.AsKagawadAsync();
        (await Files.ReadAsync(file)).Status.Should().Be(FileReadStatus.Ok);
        await _host.AsSecretaryAsync();
        (await Files.ReadAsync(file)).Status.Should().Be(FileReadStatus.NotFound);
    }

    [Fact]
    public async Task Read_OrdinaryComplaintsAttachment_EveryoneWhoHandlesComplaintsGetsIt_AnotherResidentDoesNot()
    {
        var (file, _) = await JuanFilesWithAttachmentAsync(confidential: false);

        await _host.AsSecretaryAsync();
        (await Files.ReadAsync(file)).Status.Should().Be(FileReadStatus.Ok);
        await _host.AsKagawadAsync();
        (await Files.ReadAsync(file)).Status.Should().Be(FileReadStatus.Ok);
        await _host.SignInAsync("treasurer", Barangay.Data.Security.OfficialPositions.Treasurer);
        (await Files.ReadAsync(file)).Status.Should().Be(FileReadStatus.NotFound, "the treasurer does not handle complaints");
    }

    [Fact]
    public async Task Read_AttachmentNotYetSentWithAComplaint_OnlyItsUploader()
    {
        await _host.AsJuanAsync();
        var file = (await _host.Complaints.AttachAsync("draft.png", new MemoryStream(SampleFiles.Png))).File!.Id;
        (await Files.ReadAsync(file)).Status.Should().Be(FileReadStatus.Ok);

        await _host.AsSecretaryAsync();
        (await Files.ReadAsync(file)).Status.Should().Be(FileReadStatus.NotFound, "no complaint owns it yet, so no complaint's rule lets anyone else in");
    }

    [Fact]
    public void CanRead_UnknownSensitivity_Refused()
    {
        var admin = TestCaller.As(Guid.NewGuid(), "admin", [Barangay.Data.Accounts.AppRoles.Admin]);
        FileSensitivity.CanRead(admin, null, new FileMetadata { Sensitivity = "something_new" }).Should().BeFalse();
    }
}
