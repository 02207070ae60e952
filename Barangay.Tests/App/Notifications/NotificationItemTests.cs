using Barangay.App.Components.Pages.Notifications;
using Barangay.Data.Notifications;
using Barangay.Tests.Infrastructure;
using Bunit;

namespace Barangay.Tests.App.Notifications;

/// <summary>A grouped row says how many notices it stands for and how many are unread; a single one says "Unread".</summary>
public class NotificationItemTests : ComponentTestBase
{
    private static NotificationRow Row(bool read) => new(Guid.NewGuid(), "message.new", "New message from Liza", "/messages/abc", read, DateTime.UtcNow);

    [Fact]
    public void Group_ShowsItsCountAndUnread()
    {
        var cut = Render<NotificationItem>(p => p.Add(x => x.Item, Row(false)).Add(x => x.Count, 3).Add(x => x.Unread, 2));

        cut.Find("[data-testid=notification-count]").TextContent.Should().Contain("3 notices, 2 unread");
        cut.Find("[data-testid=notification-item]").GetAttribute("data-read").Should().Be("false");
    }

    [Fact]
    public void Single_SaysUnread_WithoutACount()
    {
        var cut = Render<NotificationItem>(p => p.Add(x => x.Item, Row(false)));

        cut.FindAll("[data-testid=notification-count]").Should().BeEmpty();
        cut.Markup.Should().Contain("Unread");
    }
}
