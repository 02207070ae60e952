using Barangay.Data.Common;
using Barangay.Data.Documents;
using Barangay.Data.Files;
using Barangay.Data.Settings;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Documents;

/// <summary>Requests from the phone and the hall: ids, deadlines, acknowledgements, the rules of each type, who may see what.</summary>
public class DocumentRequestServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private DocumentsTestHost _host = null!;
    private DocumentRequestService Requests => _host.Requests;

    public Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    internal static NewDocumentRequest Clearance(string purpose = "Employment") => new() { TypeCode = "barangay-clearance", Purpose = purpose };

    [Fact]
    public async Task Types_Seeded_HaveCategoriesFeesClassesAndFields()
    {
        var types = await Requests.TypesAsync();

        types.Select(t => t.Label).Should().Contain(["Barangay Clearance", "Certificate of Residency", "Certificate of Indigency", "Business Clearance",
            "Certificate of Good Moral Character", "First Time Jobseeker Certification"]);
        var business = types.Single(t => t.Code == "business-clearance");
        business.Category.Should().Be("permit");
        business.WorkingDays.Should().Be(7);
        business.Fields.Select(f => f.Key).Should().Contain(["business_name", "business_address"]);
        types.Single(t => t.Code == "certificate-of-indigency").IsFree.Should().BeTrue();
        var ftj = types.Single(t => t.Code == "first-time-jobseeker");
        (ftj.OncePerPerson, ftj.NeedsOath, ftj.MinResidenceMonths, ftj.IsFree).Should().Be((true, true, 6, true));
        types.Single(t => t.Code == "barangay-clearance").Requirements.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Create_JuanRequestsClearance_GetsIdDueDateAcknowledgementNotificationAndEmail()
    {
        var juan = await _host.AsJuanAsync();

        var result = await Requests.CreateAsync(Clearance());

        result.Ok.Should().BeTrue(result.Message);
        var ack = result.Value!;
        ack.RequestId.Should().MatchRegex(@"^REQ-\d{4}-\d{6}$");
        ack.TypeLabel.Should().Be("Barangay Clearance");
        ack.WorkingDays.Should().Be(3);
        ack.DueAt.Should().BeNull("RA 11032 §4(j): the clock starts when requirements are complete and the fee is paid");
        ack.ActedOnBy.Should().Contain("Liza R. Manalo");
        await using var db = await _host.Services.DbAsync();
        var row = await db.DocumentRequests.AsNoTracking().SingleAsync(r => r.Id == ack.Id);
        (row.Status, row.Purok).Should().Be((DocumentRequestStatuses.Submitted, "purok-1"));
        row.DueAt.Should().BeNull();
        (await db.Notifications.AsNoTracking().Where(n => n.UserId == juan).Select(n => n.Payload!).ToListAsync()).Should().Contain(p => p.Contains(ack.RequestId));
        var email = await db.EmailQueue.AsNoTracking().SingleAsync(e => e.Subject!.Contains(ack.RequestId));
        email.ToEmail.Should().Be("juan.delacruz@sanisidro.example");
        _host.Dispatched.Ids.Should().Contain(email.Id);
        (await db.AuditLogs.AsNoTracking().AnyAsync(a => a.TargetType == "DocumentRequest" && a.TargetId == ack.Id.ToString())).Should().BeTrue();
        (await Requests.MineAsync()).Should().Contain(r => r.RequestId == ack.RequestId && r.Status == "submitted");
    }

    [Fact]
    public async Task Create_NoPurposeAndBusinessFieldsMissing_RefusedNamingEachField()
    {
        await _host.AsJuanAsync();

        var result = await Requests.CreateAsync(new NewDocumentRequest { TypeCode = "business-clearance", Purpose = " " });

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors.Should().ContainKey("Purpose").WhoseValue.Should().Contain("Purpose is required");
        result.Errors.Should().ContainKey("business_name").WhoseValue.Should().Be("Business name is required for Business Clearance.");
        result.Errors.Should().ContainKey("business_address");
        result.Errors.Should().NotContainKey("business_nature", "it is optional");
    }

    [Fact]
    public async Task Create_FirstTimeJobseeker_NeedsOathThenOnlyOnce()
    {
        await _host.SignInAsync("secretary", Barangay.Data.Security.OfficialPositions.Secretary);
        var resident = await _host.OtherResidentAsync();
        var request = new NewDocumentRequest
        {
            TypeCode = "first-time-jobseeker", Purpose = "First job application", ResidentId = resident,
        };

        // Six months' residence is read from the register at approval (ResidencyTests), not typed by the applicant.
        var refused = await Requests.CreateAsync(request);
        refused.Errors.Should().NotContainKey("resident_since");
        refused.Errors.Should().ContainKey("Oath").WhoseValue.Should().Contain("Oath of Undertaking");

        request.Oath = true;
        var first = await Requests.CreateAsync(request);
        first.Ok.Should().BeTrue(first.Message);
        var detail = await Requests.GetAsync(first.Value!.Id);
        detail!.Payment!.Waived.Should().BeTrue();
        detail.Payment.WaiverReason.Should().Contain("RA 11261");

        var second = await Requests.CreateAsync(request);
        second.Kind.Should().Be(ResultKind.Invalid);
        second.Errors["TypeCode"].Should().Contain("only once per person").And.Contain(first.Value.RequestId);
    }

    [Fact]
    public async Task Create_WalkInByResident_NotAllowed_ByOfficial_Filed()
    {
        var other = await _host.OtherResidentAsync();
        await _host.AsJuanAsync();
        (await Requests.CreateAsync(Clearance().WithResident(other))).Kind.Should().Be(ResultKind.NotFound);

        await _host.AsSecretaryAsync();
        var walkIn = await Requests.CreateAsync(Clearance().WithResident(other));

        walkIn.Ok.Should().BeTrue(walkIn.Message);
        var detail = await Requests.GetAsync(walkIn.Value!.Id);
        detail!.ResidentId.Should().Be(other);
        detail.History.Single().Note.Should().Contain("Walk-in");
    }

    [Fact]
    public async Task Get_AnotherResidentsRequest_NotFoundForJuan()
    {
        await _host.AsSecretaryAsync();
        var id = (await Requests.CreateAsync(Clearance().WithResident(await _host.OtherResidentAsync()))).Value!.Id;

        await _host.AsJuanAsync();

        (await Requests.GetAsync(id)).Should().BeNull();
        (await Requests.CancelAsync(id, Guid.Empty, null)).Kind.Should().Be(ResultKind.NotFound);
        (await Requests.PrintAsync(id)).Should().BeNull();
        (await Requests.MineAsync()).Should().NotContain(r => r.Id == id);
        (await Requests.QueueAsync(new DocumentQueueFilter(), 0, 10)).Total.Should().Be(0, "residents do not see the hall's queue");
    }

    [Fact]
    public async Task Get_PrintAndAcknowledgementOfAnotherResidentsRequest_EachRefusalAuditedInTheCallersName()
    {
        await _host.AsSecretaryAsync();
        var id = (await Requests.CreateAsync(Clearance().WithResident(await _host.OtherResidentAsync()))).Value!.Id;
        var juan = await _host.AsJuanAsync();

        (await Requests.GetAsync(id)).Should().BeNull();
        (await Requests.PrintAsync(id)).Should().BeNull();
        (await Requests.AcknowledgementAsync(id)).Should().BeNull();

        await using var db = await _host.Services.DbAsync();
        var target = id.ToString();
        var refused = await db.AuditLogs.AsNoTracking()
            .Where(a => a.TargetType == DocumentRequestService.TargetType && a.TargetId == target && a.ActionType == Barangay.Data.Audit.AuditActions.View)
            .Select(a => new { a.ActorUserId, a.Details }).ToListAsync();
        refused.Should().HaveCount(3);
        refused.Should().OnlyContain(a => a.ActorUserId == juan && a.Details!.Contains("refused"));
        refused.Select(a => a.Details).Should().Contain(d => d!.Contains("print")).And.Contain(d => d!.Contains("acknowledgement"));
    }

    [Fact]
    public async Task Create_AttachmentThatIsNotPdfOrImage_RefusedWithReason()
    {
        await _host.AsJuanAsync();
        var refusedUpload = await _host.Files.UploadAsync(new FileUploadRequest("notes.txt", DocumentRequestService.AttachmentKinds, FileSensitivity.IdDocument),
            new MemoryStream("just some text"u8.ToArray()));
        refusedUpload.Succeeded.Should().BeFalse();
        refusedUpload.Refusal.Should().Contain("PDF");

        var csv = await _host.Files.UploadAsync(new FileUploadRequest("list.csv", FileKinds.Csv, FileSensitivity.IdDocument), new MemoryStream("a,b\n1,2\n"u8.ToArray()));
        csv.Succeeded.Should().BeTrue(csv.Refusal);
        var pdf = await _host.Files.UploadAsync(new FileUploadRequest("id.pdf", DocumentRequestService.AttachmentKinds, FileSensitivity.IdDocument), new MemoryStream(SampleFiles.Pdf));

        var withCsv = Clearance();
        withCsv.AttachmentIds = [pdf.File!.Id, csv.File!.Id];
        var result = await Requests.CreateAsync(withCsv);
        result.Errors["AttachmentIds"].Should().Be("\"list.csv\" is not a PDF or an image; attach PDF, JPEG or PNG files only.");

        var ok = Clearance();
        ok.AttachmentIds = [pdf.File.Id];
        var filed = await Requests.CreateAsync(ok);
        filed.Ok.Should().BeTrue(filed.Message);
        (await Requests.GetAsync(filed.Value!.Id))!.AttachmentIds.Should().Equal(pdf.File.Id);
    }
}

internal static class NewRequestExtensions
{
    /// <summary>Makes the request a walk-in for this resident.</summary>
    public static NewDocumentRequest WithResident(this NewDocumentRequest r, Guid id)
    {
        r.ResidentId = id;
        return r;
    }
}
