using System.Security.Cryptography;
using Barangay.App.Components.Pages.Officials;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Officials;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>The public roster page rendered by bUnit over the real service and the demo database.</summary>
public class OfficialsPageTests : ComponentTestBase, IClassFixture<DemoDatabase>
{
    public OfficialsPageTests(DemoDatabase database)
    {
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton(new FileLinkSigner(new FileStorageOptions { LinkKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, TestClock.Running()));
        Services.AddSingleton<OfficialRosterService>();
    }

    [Fact]
    public void OfficialsPage_Rendered_ListsPunongBarangayFirstWithoutContactDetails()
    {
        var cut = Render<OfficialsPage>();
        cut.WaitForAssertion(() => cut.FindAll(".official-name").Should().HaveCount(15, "the demo seeds fifteen officials"), TimeSpan.FromSeconds(10));

        var names = cut.FindAll(".official-name").Select(e => e.TextContent.Trim()).ToList();
        names[0].Should().Be("Ricardo M. Dela Cruz");
        names.Should().Contain("Rosario T. Muñoz");
        cut.Markup.Should().Contain("Punong Barangay").And.Contain("Kagawad");
        // A mobile number in any form (text or tel: link); not a bare "0917", which a photo link's random id can hold.
        cut.Markup.Should().NotMatchRegex(@"(\+63|\b0)9\d{2}[\s-]?\d{3}[\s-]?\d{4}", "the public page shows no contact numbers");
    }

    [Fact]
    public async Task OfficialsPage_OfficialWithPhoto_ShowsSignedImageOthersInitials()
    {
        var fileId = Guid.NewGuid();
        await using (var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync())
        {
            await db.Officials.Where(o => o.FullName == "Antonio B. Reyes").ExecuteUpdateAsync(s => s.SetProperty(o => o.PhotoUrl, PhotoFiles.UrlOf(fileId)));
        }

        var cut = Render<OfficialsPage>();
        cut.WaitForAssertion(() => cut.FindAll(".official-name").Should().HaveCount(15, "the demo seeds fifteen officials"), TimeSpan.FromSeconds(10));

        var photo = cut.FindAll("img.official-photo").Should().ContainSingle().Subject;
        photo.GetAttribute("src").Should().StartWith($"/files/{fileId}?exp=").And.Contain("&sig=");
        photo.GetAttribute("alt").Should().Be("Antonio B. Reyes");
        cut.FindAll(".official-avatar").Select(a => a.TextContent.Trim()).Should().Contain("RD", "Ricardo M. Dela Cruz has no photo: his initials (given name and surname) show");
    }
}
