using Barangay.Data.Accounts;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Events;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Done when: an official publishes an event with 50 seats and an announcement for one purok; residents on phones
/// register and see the seats drop (live, without a reload), and only the purok's resident gets the announcement.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class EventsAndAnnouncementsTests(EndToEndFixture e2e)
{
    private const string Password = "Resident#2026e2e";

    [Fact]
    public async Task Official_PublishesEventAndPurokAnnouncement_ResidentsOnPhonesRegisterSeeSeatsDropAndOnlyThePurokIsTold()
    {
        var tag = Guid.NewGuid().ToString("N")[..5];
        var ana = await CreateResidentAsync($"ana{tag}", "purok-3");
        var ben = await CreateResidentAsync($"ben{tag}", "purok-4");

        // The official, at the hall's desktop.
        var hall = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await hall.GotoAsync("/hall/events/new");
        await EndToEndFixture.WaitInteractiveAsync(hall);
        var eventTitle = $"Libreng Bakuna {tag}";
        await EndToEndFixture.Field(hall, "event-title").FillAsync(eventTitle);
        await EndToEndFixture.Field(hall, "event-venue").FillAsync("Covered court");
        await EndToEndFixture.Field(hall, "event-capacity").FillAsync("50");
        await EndToEndFixture.Field(hall, "event-description").FillAsync("Bring your vaccination card.");
        await hall.GetByTestId("publish-event").ClickAsync();
        await Expect(hall.GetByTestId("event-status")).ToHaveTextAsync("published");
        await Screenshots.SaveAsync(hall, "events-editor-desktop");
        var eventUrl = hall.Url.Replace("/hall/events/", "/events/", StringComparison.Ordinal).Replace("/edit", "", StringComparison.Ordinal);

        await hall.GotoAsync("/hall/announcements/new");
        await EndToEndFixture.WaitInteractiveAsync(hall);
        var annTitle = $"Water interruption in Purok 3 {tag}";
        await EndToEndFixture.Field(hall, "ann-title").FillAsync(annTitle);
        await EndToEndFixture.Field(hall, "ann-body").FillAsync("No water on **Saturday**, 8 AM to 5 PM. <script>alert(1)</script>");
        await hall.GetByTestId("ann-puroks").ClickAsync();
        await hall.GetByRole(AriaRole.Option, new() { Name = "Purok 3 - Rosal" }).ClickAsync();
        await hall.Keyboard.PressAsync("Escape");
        await hall.GetByTestId("publish-ann").ClickAsync();
        await Expect(hall.GetByTestId("form-errors")).ToContainTextAsync("<script> tag, which is not allowed");
        await EndToEndFixture.Field(hall, "ann-body").FillAsync("No water on **Saturday**, 8 AM to 5 PM.\n\n- Store water the night before\n- Keep the taps closed");
        await hall.GetByTestId("publish-ann").ClickAsync();
        await Expect(hall.GetByTestId("ann-status")).ToHaveTextAsync("published");
        await Expect(hall.GetByTestId("delivery-progress")).ToContainTextAsync("Delivered", new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(hall, "announcement-editor-desktop");

        // Residents, on their phones.
        var anaPhone = await e2e.SignInAsync(ana, Password, EndToEndFixture.Phone);
        var benPhone = await e2e.SignInAsync(ben, Password, EndToEndFixture.Phone);
        try
        {
            await anaPhone.GotoAsync(eventUrl);
            await EndToEndFixture.WaitInteractiveAsync(anaPhone);
            await Expect(anaPhone.GetByTestId("seats-left")).ToHaveTextAsync("50 seats left");
            await anaPhone.GetByTestId("register").ClickAsync();
            await Expect(anaPhone.GetByTestId("registration-message")).ToHaveTextAsync($"You are registered for {eventTitle}.");
            await Expect(anaPhone.GetByTestId("seats-left")).ToHaveTextAsync("49 seats left");

            await benPhone.GotoAsync(eventUrl);
            await EndToEndFixture.WaitInteractiveAsync(benPhone);
            await Expect(benPhone.GetByTestId("seats-left")).ToHaveTextAsync("49 seats left");
            await benPhone.GetByTestId("register").ClickAsync();
            await Expect(benPhone.GetByTestId("seats-left")).ToHaveTextAsync("48 seats left");
            // Ana's open page follows without a reload.
            await Expect(anaPhone.GetByTestId("seats-left")).ToHaveTextAsync("48 seats left", new() { Timeout = 5_000 });
            await Screenshots.SaveAsync(anaPhone, "event-page-phone");

            await anaPhone.GotoAsync("/events");
            await EndToEndFixture.WaitInteractiveAsync(anaPhone);
            await Expect(anaPhone.Locator(".event-card", new() { HasText = eventTitle })).ToContainTextAsync("48 seats left");
            await Screenshots.SaveAsync(anaPhone, "events-list-phone");
            await anaPhone.GetByRole(AriaRole.Tab, new() { Name = "Calendar" }).ClickAsync();
            await Expect(anaPhone.GetByTestId("event-calendar")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(anaPhone, "events-calendar-phone");

            await anaPhone.GotoAsync("/announcements");
            await EndToEndFixture.WaitInteractiveAsync(anaPhone);
            var annCard = anaPhone.GetByTestId("announcement").Filter(new() { HasText = annTitle });
            await Expect(annCard).ToContainTextAsync("No water on Saturday");
            await Expect(annCard.Locator("strong", new() { HasText = "Saturday" })).ToBeVisibleAsync();
            // The list's bullets sit inside the card, indented (issue 24 item 7: they hung outside it): the item's box starts
            // past the card's padding plus room for the bullet.
            var card = (await annCard.BoundingBoxAsync())!;
            var item = (await annCard.Locator("li").First.BoundingBoxAsync())!;
            (item.X - card.X).Should().BeGreaterThan(30, "the bullet needs room inside the card");
            await Screenshots.SaveAsync(anaPhone, "announcements-feed-phone");
            await anaPhone.GotoAsync("/notifications");
            await Expect(anaPhone.GetByTestId("notification-item").Filter(new() { HasText = annTitle })).ToHaveCountAsync(1);

            await benPhone.GotoAsync("/announcements");
            await EndToEndFixture.WaitInteractiveAsync(benPhone);
            await Expect(benPhone.GetByRole(AriaRole.Heading, new() { Name = "Announcements", Level = 1 })).ToBeVisibleAsync();
            await Expect(benPhone.GetByTestId("announcement").Filter(new() { HasText = annTitle })).ToHaveCountAsync(0);
            await benPhone.GotoAsync("/notifications");
            await Expect(benPhone.GetByTestId("notification-item").Filter(new() { HasText = annTitle })).ToHaveCountAsync(0);

            await hall.GotoAsync("/hall/events");
            await EndToEndFixture.WaitInteractiveAsync(hall);
            await hall.Locator("tr", new() { HasText = eventTitle }).GetByRole(AriaRole.Link, new() { Name = "Attendees" }).ClickAsync();
            await EndToEndFixture.WaitInteractiveAsync(hall);
            await Expect(hall.GetByTestId("attendees-table")).ToContainTextAsync(ana);
            await EndToEndFixture.Field(hall, $"attended-T-{ana}").CheckAsync();
            await Expect(hall.GetByTestId("attendees-table").Locator("tr", new() { HasText = ana })).ToContainTextAsync("attended");
            await Screenshots.SaveAsync(hall, "attendees-desktop");
        }
        finally
        {
            await anaPhone.Context.CloseAsync();
            await benPhone.Context.CloseAsync();
            await hall.Context.CloseAsync();
        }
    }

    private async Task<string> CreateResidentAsync(string userName, string purok)
    {
        var people = await CommunityTestData.CreateResidentsAsync(e2e.Database.AppConnectionString, 1, purok, userName);
        var hash = new PasswordHasher<User>().HashPassword(new User(), Password);
        await using var conn = new NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "UPDATE users SET username = @u, normalized_username = upper(@u), password_hash = @h, security_stamp = @s, concurrency_stamp = @s WHERE id = @id", conn);
        cmd.Parameters.AddWithValue("u", userName);
        cmd.Parameters.AddWithValue("h", hash);
        cmd.Parameters.AddWithValue("s", Guid.NewGuid().ToString("N"));
        cmd.Parameters.AddWithValue("id", people[0].UserId);
        await cmd.ExecuteNonQueryAsync();
        await using var res = new NpgsqlCommand("UPDATE residents SET resident_id = 'T-' || @u, last_name = @u WHERE id = @id", conn);
        res.Parameters.AddWithValue("u", userName);
        res.Parameters.AddWithValue("id", people[0].ResidentId);
        await res.ExecuteNonQueryAsync();
        return userName;
    }
}
