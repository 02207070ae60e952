using Barangay.App.Components.Pages.Messaging;
using Barangay.Data.Messaging;
using Barangay.Tests.Infrastructure;
using Bunit;

namespace Barangay.Tests.App.Messaging;

/// <summary>A message on screen: text never HTML, line breaks kept, sender and Manila time, attachments as signed links.</summary>
public class MessageBubbleTests : ComponentTestBase
{
    private static MessageRow Row(string body, bool mine, bool fromHall, params AttachmentLink[] files) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Liza R. Manalo", fromHall, mine, body, new DateTime(2026, 11, 20, 7, 5, 0, DateTimeKind.Utc), files);

    [Fact]
    public void Render_HtmlInBody_ShownAsTextNotMarkup()
    {
        var cut = Render<MessageBubble>(p => p.Add(x => x.Message, Row("<script>alert(1)</script><b>bold</b>\nsecond line", mine: false, fromHall: true)));

        var text = cut.Find("[data-testid=message-body]");
        text.TextContent.Should().Be("<script>alert(1)</script><b>bold</b>\nsecond line");
        cut.FindAll("[data-testid=message-body] b").Should().BeEmpty();
        cut.FindAll("script").Should().BeEmpty();
    }

    [Fact]
    public void Render_OfficialsMessage_ShowsSenderHallAndManilaTime()
    {
        var cut = Render<MessageBubble>(p => p.Add(x => x.Message, Row("Ready", mine: false, fromHall: true)));

        cut.Find("[data-testid=message-sender]").TextContent.Should().Be("Liza R. Manalo · Barangay hall");
        cut.Find("[data-testid=message-time]").GetAttribute("title").Should().Be("Nov 20, 2026 3:05 PM", "07:05 UTC is 3:05 PM in Manila");
        cut.Find("[data-testid=message]").GetAttribute("data-mine").Should().Be("false");
    }

    [Fact]
    public void Render_MineWithAttachment_YouAndLink()
    {
        var file = new AttachmentLink(Guid.NewGuid(), "leak.png", "image/png", 2048, "/files/abc?exp=1&sig=x");
        var cut = Render<MessageBubble>(p => p.Add(x => x.Message, Row("", mine: true, fromHall: false, file)));

        cut.Find("[data-testid=message-sender]").TextContent.Should().Be("You");
        var link = cut.Find("[data-testid=message-attachment]");
        link.GetAttribute("href").Should().Be("/files/abc?exp=1&sig=x");
        link.TextContent.Should().Be("leak.png");
        cut.FindAll("[data-testid=message-body]").Should().BeEmpty("an attachment-only message has no empty text line");
    }

    [Fact]
    public void Render_SystemEventInMyThread_ANoteNotMyWords()
    {
        var row = Row("Complaint CMP-2026-000001 was filed. Write here to add details or ask the hall about it.", mine: true, fromHall: false) with { System = true };

        var cut = Render<MessageBubble>(p => p.Add(x => x.Message, row));

        cut.Find("[data-testid=message-system]").TextContent.Should().Contain("was filed");
        cut.FindAll("[data-testid=message-sender]").Should().BeEmpty("the app wrote it, not the resident: no \"You\"");
        cut.Markup.Should().NotContain("You");
    }
}
