using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;

namespace Barangay.Tests.Data.Accounts;

/// <summary>The owner's-browser exception is per barangay: one host serves several, and a name is a different account in each.</summary>
public partial class PasswordGateTests
{
    [Fact]
    public async Task OwnersBrowser_IsKnownPerBarangay_SoTheSameNameInAnotherBarangayStaysPaused()
    {
        var owner = await AccountSecurityTestHost.CreateUserAsync(_services, "admin.twin", AppRoles.Admin);
        // Two barangays on this one database: the gate keeps the mark by the barangay of the flow, not by the database.
        var amihan = Listing("amihan");
        var bagong = Listing("bagong-silang");

        _browser.Ip = "203.0.113.40";
        _browser.Known = [];
        using (BarangayAmbient.Use(amihan))
            (await Gate.CheckAsync("admin.twin", owner.Id, "sign-in", _ => Gate.VerifyAsync(owner, AccountSecurityTestHost.Password))).Passed.Should().BeTrue();
        _browser.Known.Should().Equal(["b/amihan/admin.twin"], "the browser is marked for Amihan's admin.twin only");
        var ownerOfAmihan = _browser.Known.ToHashSet();

        // Strangers' guesses pause "admin.twin" (both listings share the failure store here, so in both).
        for (var i = 0; i < SignInThrottle.PauseAfter; i++)
        {
            _browser.Ip = $"192.0.2.{100 + i}";
            _browser.Known = [];
            using (BarangayAmbient.Use(bagong))
            {
                await _browser.SolveNextAsync(Gate, "admin.twin");
                (await Gate.CheckAsync("admin.twin", owner.Id, "sign-in", _ => Gate.VerifyAsync(owner, $"wrong-{i}"))).Passed.Should().BeFalse();
            }
        }

        _browser.Ip = "203.0.113.40";
        _browser.Known = ownerOfAmihan;
        using (BarangayAmbient.Use(bagong))
        {
            await _browser.SolveNextAsync(Gate, "admin.twin");
            (await Gate.CheckAsync("admin.twin", owner.Id, "sign-in", _ => Gate.VerifyAsync(owner, AccountSecurityTestHost.Password))).Outcome
                .Should().Be(PasswordCheckOutcome.Paused, "signing in to Amihan's admin.twin earns nothing for Bagong Silang's admin.twin");
        }
        using (BarangayAmbient.Use(amihan))
        {
            await _browser.SolveNextAsync(Gate, "admin.twin");
            (await Gate.CheckAsync("admin.twin", owner.Id, "sign-in", _ => Gate.VerifyAsync(owner, AccountSecurityTestHost.Password))).Outcome
                .Should().Be(PasswordCheckOutcome.Passed, "in Amihan the owner's browser still gets in");
        }

        // A cookie written before the marks were per barangay holds the bare name: it counts in no barangay.
        _browser.Known = ["admin.twin"];
        using (BarangayAmbient.Use(amihan))
        {
            await _browser.SolveNextAsync(Gate, "admin.twin");
            (await Gate.CheckAsync("admin.twin", owner.Id, "sign-in", _ => Gate.VerifyAsync(owner, AccountSecurityTestHost.Password))).Outcome
                .Should().Be(PasswordCheckOutcome.Paused);
        }
    }

    private BarangayListing Listing(string slug) =>
        new ConfiguredBarangay { Slug = slug, ConnectionString = database.AppConnectionString }.ToListing();
}
