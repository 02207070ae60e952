using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.Scale;

/// <summary>
/// Scale-out's promise checked on one machine: two app processes over one database, as two replicas behind the
/// load balancer. A sign-in made on one is accepted by the other (Data Protection keys in the database), and what an
/// official does on one reaches a resident whose circuit lives on the other, with no reload (the database poll).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class TwoReplicasTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task SignInOnReplicaB_WorksOnReplicaA_AndAMessageSentOnA_ReachesTheResidentOnBLive()
    {
        await using var replicaB = await AppProcess.StartAsync(e2e.Database.AppConnectionString);
        var juanOnB = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone, replicaB.Url);
        var secretaryOnA = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        IBrowserContext? juanOnA = null;
        var tag = Guid.NewGuid().ToString("N")[..6];
        try
        {
            await Expect(juanOnB.Locator("#resident-home")).ToBeVisibleAsync();

            // The cookie replica B issued, presented to replica A.
            var cookies = await juanOnB.Context.CookiesAsync();
            juanOnA = await e2e.Browser.NewContextAsync(new() { BaseURL = e2e.App.Url });
            var hostA = new Uri(e2e.App.Url).Host;
            await juanOnA.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = hostA, Path = c.Path }));
            var pageOnA = await juanOnA.NewPageAsync();
            await pageOnA.GotoAsync("/me");
            await Expect(pageOnA.GetByTestId("my-name")).ToHaveTextAsync("Dela Cruz, Juan Pascual");
            // Closed again: while Juan has a circuit on A, A knows him online and sends no notification.
            await juanOnA.CloseAsync();
            juanOnA = null;

            // Juan watches his messages on replica B.
            await juanOnB.GotoAsync("/messages");
            await EndToEndFixture.WaitInteractiveAsync(juanOnB);
            var bell = juanOnB.GetByTestId("notification-bell");
            var unreadBefore = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            // The page and the bell subscribe after their first render: the message is written once both listen.
            await EndToEndFixture.WaitLiveAsync(juanOnB, "messages");
            await EndToEndFixture.WaitBellLiveAsync(juanOnB);
            var navigations = 0;
            juanOnB.FrameNavigated += (_, f) => { if (f == juanOnB.MainFrame) navigations++; };

            // The secretary, on replica A, writes to him from his record.
            await secretaryOnA.GotoAsync($"/residents/{await JuansResidentIdAsync()}");
            await EndToEndFixture.WaitInteractiveAsync(secretaryOnA);
            await secretaryOnA.GetByTestId("message-resident").ClickAsync();
            await secretaryOnA.WaitForURLAsync(u => u.Contains("/messages/new?resident=", StringComparison.Ordinal));
            await EndToEndFixture.WaitInteractiveAsync(secretaryOnA);
            await EndToEndFixture.Field(secretaryOnA, "new-subject").FillAsync($"Barangay assembly {tag}");
            await EndToEndFixture.Field(secretaryOnA, "new-body").FillAsync("The barangay assembly is on Saturday at 8 AM in the covered court.");
            await secretaryOnA.GetByTestId("new-send").ClickAsync();
            await secretaryOnA.WaitForURLAsync(u => u.Contains("/messages/", StringComparison.Ordinal) && !u.Contains("/new", StringComparison.Ordinal));

            // Replica B learns of it only from the database: the conversation and the bell change without a reload.
            var item = juanOnB.GetByTestId("conversation-item").Filter(new() { HasText = tag });
            await Expect(item).ToHaveAttributeAsync("data-unread", "1", new() { Timeout = 5_000 });
            // Replica A wrote the notification only if it saw no circuit of Juan's (a page left open on A by another
            // test counts): either way, B's bell must come to show exactly what the database holds.
            var unreadNow = await UnreadNotificationsAsync();
            unreadNow.Should().BeGreaterThanOrEqualTo(unreadBefore);
            await Expect(bell).ToHaveAttributeAsync("data-unread", unreadNow.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 5_000 });
            navigations.Should().Be(0, "the update arrives over replica B's live circuit");
            await Screenshots.SaveAsync(juanOnB, "replica-b-message-from-replica-a-phone");
        }
        finally
        {
            if (juanOnA is not null) await juanOnA.CloseAsync();
            await juanOnB.Context.CloseAsync();
            await secretaryOnA.Context.CloseAsync();
            await e2e.ClearMessageNotificationsAsync();
        }
    }

    private async Task<int> UnreadNotificationsAsync()
    {
        await using var conn = new NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'juan' AND NOT n.read", conn);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Guid> JuansResidentIdAsync()
    {
        await using var conn = new NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT r.id FROM residents r JOIN users u ON u.id = r.user_id WHERE u.username = 'juan'", conn);
        return (Guid)(await cmd.ExecuteScalarAsync())!;
    }
}
