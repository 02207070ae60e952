using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Files;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Officials;

/// <summary>The admins' officials roster over the demo barangay. Each test works on different demo officials.</summary>
public class OfficialAdminServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private string _dataRoot = null!;
    private OfficialAdminService Officials => _services.Get<OfficialAdminService>();
    private OfficialRosterService Roster => _services.Get<OfficialRosterService>();

    public async Task InitializeAsync()
    {
        _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-off-" + Guid.NewGuid().ToString("N")[..8]);
        _services = new TestServices(database.AppConnectionString, s =>
        {
            s.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot });
            s.AddScoped<OfficialAdminService>();
        });
        await SignInAsync(DemoAccounts.AdminUser);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    private async Task SignInAsync(string username, string? position = null)
    {
        await using var db = await _services.DbAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == username);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, position);
    }

    private async Task<User> UserAsync(string username)
    {
        await using var db = await _services.DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(x => x.UserName == username);
    }

    /// <summary>A resident's account that holds no office, created once per database.</summary>
    private async Task<Guid> EnsureResidentAccountAsync(string username)
    {
        var users = _services.Get<Microsoft.AspNetCore.Identity.UserManager<User>>();
        if (await users.FindByNameAsync(username) is { } existing) return existing.Id;
        var user = new User
        {
            UserName = username, Email = $"{username}@sanisidro.example", EmailConfirmed = true, FullName = "Maria L. Kandidata",
            Roles = [AppRoles.Resident], Status = UserStatuses.Active, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        return user.Id;
    }

    private async Task<OfficialRow> RowOfAsync(string fullName) =>
        (await Officials.ListAsync(new OfficialFilter(Search: fullName), 0, 10)).Items.Should().ContainSingle().Subject;

    private static OfficialEdit Valid(string position = OfficialPositions.Tanod) => new()
    {
        Position = position, TermStart = new DateOnly(2026, 1, 5), TermEnd = new DateOnly(2028, 11, 30),
        ContactNumber = "0917 555 0199", Email = "Juan.DelaCruz@SanIsidro.example",
    };

    [Fact]
    public async Task Create_FromResidentAccount_AddsOfficialRoleWithAuditAndJoinsPublicRoster()
    {
        var juan = await UserAsync(DemoAccounts.ResidentUser);
        var options = await Officials.SearchAccountsAsync("juan.delacruz@");
        options.Should().ContainSingle(a => a.UserId == juan.Id);

        var result = await Officials.CreateAsync(juan.Id, Valid());

        result.Ok.Should().BeTrue(result.Message);
        result.Value!.Row.OfficialId.Should().MatchRegex(@"^OFF-\d{4}-\d{6}$");
        result.Value.Row.FullName.Should().Be("Juan P. Dela Cruz", "a blank name takes the account's");
        result.Value.Edit.Email.Should().Be("juan.delacruz@sanisidro.example");
        (await UserAsync(DemoAccounts.ResidentUser)).Roles.Should().BeEquivalentTo([AppRoles.Resident, AppRoles.Official]);
        await using var db = await _services.DbAsync();
        var audits = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == juan.Id.ToString() && a.ActionType == AuditActions.PermissionChange).ToListAsync();
        audits.Should().ContainSingle().Which.Details.Should().Contain("official");
        (await db.AuditLogs.AsNoTracking().AnyAsync(a => a.TargetType == "Official" && a.TargetId == result.Value.Row.Id.ToString() && a.ActionType == AuditActions.Create))
            .Should().BeTrue();
        (await Roster.CurrentAsync()).Should().Contain(e => e.FullName == "Juan P. Dela Cruz" && e.Position == OfficialPositions.Tanod);

        var again = await Officials.CreateAsync(juan.Id, Valid(OfficialPositions.LuponMember));
        again.Kind.Should().Be(ResultKind.Invalid);
        again.Errors["UserId"].Should().Contain("already holds a current position (Tanod");
    }

    public static TheoryData<Action<OfficialEdit>, string, string> BadEdits => new()
    {
        { e => e.TermEnd = new DateOnly(2025, 12, 31), "TermEnd", "Term end must be after term start (Jan 5, 2026)." },
        { e => e.TermEnd = e.TermStart, "TermEnd", "Term end must be after term start (Jan 5, 2026)." },
        { e => e.TermStart = null, "TermStart", "Term start is required." },
        { e => e.Position = "Mayor", "Position", "Position must be one of: Punong Barangay, Kagawad, Secretary, Treasurer, SK Chairperson, Lupon member, Tanod." },
        { e => e.Position = OfficialPositions.PunongBarangay, "Position", "Position: Ricardo M. Dela Cruz already holds the office of Punong Barangay; mark them former first." },
        { e => e.Position = OfficialPositions.Kagawad, "Position", "Position: all 7 Kagawad seats are filled; mark one of them former first." },
        { e => e.ContactNumber = "call me", "ContactNumber", "Contact number must be a Philippine phone number such as 0917 123 4567, +63 917 123 4567 or (044) 791 2345." },
        { e => e.Email = "not-an-email", "Email", "Email address is not valid." },
        { e => e.Status = "retired", "Status", "Status must be active, on leave or former." },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task Create_BadInput_NamesTheFieldAndWritesNothing(Action<OfficialEdit> spoil, string field, string message)
    {
        var maria = await EnsureResidentAccountAsync("maria.kandidata");
        var edit = Valid();
        spoil(edit);
        await using var db = await _services.DbAsync();
        var before = await db.Officials.CountAsync();

        var result = await Officials.CreateAsync(maria, edit);

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors.Should().ContainKey(field).WhoseValue.Should().Be(message);
        (await db.Officials.CountAsync()).Should().Be(before);
        (await db.Users.AsNoTracking().SingleAsync(u => u.Id == maria)).Roles.Should().Equal(AppRoles.Resident);
    }

    [Fact]
    public async Task ChangeStatus_ToFormer_RemovesOfficialRoleKeepsSignInAndLeavesPublicRoster()
    {
        var row = await RowOfAsync("Renato P. Galang");
        var galang = await UserAsync("tanod.galang");
        galang.Roles.Should().Equal(AppRoles.Official);

        var result = await Officials.ChangeStatusAsync(row.Id, OfficialStatuses.Former, row.UpdatedAt);

        result.Ok.Should().BeTrue(result.Message);
        var after = await UserAsync("tanod.galang");
        after.Roles.Should().Equal([AppRoles.Resident], "the official role goes; an account left with no role becomes a resident's");
        after.Status.Should().Be(UserStatuses.Active, "the account keeps its sign-in");
        RolePermissions.For(after.Roles, null).Should().NotContain(Permissions.Complaints.Handle);
        (await Roster.CurrentAsync()).Should().NotContain(e => e.FullName == "Renato P. Galang");
        (await Officials.ListAsync(new OfficialFilter(Status: OfficialStatuses.Former), 0, 50)).Items.Should().Contain(r => r.FullName == "Renato P. Galang");
        await using (var db = await _services.DbAsync())
        {
            var audit = await db.AuditLogs.AsNoTracking().SingleAsync(a => a.TargetId == galang.Id.ToString() && a.ActionType == AuditActions.PermissionChange);
            audit.Details.Should().Contain("no official record in office");
            (await db.AuditLogs.AsNoTracking().AnyAsync(a => a.TargetId == row.Id.ToString() && a.ActionType == AuditActions.StatusChange)).Should().BeTrue();
        }

        var back = await Officials.ChangeStatusAsync(row.Id, OfficialStatuses.Active, result.Value!.Row.UpdatedAt);
        back.Ok.Should().BeTrue(back.Message);
        (await UserAsync("tanod.galang")).Roles.Should().Contain(AppRoles.Official);
    }

    [Fact]
    public async Task ChangeStatus_OnLeave_KeepsTheRoleAndLeavesPublicRoster()
    {
        var row = await RowOfAsync("Nestor G. Aguilar");
        var result = await Officials.ChangeStatusAsync(row.Id, OfficialStatuses.OnLeave, row.UpdatedAt);
        result.Ok.Should().BeTrue(result.Message);
        (await UserAsync("lupon.aguilar")).Roles.Should().Equal(AppRoles.Official);
        (await Roster.CurrentAsync()).Should().NotContain(e => e.FullName == "Nestor G. Aguilar");
    }

    [Fact]
    public async Task Update_StaleUpdatedAt_IsAConflictAndOverwritesNothing()
    {
        var row = await RowOfAsync("Romeo F. Ocampo");
        var first = (await Officials.GetAsync(row.Id))!.Edit;
        var second = first.Copy();
        first.ContactNumber = "0918 111 2222";
        second.ContactNumber = "0919 333 4444";

        (await Officials.UpdateAsync(row.Id, first)).Ok.Should().BeTrue();
        var stale = await Officials.UpdateAsync(row.Id, second);

        stale.Kind.Should().Be(ResultKind.Conflict);
        stale.Message.Should().Be(OfficialAdminService.ConflictMessage);
        stale.Value!.Edit.ContactNumber.Should().Be("0918 111 2222", "the conflict carries what the other admin saved");
        (await Officials.GetAsync(row.Id))!.Edit.ContactNumber.Should().Be("0918 111 2222");
        var retried = await Officials.UpdateAsync(row.Id, stale.Value.Edit.Copy());
        retried.Ok.Should().BeTrue("the reloaded form carries the current updated_at");
    }

    [Fact]
    public async Task SetPhoto_PdfRefusedImageShownOnPublicRosterAsSignedLink()
    {
        var row = await RowOfAsync("Angelica M. Castañeda");
        var files = _services.Get<FileService>();
        var pdf = await files.UploadAsync(new FileUploadRequest("photo.pdf", FileKinds.Documents, FileSensitivity.Photo, OfficialAdminService.TargetType), new MemoryStream(SampleFiles.Pdf));
        var idCard = await files.UploadAsync(new FileUploadRequest("id.png", FileKinds.Images, FileSensitivity.IdDocument, "Registration"), new MemoryStream(SamplePhoto.Png()));
        var png = await files.UploadAsync(new FileUploadRequest("angelica.png", FileKinds.Images, FileSensitivity.Photo, OfficialAdminService.TargetType), new MemoryStream(SamplePhoto.Png()));

        var refused = await Officials.SetPhotoAsync(row.Id, pdf.File!.Id, row.UpdatedAt);
        refused.Kind.Should().Be(ResultKind.Invalid);
        refused.Errors[OfficialAdminService.Photo].Should().Be("Photo must be a JPEG or PNG image.");
        (await Officials.SetPhotoAsync(row.Id, Guid.NewGuid(), row.UpdatedAt)).Errors[OfficialAdminService.Photo].Should().Contain("not found");
        (await Officials.SetPhotoAsync(row.Id, idCard.File!.Id, row.UpdatedAt)).Errors[OfficialAdminService.Photo]
            .Should().Be("Photo must be a picture uploaded here as an official's photo.", "an ID document must never reach the public page");

        var set = await Officials.SetPhotoAsync(row.Id, png.File!.Id, row.UpdatedAt);
        set.Ok.Should().BeTrue(set.Message);
        set.Value!.Row.PhotoFileId.Should().Be(png.File.Id);

        var entry = (await Roster.CurrentAsync()).Single(e => e.FullName == "Angelica M. Castañeda");
        entry.PhotoUrl.Should().StartWith($"/files/{png.File.Id}?exp=");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + entry.PhotoUrl).Query);
        _services.Get<FileLinkSigner>().Verify(png.File.Id, query["exp"], query["sig"]).Should().BeNull("an anonymous visitor's link must be valid");
        _services.Caller.Current = Caller.Anonymous;
        (await files.ReadByLinkAsync(png.File.Id, query["exp"], query["sig"])).ContentType.Should().Be("image/png");
        (await Roster.CurrentAsync()).Should().Contain(e => e.PhotoUrl == null, "officials without a photo get initials");
    }

    [Fact]
    public async Task NonAdmin_GetsNothingAndChangesNothing()
    {
        var row = await RowOfAsync("Gloria S. Bautista");
        var juan = await UserAsync(DemoAccounts.ResidentUser);
        foreach (var who in new[] { DemoAccounts.OfficialUser, DemoAccounts.ResidentUser })
        {
            await SignInAsync(who, who == DemoAccounts.OfficialUser ? OfficialPositions.Secretary : null);
            (await Officials.ListAsync(new OfficialFilter(), 0, 50)).Total.Should().Be(0);
            (await Officials.GetAsync(row.Id)).Should().BeNull();
            (await Officials.SearchAccountsAsync("juan")).Should().BeEmpty();
            (await Officials.CreateAsync(juan.Id, Valid())).Kind.Should().Be(ResultKind.NotFound);
            (await Officials.UpdateAsync(row.Id, new OfficialEdit { FullName = "X", Position = OfficialPositions.Kagawad, TermStart = new DateOnly(2026, 1, 1), UpdatedAt = row.UpdatedAt }))
                .Kind.Should().Be(ResultKind.NotFound);
            (await Officials.ChangeStatusAsync(row.Id, OfficialStatuses.Former, row.UpdatedAt)).Kind.Should().Be(ResultKind.NotFound);
            (await Officials.SetPhotoAsync(row.Id, null, row.UpdatedAt)).Kind.Should().Be(ResultKind.NotFound);
        }
        _services.Caller.Current = Caller.Anonymous;
        (await Officials.ListAsync(new OfficialFilter(), 0, 50)).Total.Should().Be(0);
        await SignInAsync(DemoAccounts.AdminUser);
        (await RowOfAsync("Gloria S. Bautista")).Status.Should().Be(OfficialStatuses.Active);
    }

    [Fact]
    public async Task List_FiltersByStatusAndPositionAndPages()
    {
        var kagawad = await Officials.ListAsync(new OfficialFilter(Position: OfficialPositions.Kagawad), 0, 3);
        kagawad.Total.Should().Be(7);
        kagawad.Items.Should().HaveCount(3).And.OnlyContain(r => r.Position == OfficialPositions.Kagawad);
        var next = await Officials.ListAsync(new OfficialFilter(Position: OfficialPositions.Kagawad), 1, 3);
        next.Items.Select(r => r.Id).Should().NotIntersectWith(kagawad.Items.Select(r => r.Id));
        var all = await Officials.ListAsync(new OfficialFilter(), 0, 100);
        all.Items[0].Position.Should().Be(OfficialPositions.PunongBarangay);
        all.Items.Should().Contain(r => r.UserName == DemoAccounts.OfficialUser && r.OfficialId.StartsWith("OFF-2023-"));
    }
}
