using Barangay.App.Components.Pages.Admin.Audit;
using Barangay.Data.Audit;
using Barangay.Tests.Infrastructure;
using Bunit;

namespace Barangay.Tests.App.Components;

/// <summary>The audit viewer's details: field / old / new for updates, the values of a create, JSON for other events.</summary>
public class AuditDetailsPanelTests : ComponentTestBase
{
    private static AuditRow Row(string action, string? targetType, string? targetId, string? details) =>
        new(Guid.NewGuid(), new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), null, "admin", action, targetType, targetId, "127.0.0.1", "xunit", null, details);

    [Fact]
    public void Update_OfASetting_ShowsItsNameAndOldAndNewWithoutJsonQuotes()
    {
        var details = """{"changes":{"value":{"old":"\"Barangay San Isidro\"","new":"\"Barangay Santo Niño\""}}}""";
        var cut = Render<AuditDetailsPanel>(p => p.Add(x => x.Row, Row(AuditActions.Update, "Setting", "barangay.name", details)));

        var cells = cut.FindAll("[data-testid=audit-changes] tbody td").Select(td => td.TextContent).ToList();
        cells.Should().Equal("Barangay name", "Barangay San Isidro", "Barangay Santo Niño");
    }

    [Fact]
    public void Update_OfAJsonColumn_ShowsEachChangedMember()
    {
        var details = """{"changes":{"meta":{"old":"{\"fee\": 100, \"class\": \"simple\"}","new":"{\"class\":\"simple\",\"fee\":150}"},"label":{"old":"Clearance","new":"Barangay Clearance"}}}""";
        var cut = Render<AuditDetailsPanel>(p => p.Add(x => x.Row, Row(AuditActions.Update, "LookupValue", Guid.NewGuid().ToString(), details)));

        var rows = cut.FindAll("[data-testid=audit-changes] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        rows.Should().HaveCount(2);
        rows.Should().ContainEquivalentOf(new[] { "meta.fee", "100", "150" });
        rows.Should().ContainEquivalentOf(new[] { "label", "Clearance", "Barangay Clearance" });
    }

    [Fact]
    public void Create_ShowsTheValues_WithTimestampsInManila()
    {
        var details = """{"values":{"code":"purok-8","label":"Purok 8 - Orchid","meta":null,"submitted_at":"2026-03-02T01:00:00Z","seeded_at":"2026-11-25T04:20:43.714674+00:00"}}""";
        var cut = Render<AuditDetailsPanel>(p => p.Add(x => x.Row, Row(AuditActions.Create, "LookupValue", "x", details)));

        cut.FindAll("[data-testid=audit-changes]").Should().BeEmpty();
        var values = cut.FindAll("[data-testid=audit-values] tbody tr")
            .ToDictionary(tr => tr.QuerySelector(".audit-field")!.TextContent, tr => tr.QuerySelector(".audit-value")!.TextContent);
        values["label"].Should().Be("Purok 8 - Orchid");
        values["meta"].Should().Be("(empty)");
        values["submitted_at"].Should().Be("Mar 2, 2026 9:00:00 AM (Manila)");
        values["seeded_at"].Should().Be("Nov 25, 2026 12:20:43 PM (Manila)");
    }

    [Fact]
    public void FailedSignIn_ShowsItsJsonPrettyPrinted_AndSignInSaysWhatHappened()
    {
        var failed = Render<AuditDetailsPanel>(p => p.Add(x => x.Row, Row(AuditActions.LoginFailed, "User", "nobody", """{"reason":"wrong password"}""")));
        failed.Find("[data-testid=audit-json]").TextContent.Should().Be("{\n  \"reason\": \"wrong password\"\n}");

        var login = Render<AuditDetailsPanel>(p => p.Add(x => x.Row, Row(AuditActions.Login, "User", Guid.NewGuid().ToString(), null)));
        login.Find("[data-testid=audit-none]").TextContent.Should().StartWith("Signed in.");
    }
}
