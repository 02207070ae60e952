using System.Net;
using Barangay.Data.Municipality;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.EndToEnd.Municipality;

public sealed partial class MunicipalPagesTests
{
    /// <summary>
    /// Suspend, reactivate and sign-out bind no form field, so form binding never checked their antiforgery token: a page
    /// of any site the browser counts as the same (a sibling barangay's host) could post them with the admin's cookie.
    /// </summary>
    [Fact]
    public async Task SuspendAndSignOut_WithoutTheFormsToken_AreRefusedAndChangeNothing()
    {
        var (http, _) = await SignedInAsync("mayor.admin");
        var barangay = (await muni.Get<IBarangayDirectory>().FindBySlugAsync("san-isidro"))!;

        var forged = await http.PostAsync($"/municipality/barangays/{barangay.Id}/suspend", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var bare = await http.PostAsync($"/municipality/barangays/{barangay.Id}/suspend", null);
        var signOut = await http.PostAsync("/municipality/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        bare.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        signOut.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using (var db = await muni.MunicipalityAsync())
            (await db.Barangays.Where(b => b.Id == barangay.Id).Select(b => b.Status).SingleAsync()).Should().Be(BarangayStatuses.Active);
        (await http.GetAsync("/municipality")).StatusCode.Should().Be(HttpStatusCode.OK, "the forged sign-out did not end the session");
    }
}
