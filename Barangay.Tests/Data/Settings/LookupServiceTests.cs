using Barangay.Data.Audit;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Settings;

public class LookupServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public async Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        await SignInAsync(DemoAccounts.AdminUser);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private LookupService Lookups => _services.Get<LookupService>();

    private async Task SignInAsync(string userName, string? position = null)
    {
        await using var db = await _services.DbAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, position);
    }

    private async Task<LookupRow> RowAsync(string category, string code) =>
        (await Lookups.ListAsync(category)).Single(r => r.Code == code);

    [Fact]
    public async Task Active_Puroks_InTheHallsOrder()
    {
        var puroks = await Lookups.ActiveAsync(LookupCategories.Purok);
        puroks.Select(p => p.Code).Should().StartWith(["purok-1", "purok-2", "purok-3"]);
        puroks.Should().HaveCountGreaterThanOrEqualTo(7);
    }

    [Fact]
    public async Task Create_DuplicateCode_IsRefusedNamingTheValueThatHasIt()
    {
        var result = await Lookups.CreateAsync(LookupCategories.Purok, new LookupEdit { Code = "Purok-1", Label = "Another Purok 1" });

        result.Succeeded.Should().BeFalse();
        result.Errors[nameof(LookupEdit.Code)].Should().Be(
            "The code \"purok-1\" is already used in Puroks by \"Purok 1 - Sampaguita\". Codes must be unique within a category.");
        (await Lookups.ListAsync(LookupCategories.Purok)).Should().NotContain(r => r.Label == "Another Purok 1");
    }

    [Fact]
    public async Task Create_SameCodeInAnotherCategory_IsAllowed()
    {
        (await Lookups.CreateAsync(LookupCategories.EventCategory, new LookupEdit { Code = "other", Label = "Other events", SortOrder = 99 }))
            .Succeeded.Should().BeTrue("codes are unique per category and complaint categories already have \"other\"");
    }

    [Fact]
    public async Task Create_BadCodeAndLabelAndMeta_MessagesNameTheFields()
    {
        var result = await Lookups.CreateAsync(LookupCategories.DocumentType, new LookupEdit { Code = "Cedula Form!", Label = " ", Meta = "{fee: 5" });
        result.Errors[nameof(LookupEdit.Code)].Should().Contain("may only hold lowercase letters, digits and hyphens");
        result.Errors[nameof(LookupEdit.Label)].Should().StartWith("Label is required");
        result.Errors[nameof(LookupEdit.Meta)].Should().StartWith("Meta is not valid JSON");

        var negative = await Lookups.CreateAsync(LookupCategories.DocumentType, new LookupEdit { Code = "cedula", Label = "Cedula", Meta = """{"fee": -1}""" });
        negative.Errors[nameof(LookupEdit.Meta)].Should().Be("Meta: the fee must be a number of pesos, 0 or more.");
    }

    [Fact]
    public async Task Delete_PurokInUse_IsRefusedSayingWhatUsesIt_AndRetireWorks()
    {
        var purok = await RowAsync(LookupCategories.Purok, "purok-3");
        purok.UsedBy.Should().BeGreaterThan(0);

        var result = await Lookups.DeleteAsync(purok.Id);

        result.Succeeded.Should().BeFalse();
        result.Message.Should().StartWith("\"Purok 3 - Rosal\" cannot be deleted: ")
            .And.Contain(" residents").And.Contain(" households").And.EndWith("Retire it instead: it stays on those records but is no longer offered.");
        (await Lookups.ListAsync(LookupCategories.Purok)).Should().Contain(r => r.Id == purok.Id);

        (await Lookups.SetRetiredAsync(purok.Id, true)).Succeeded.Should().BeTrue();
        (await Lookups.ActiveAsync(LookupCategories.Purok)).Should().NotContain(p => p.Code == "purok-3");
        (await RowAsync(LookupCategories.Purok, "purok-3")).Retired.Should().BeTrue();

        (await Lookups.SetRetiredAsync(purok.Id, false)).Succeeded.Should().BeTrue();
        (await Lookups.ActiveAsync(LookupCategories.Purok)).Should().Contain(p => p.Code == "purok-3");
        await using var db = await _services.DbAsync();
        var audits = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == purok.Id.ToString() && a.ActionType == AuditActions.Update).OrderBy(a => a.Timestamp).ToListAsync();
        audits.Should().HaveCount(2);
        AuditDetailsReader.Read(audits[0].Details).Changes.Should().ContainSingle().Which.Should().Be(new AuditChange("retired", "false", "true"));
    }

    [Theory]
    [InlineData(LookupCategories.DocumentType, "barangay-clearance", "document request")]
    [InlineData(LookupCategories.ComplaintCategory, "noise", "complaint")]
    [InlineData(LookupCategories.Relation, "head", "household member")]
    [InlineData(LookupCategories.OfficialPosition, "kagawad", "official")]
    public async Task Delete_ValueInUse_IsRefused(string category, string code, string usedBy)
    {
        var row = await RowAsync(category, code);
        var result = await Lookups.DeleteAsync(row.Id);
        result.Succeeded.Should().BeFalse();
        result.Message.Should().Contain(usedBy).And.Contain("Retire it instead");
        (await Lookups.ListAsync(category)).Should().Contain(r => r.Id == row.Id);
    }

    [Fact]
    public async Task Delete_UnusedValue_IsDeletedAndAudited()
    {
        (await Lookups.CreateAsync(LookupCategories.Purok, new LookupEdit { Code = "purok-9", Label = "Purok 9 - Orchid", SortOrder = 9 })).Succeeded.Should().BeTrue();
        var row = await RowAsync(LookupCategories.Purok, "purok-9");
        row.UsedBy.Should().Be(0);

        (await Lookups.DeleteAsync(row.Id)).Succeeded.Should().BeTrue();

        (await Lookups.ListAsync(LookupCategories.Purok)).Should().NotContain(r => r.Code == "purok-9");
        await using var db = await _services.DbAsync();
        var audits = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == row.Id.ToString()).OrderBy(a => a.Timestamp).ToListAsync();
        audits.Select(a => a.ActionType).Should().Equal(AuditActions.Create, AuditActions.Delete);
        AuditDetailsReader.Read(audits[1].Details).Values.Should().Contain(new AuditValue("label", "Purok 9 - Orchid"));
        audits.Should().OnlyContain(a => a.ActorName == DemoAccounts.AdminUser && a.TargetType == "LookupValue");
    }

    [Fact]
    public async Task Subcategory_NeedsAnExistingParent_AndKeepsItsParentFromBeingDeleted()
    {
        var orphan = await Lookups.CreateAsync(LookupCategories.ComplaintSubcategory, new LookupEdit { Code = "karaoke", Label = "Karaoke" });
        orphan.Errors[nameof(LookupEdit.Meta)].Should().StartWith("Parent category is required");
        var wrong = await Lookups.CreateAsync(LookupCategories.ComplaintSubcategory, new LookupEdit { Code = "karaoke", Label = "Karaoke", Meta = """{"parent":"music"}""" });
        wrong.Errors[nameof(LookupEdit.Meta)].Should().Be("Parent category \"music\" is not a complaint category.");

        (await Lookups.CreateAsync(LookupCategories.ComplaintSubcategory, new LookupEdit { Code = "stray-cats", Label = "Stray cats", Meta = LookupMeta.WithParent(null, "other") }))
            .Succeeded.Should().BeTrue();
        var other = await RowAsync(LookupCategories.ComplaintCategory, "other");
        other.UsedBy.Should().Be(1, "the demo files no complaint under \"other\"; the subcategory uses it");
        var refused = await Lookups.DeleteAsync(other.Id);
        refused.Message.Should().StartWith("\"Other\" cannot be deleted: 1 subcategory use it.");
    }

    [Fact]
    public async Task Update_ChangesLabelOrderAndMeta_ButNotTheCode()
    {
        var row = await RowAsync(LookupCategories.EventCategory, "sports");
        var result = await Lookups.UpdateAsync(row.Id, new LookupEdit { Code = "ignored", Label = "Sports and youth development", SortOrder = 0, Meta = """{"color":"green"}""" });
        result.Succeeded.Should().BeTrue();

        var after = await RowAsync(LookupCategories.EventCategory, "sports");
        after.Label.Should().Be("Sports and youth development");
        after.Meta.Should().Be("""{"color": "green"}""");
        after.SortOrder.Should().Be(0);
        (await Lookups.ActiveAsync(LookupCategories.EventCategory)).Take(2).Select(e => e.Code).Should().Equal("health", "sports");
    }

    [Fact]
    public async Task NonAdmin_SeesNoAdminListAndCannotChangeAnything()
    {
        var row = await RowAsync(LookupCategories.Purok, "purok-1");
        await SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        (await Lookups.ListAsync(LookupCategories.Purok)).Should().BeEmpty();
        (await Lookups.CreateAsync(LookupCategories.Purok, new LookupEdit { Code = "purok-10", Label = "Purok 10" })).Message
            .Should().Be("Only an administrator can change lookup values.");
        (await Lookups.SetRetiredAsync(row.Id, true)).Succeeded.Should().BeFalse();
        (await Lookups.ActiveAsync(LookupCategories.Purok)).Should().Contain(p => p.Code == "purok-1", "active values are public");
    }
}
