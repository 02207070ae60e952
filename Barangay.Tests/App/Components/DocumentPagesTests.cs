using Barangay.App.Components.Pages.Documents;
using Barangay.Data;
using Barangay.Data.Documents;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>The public verification page and the resident's list, rendered by bUnit over the real service and the demo database.</summary>
public class DocumentPagesTests : DemoPageTestBase, IClassFixture<DemoDatabase>
{
    public DocumentPagesTests(DemoDatabase database) : base(database)
    {
        Services.AddSingleton<HolidayCalendar>();
        Services.AddScoped<DocumentRequestService>();
    }

    [Fact]
    public void AcknowledgementCard_FreeDocument_NeverAsksForAFee_PaidOneDoes_BothLinkTheReceipt()
    {
        var id = Guid.NewGuid();
        var free = new DocumentRequestAck(id, "REQ-2026-000900", "Certificate of Indigency", DateTime.UtcNow, null, 3, "Liza R. Manalo, Barangay Secretary", 0)
            { WaiverReason = "Indigent: issued free of charge" };
        var cut = Render<AcknowledgementCard>(p => p.Add(x => x.Ack, free));
        cut.Find("[data-testid=ack-next]").TextContent.Should().Contain("This document is free").And.NotContain("Pay the fee");
        cut.Find("[data-testid=ack-due]").TextContent.Should().Contain("3 working days").And.NotContain("fee is paid");
        cut.Find("[data-testid=ack-pdf]").GetAttribute("href").Should().Be($"/documents/{id}/acknowledgement.pdf");

        var paid = Render<AcknowledgementCard>(p => p.Add(x => x.Ack, free with { Fee = 100, WaiverReason = null }));
        paid.Find("[data-testid=ack-next]").TextContent.Should().Contain("Pay the fee at the treasurer's window");
        paid.Find("[data-testid=ack-due]").TextContent.Should().Contain("and the fee is paid");
    }

    [Fact]
    public void VerifyPage_MadeUpCode_SaysNotGenuineAndShowsNothingElse()
    {
        var cut = Render<VerifyPage>(p => p.Add(x => x.Code, "REQ-2026-000001"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=verify-not-genuine]").TextContent.Should().Contain("Not genuine"), TimeSpan.FromSeconds(10));
        cut.Markup.Should().NotContain("Issued to");
    }

    [Fact]
    public async Task VerifyPage_ApprovedCertificate_GenuineWithSurnameInitialOnly()
    {
        var requests = Services.GetRequiredService<DocumentRequestService>();
        await SignInAsync("juan");
        var ack = (await requests.CreateAsync(new NewDocumentRequest { TypeCode = "certificate-of-indigency", Purpose = "Medical assistance" })).Value!;
        await SignInAsync("secretary", OfficialPositions.Secretary);
        var reviewed = await requests.ReviewAsync(ack.Id, (await requests.GetAsync(ack.Id))!.Version);
        await SignInAsync("kapitan", OfficialPositions.PunongBarangay);
        var approved = await requests.ApproveAsync(ack.Id, reviewed.Value!.Version);
        approved.Ok.Should().BeTrue(approved.Message, "a free document needs no payment");

        var cut = Render<VerifyPage>(p => p.Add(x => x.Code, approved.Value!.Certificate!.VerificationCode));

        cut.WaitForAssertion(() => cut.Find("[data-testid=verify-genuine]").TextContent.Should().Contain("Genuine"), TimeSpan.FromSeconds(10));
        cut.Find("[data-testid=verify-holder]").TextContent.Should().Be("JUAN P. D.");
        cut.Find("[data-testid=verify-type]").TextContent.Should().Be("Certificate of Indigency");
        cut.Markup.Should().NotContain("DELA CRUZ").And.NotContain("Medical assistance");
    }

    [Fact]
    public async Task MyRequestsPage_Juan_ListsOnlyHisOwnWithStatus()
    {
        await SignInAsync("juan");

        var cut = Render<MyRequestsPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=my-request]").Should().NotBeEmpty(), TimeSpan.FromSeconds(10));
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var his = await db.DocumentRequests.AsNoTracking().CountAsync(r => db.Residents.Any(p => p.Id == r.ResidentId && p.UserId == Caller.Current.UserId));
        cut.FindAll("[data-testid=my-request]").Should().HaveCount(his);
        cut.FindAll("[data-testid=status-chip]").Select(c => c.TextContent).Should().Contain("submitted");
        // Several clearances are told apart by what each is for (issue 24 item 7).
        var purposes = (await db.DocumentRequests.AsNoTracking().Where(r => db.Residents.Any(p => p.Id == r.ResidentId && p.UserId == Caller.Current.UserId))
            .Select(r => r.Metadata).ToListAsync()).Select(m => DocumentRequestMetadata.Parse(m).Purpose).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        purposes.Should().NotBeEmpty();
        cut.FindAll("[data-testid=my-request-purpose]").Select(e => e.TextContent.Trim()).Should().BeEquivalentTo(purposes.Select(p => p.Trim()));
    }

    [Fact]
    public void RequestForm_PurposeRefused_MessageGoesOnceItIsTyped_ANewRefusalShowsAgain()
    {
        var type = new DocumentType("barangay_clearance", "Barangay Clearance", "clearance", 100, DocumentType.Simple, 180, [], [], "", false, 0, false, null);
        var model = new NewDocumentRequest { TypeCode = type.Code };
        var refused = new Dictionary<string, string> { ["Purpose"] = "The purpose is required." };
        ComponentFactories.AddStub<Barangay.App.Components.Shared.FileUpload>(); // the upload is not what is looked at here
        var cut = Render<RequestForm>(p => p.Add(x => x.Types, new[] { type }).Add(x => x.Model, model).Add(x => x.Errors, refused));
        cut.Markup.Should().Contain("The purpose is required.");

        cut.Find("textarea[data-testid=request-purpose], [data-testid=request-purpose] textarea").Change("Para sa trabaho");

        cut.WaitForAssertion(() => cut.Markup.Should().NotContain("The purpose is required."));
        model.Purpose.Should().Be("Para sa trabaho");
        // The next refusal (a new set of messages) is shown whole again.
        cut.Render(p => p.Add(x => x.Errors, new Dictionary<string, string> { ["Purpose"] = "The purpose is required." }));
        cut.Markup.Should().Contain("The purpose is required.");
    }
}
