using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Residents;

/// <summary>A resident's own record: only ever their own, contact edits with the register's rules, corrections that reach the hall, privacy.</summary>
public class ResidentSelfServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private ResidentSelfService Self => _services.Get<ResidentSelfService>();

    public async Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s => s.AddScoped<ResidentSelfService>());
        await SignInAsync(DemoAccounts.ResidentUser);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<User> SignInAsync(string username, string? position = null)
    {
        await using var db = await _services.DbAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == username);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, position);
        return u;
    }

    private static DateOnly Today => TestClock.ManilaToday;

    [Fact]
    public async Task GetMyProfile_Juan_ReturnsHisOwnRecord()
    {
        var me = await Self.GetMyProfileAsync();

        me.Should().NotBeNull();
        me!.FullName.Should().Be("Dela Cruz, Juan Pascual");
        me.ResidentId.Should().MatchRegex(@"^RES-\d{4}-\d{6}$");
        me.Age.Should().Be(42);
        me.Email.Should().Be("juan.delacruz@sanisidro.example");
        me.PurokLabel.Should().StartWith("Purok 1");
        me.HouseholdCode.Should().NotBeNullOrEmpty();
        me.MaritalStatus.Should().Be("Married");
        me.Privacy.Should().Be(new MyPrivacy(ShowNameInAttendeeLists: false, AllowEmailNotifications: true), "nothing was chosen yet");
    }

    [Fact]
    public async Task UpdateMyContact_EnyeAnd200CharacterAddress_RoundTripsAndIsAudited()
    {
        var me = (await Self.GetMyProfileAsync())!;
        var address = ("Blk 5 Lot 7, Calle Señor Santo Niño, Ñ Compound " + new string('x', 200))[..ResidentValidator.MaxAddress];
        var edit = MyContactEdit.From(me);
        edit.ContactNumber = "0918 765 4321";
        edit.Email = "Juan.Peña@Example.PH";
        edit.Address = address;

        var saved = await Self.UpdateMyContactAsync(edit);

        saved.Ok.Should().BeTrue(saved.Message);
        var again = (await Self.GetMyProfileAsync())!;
        again.ContactNumber.Should().Be("0918 765 4321");
        again.Email.Should().Be("juan.peña@example.ph");
        again.Address.Should().Be(address).And.HaveLength(200);
        again.Version.Should().NotBe(me.Version);
        await using var db = await _services.DbAsync();
        var audit = await db.AuditLogs.AsNoTracking()
            .Where(a => a.TargetType == "Resident" && a.ActionType == "Update" && a.ActorUserId == _services.Caller.Current.UserId)
            .OrderByDescending(a => a.Timestamp).FirstAsync();
        audit.Details.Should().Contain("0918 765 4321").And.Contain("Santo Niño");
    }

    [Theory]
    [InlineData("12345", null, "ContactNumber", "Contact number must be a Philippine mobile number such as 0917 123 4567 or +63 917 123 4567.")]
    [InlineData("0817 123 4567", null, "ContactNumber", "Contact number must be a Philippine mobile number such as 0917 123 4567 or +63 917 123 4567.")]
    [InlineData(null, "juan.at.example", "Email", "Email address is not valid.")]
    [InlineData(null, "juan@", "Email", "Email address is not valid.")]
    public async Task UpdateMyContact_BadMobileOrEmail_IsRefusedWithTheFieldsMessage(string? mobile, string? email, string field, string message)
    {
        var me = (await Self.GetMyProfileAsync())!;
        var edit = MyContactEdit.From(me);
        if (mobile is not null) edit.ContactNumber = mobile;
        if (email is not null) edit.Email = email;

        var result = await Self.UpdateMyContactAsync(edit);

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors.Should().ContainKey(field).WhoseValue.Should().Be(message);
        (await Self.GetMyProfileAsync())!.Version.Should().Be(me.Version, "nothing was written");
    }

    [Fact]
    public async Task UpdateMyContact_AddressOver200_IsRefused()
    {
        var edit = MyContactEdit.From((await Self.GetMyProfileAsync())!);
        edit.Address = new string('Ñ', 201);
        var result = await Self.UpdateMyContactAsync(edit);
        result.Errors.Should().ContainKey("Address").WhoseValue.Should().Be("Address is longer than 200 characters.");
    }

    [Fact]
    public async Task UpdateMyContact_RecordChangedSinceLoaded_ConflictShowsTheOtherChange()
    {
        var phone = MyContactEdit.From((await Self.GetMyProfileAsync())!);
        var laptop = MyContactEdit.From((await Self.GetMyProfileAsync())!);
        phone.ContactNumber = "0917 111 2222";
        (await Self.UpdateMyContactAsync(phone)).Ok.Should().BeTrue();

        laptop.ContactNumber = "0917 333 4444";
        var conflict = await Self.UpdateMyContactAsync(laptop);

        conflict.Kind.Should().Be(ResultKind.Conflict);
        conflict.Message.Should().Contain("changed by someone else");
        conflict.Value!.ContactNumber.Should().Be("0917 111 2222", "the page shows what was saved in between");
        (await Self.GetMyProfileAsync())!.ContactNumber.Should().Be("0917 111 2222");
    }

    [Fact]
    public async Task SecondResident_SeesAndChangesOnlyTheirOwnRecord()
    {
        var (maria, mariaRecord) = await CreateResidentAccountAsync();
        var juan = (await Self.GetMyProfileAsync())!;

        _services.Caller.Current = TestCaller.As(maria.Id, maria.UserName!, maria.Roles);
        var mine = await Self.GetMyProfileAsync();
        mine!.ResidentId.Should().Be(mariaRecord.ResidentId);
        mine.FullName.Should().Be("Santos, María Ñiña");
        mine.ResidentId.Should().NotBe(juan.ResidentId);

        // Even holding Juan's version, Maria's save lands on Maria's record only.
        var edit = new MyContactEdit { ContactNumber = "0999 000 1111", Version = juan.Version };
        (await Self.UpdateMyContactAsync(edit)).Kind.Should().Be(ResultKind.Conflict);
        (await Self.UpdateMyContactAsync(new MyContactEdit { ContactNumber = "0999 000 1111", Version = mine.Version })).Ok.Should().BeTrue();

        await SignInAsync(DemoAccounts.ResidentUser);
        var juanAfter = (await Self.GetMyProfileAsync())!;
        juanAfter.ResidentId.Should().Be(juan.ResidentId);
        juanAfter.ContactNumber.Should().Be(juan.ContactNumber).And.NotBe("0999 000 1111");
        juanAfter.Version.Should().Be(juan.Version);
    }

    [Fact]
    public async Task OfficialWithoutResidentRole_AndAccountWithoutRecord_GetNotFound()
    {
        await SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        (await Self.GetMyProfileAsync()).Should().BeNull();
        (await Self.UpdateMyContactAsync(new MyContactEdit { ContactNumber = "0917 123 4567" })).Kind.Should().Be(ResultKind.NotFound);
        (await Self.RequestCorrectionAsync("FirstName", "Liza", null)).Kind.Should().Be(ResultKind.NotFound);
        (await Self.UpdatePrivacyAsync(new MyPrivacy(true, true))).Kind.Should().Be(ResultKind.NotFound);

        var (lone, _) = await CreateResidentAccountAsync(withRecord: false);
        _services.Caller.Current = TestCaller.As(lone.Id, lone.UserName!, lone.Roles);
        (await Self.GetMyProfileAsync()).Should().BeNull();
        (await Self.UpdatePrivacyAsync(new MyPrivacy(true, true))).Kind.Should().Be(ResultKind.NotFound);
    }

    [Fact]
    public async Task RequestCorrection_NotifiesPunongBarangayAndSecretaryOnly_AndWritesAnAuditRow()
    {
        var juan = await SignInAsync(DemoAccounts.ResidentUser);
        var me = (await Self.GetMyProfileAsync())!;
        await using var db = await _services.DbAsync();
        var before = await db.Notifications.CountAsync(n => n.Type == ProfileCorrections.NotificationType);

        var result = await Self.RequestCorrectionAsync("MaritalStatus", "Widowed", "My wife passed away last year.");

        result.Ok.Should().BeTrue(result.Message);
        result.Value.Should().Be(2);
        var all = await db.Notifications.AsNoTracking().Where(n => n.Type == ProfileCorrections.NotificationType)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, u.Roles, n.Payload }).ToListAsync();
        all.Should().HaveCount(before + 2);
        var rows = all.Where(r => r.Payload!.Contains("Widowed")).ToList();
        rows.Select(r => r.UserName).Should().BeEquivalentTo(["secretary", "kapitan"]);
        rows.Should().NotContain(r => r.Roles.Contains(AppRoles.Resident));
        var payload = Barangay.Data.Notifications.NotificationPayloads.Parse(rows[0].Payload, ProfileCorrections.NotificationType);
        payload.Text.Should().Contain("Juan Dela Cruz").And.Contain(me.ResidentId).And.Contain("civil status").And.Contain("\"Widowed\"");
        var myRecordId = await db.Residents.Where(r => r.UserId == juan.Id).Select(r => r.Id).SingleAsync();
        payload.Href.Should().Be($"/residents/{myRecordId}");

        var audits = await db.AuditLogs.AsNoTracking().Where(a => a.ActionType == ProfileCorrections.AuditAction && a.TargetId == myRecordId.ToString()).ToListAsync();
        var audit = audits.Should().ContainSingle(a => CorrectionDetails.Parse(a.Details)!.Field == "MaritalStatus").Subject;
        audit.ActorUserId.Should().Be(juan.Id);
        var details = CorrectionDetails.Parse(audit.Details)!;
        details.Requested.Should().Be("Widowed");
        details.Note.Should().Be("My wife passed away last year.");
        details.Recipients.Should().Be(2);
        (await Self.GetMyProfileAsync())!.MaritalStatus.Should().Be("Married", "a request changes nothing until the hall acts on it");

        var repeat = await Self.RequestCorrectionAsync("MaritalStatus", "Widowed", "My wife passed away last year.");
        repeat.Ok.Should().BeTrue();
        (await db.Notifications.CountAsync(n => n.Type == ProfileCorrections.NotificationType)).Should().Be(before + 2, "a double tap is not sent twice");
    }

    [Theory]
    [InlineData(1, "Birth date cannot be in the future.")]
    [InlineData(-200, "Birth date cannot be before 1900.")]
    [InlineData(-10, "Birth date: residents aged 16 to 90")]
    [InlineData(-95, "Birth date: residents aged 16 to 90")]
    public async Task RequestCorrection_ImpossibleOrOutOfRangeBirthDate_IsRefusedNamingTheField(int years, string message)
    {
        await using var db = await _services.DbAsync();
        var before = await db.Notifications.CountAsync();
        var dob = Today.AddYears(years).AddDays(years > 0 ? 0 : -1);

        var result = await Self.RequestCorrectionAsync("Dob", dob.ToString("yyyy-MM-dd"), null);

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors.Should().ContainKey("RequestedValue").WhoseValue.Should().StartWith(message);
        (await db.Notifications.CountAsync()).Should().Be(before, "nothing is half-written");
    }

    [Theory]
    [InlineData("Height", "170", "Field", "Choose which detail should be corrected.")]
    [InlineData("FirstName", "", "RequestedValue", "First name: give the correct value.")]
    [InlineData("FirstName", "Juan2", "RequestedValue", "First name may only have letters, spaces, hyphens, apostrophes and periods.")]
    [InlineData("Dob", "31/05/1990", "RequestedValue", "Birth date must be a date such as 1990-05-31.")]
    [InlineData("Sex", "Other", "RequestedValue", "Sex must be Male or Female.")]
    [InlineData("Purok", "purok-99", "RequestedValue", "Purok is not one of the barangay's puroks.")]
    public async Task RequestCorrection_BadInput_IsRefusedWithAMessage(string field, string value, string key, string message)
    {
        var result = await Self.RequestCorrectionAsync(field, value, null);
        result.Errors.Should().ContainKey(key).WhoseValue.Should().Be(message);
    }

    [Fact]
    public async Task RequestCorrection_NationalIdAndBirthDate_AreAcceptedAndTheIdKeptMasked()
    {
        (await Self.RequestCorrectionAsync("Dob", Today.AddYears(-40).ToString("yyyy-MM-dd"), null)).Ok.Should().BeTrue();
        (await Self.RequestCorrectionAsync("NationalId", "1234-5678-9012", "New PhilSys card")).Ok.Should().BeTrue();
        await using var db = await _services.DbAsync();
        var payloads = await db.Notifications.Where(n => n.Type == ProfileCorrections.NotificationType).Select(n => n.Payload).ToListAsync();
        payloads.Should().Contain(p => p!.Contains("XXXX-XXXX-9012")).And.NotContain(p => WithoutIds.Of(p).Contains("5678"));
        (await db.AuditLogs.Where(a => a.ActionType == ProfileCorrections.AuditAction).Select(a => a.Details).ToListAsync())
            .Should().NotContain(d => WithoutIds.Of(d).Contains("5678"));
    }

    [Theory]
    [InlineData("1234-5678-9012-345X")]
    [InlineData("1234 5678 9012 345x")]
    [InlineData("PSN 1234-5678-9012-345X")]
    public async Task RequestCorrection_NationalIdWithCheckCharacter_IsMaskedInTheAuditAndTheNotifications(string typed)
    {
        (await Self.RequestCorrectionAsync("NationalId", typed, null)).Ok.Should().BeTrue();

        await using var db = await _services.DbAsync();
        var payloads = await db.Notifications.Where(n => n.Type == ProfileCorrections.NotificationType).Select(n => n.Payload).ToListAsync();
        payloads.Should().Contain(p => p!.Contains("XXXX-XXXX-345X")).And.NotContain(p => WithoutIds.Of(p).Contains("5678") || WithoutIds.Of(p).Contains("9012"));
        (await db.AuditLogs.Where(a => a.ActionType == ProfileCorrections.AuditAction).Select(a => a.Details).ToListAsync())
            .Should().NotContain(d => WithoutIds.Of(d).Contains("5678") || WithoutIds.Of(d).Contains("9012"));
    }

    [Fact]
    public async Task UpdatePrivacy_SavedAndReadBack_KeepingOtherKeys()
    {
        await using (var db = await _services.DbAsync())
        {
            await db.Residents.Where(r => r.UserId == _services.Caller.Current.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.PrivacySettings, "{\"sms_opt_in\": true}"));
        }
        var result = await Self.UpdatePrivacyAsync(new MyPrivacy(ShowNameInAttendeeLists: true, AllowEmailNotifications: false));

        result.Ok.Should().BeTrue();
        (await Self.GetMyProfileAsync())!.Privacy.Should().Be(new MyPrivacy(true, false));
        await using var check = await _services.DbAsync();
        var json = await check.Residents.Where(r => r.UserId == _services.Caller.Current.UserId).Select(r => r.PrivacySettings).SingleAsync();
        json.Should().Contain("\"show_name_in_attendee_lists\": true").And.Contain("\"allow_email_notifications\": false").And.Contain("\"sms_opt_in\": true");
    }

    /// <summary>A second resident with an account (and, by default, a record of her own).</summary>
    private async Task<(User, Resident)> CreateResidentAccountAsync(bool withRecord = true)
    {
        await using var db = await _services.DbAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var user = new User
        {
            Id = Guid.NewGuid(), UserName = $"maria.{suffix}", NormalizedUserName = $"MARIA.{suffix}".ToUpperInvariant(),
            Email = $"maria.{suffix}@example.ph", NormalizedEmail = $"MARIA.{suffix}@EXAMPLE.PH", FullName = "María Ñiña Santos",
            Roles = [AppRoles.Resident], Status = UserStatuses.Active, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        var record = new Resident
        {
            Id = Guid.NewGuid(), UserId = user.Id, ResidentId = $"RES-2099-{Random.Shared.Next(100000, 999999)}", FirstName = "María Ñiña",
            LastName = "Santos", Dob = Today.AddYears(-30), Purok = "purok-2", Sex = "Female",
        };
        if (withRecord) db.Residents.Add(record);
        await db.SaveChangesAsync();
        return (user, record);
    }
}
