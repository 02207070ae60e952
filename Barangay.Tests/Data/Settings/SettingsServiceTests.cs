using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Settings;

public class SettingsServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private SettingsService Settings => _services.Get<SettingsService>();

    private async Task SignInAsync(string userName, string? position = null)
    {
        await using var db = await _services.DbAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, position);
    }

    /// <summary>The updates of one setting or value (the demo seed's own create rows left out).</summary>
    private async Task<List<AuditLog>> UpdatesAsync(string targetId)
    {
        await using var db = await _services.DbAsync();
        return await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == targetId && a.ActionType != AuditActions.Create).OrderBy(a => a.Timestamp).ToListAsync();
    }

    [Fact]
    public async Task Get_Admin_ReadsTheDemoSettingsAndFees()
    {
        await SignInAsync(DemoAccounts.AdminUser);
        var s = await Settings.GetAsync();
        s!.Province.Should().Be("Bulacan");
        s.UploadMaxMb.Should().Be(10);
        s.Holidays.Should().Contain(h => h.Date == "2026-12-25");
        s.Fees.Should().ContainSingle(f => f.Code == "business-clearance").Which.Fee.Should().Be(500);
    }

    [Fact]
    public async Task DocumentApprovers_SavedFromTheSettings_AuditedAndReadByTheApprovalRule()
    {
        await SignInAsync(DemoAccounts.AdminUser);
        var edit = (await Settings.GetAsync())!;
        edit.DocumentApprovers.Should().BeEmpty("by default only the Punong Barangay approves");
        var unchanged = await Settings.UpdateAsync(edit);
        unchanged.Succeeded.Should().BeTrue(unchanged.Message);
        (await UpdatesAsync(SettingKeys.DocumentApprovers)).Should().BeEmpty("saving no delegation when none was stored is no change");

        edit = (await Settings.GetAsync())!;
        edit.DocumentApprovers = ["Secretary", "Punong Barangay", "Nobody"];
        (await Settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();
        await using var db = await _services.DbAsync();
        var delegated = await Barangay.Data.Documents.DocumentApprovers.DelegatedAsync(db, default);
        delegated.Should().Equal("Secretary");
        Barangay.Data.Documents.DocumentApprovers.MayApprove("Secretary", delegated).Should().BeTrue();
        Barangay.Data.Documents.DocumentApprovers.MayApprove("Treasurer", delegated).Should().BeFalse();
        (await db.AuditLogs.AsNoTracking().CountAsync(a => a.TargetId == SettingKeys.DocumentApprovers)).Should().Be(1, "the one change is audited");
    }

    [Fact]
    public async Task GetAndUpdate_Official_AreRefused()
    {
        await SignInAsync(DemoAccounts.AdminUser);
        var edit = (await Settings.GetAsync())!;
        await SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        (await Settings.GetAsync()).Should().BeNull();
        edit.BarangayName = "Barangay Hijacked";
        var result = await Settings.UpdateAsync(edit);
        result.Succeeded.Should().BeFalse();
        result.Message.Should().Be("Only an administrator can change the settings.");
        (await _services.Get<BarangayProfileService>().GetAsync()).Name.Should().NotBe("Barangay Hijacked");
    }

    [Fact]
    public async Task Update_BadValues_MessagesNameEachFieldAndNothingIsSaved()
    {
        await SignInAsync(DemoAccounts.AdminUser);
        var edit = (await Settings.GetAsync())!;
        var name = edit.BarangayName;
        var updates = (await UpdatesAsync(SettingKeys.BarangayName)).Count;
        edit.BarangayName = "Barangay Should Not Save";
        edit.Fees.Single(f => f.Code == "barangay-clearance").Fee = -5;
        edit.EmailSender = "hall at sanisidro";
        edit.UploadMaxMb = 51;
        edit.RegistrationReviewDays = 0;
        edit.Holidays.Add(new HolidayEdit("2026-02-30", "Not a day"));
        edit.Municipality = " ";

        var result = await Settings.UpdateAsync(edit);

        result.Succeeded.Should().BeFalse();
        result.Errors[SettingFields.FeeField("barangay-clearance")].Should().Be("Fee for Barangay Clearance cannot be negative (use 0 for free documents).");
        result.Errors[nameof(SettingsEdit.EmailSender)].Should().Contain("Email sender \"hall at sanisidro\" is not a valid email address");
        result.Errors[nameof(SettingsEdit.UploadMaxMb)].Should().Be("Upload limit must be between 1 and 50 MB (it is 51).");
        result.Errors[nameof(SettingsEdit.RegistrationReviewDays)].Should().StartWith("Registration review days must be between 1 and 60");
        result.Errors[nameof(SettingsEdit.Holidays)].Should().Contain("\"2026-02-30\" is not a date (write it as YYYY-MM-DD");
        result.Errors[nameof(SettingsEdit.Municipality)].Should().Be("Municipality or city is required.");
        (await _services.Get<BarangayProfileService>().GetAsync()).Name.Should().Be(name);
        (await UpdatesAsync(SettingKeys.BarangayName)).Should().HaveCount(updates);
    }

    [Fact]
    public async Task Update_BarangayName_AuditsOldAndNewReadably_AndTheProfileShowsIt()
    {
        await SignInAsync(DemoAccounts.AdminUser);
        var notified = 0;
        using var _ = _services.Get<SettingsNotifier>().Subscribe(() => { notified++; return Task.CompletedTask; });
        var edit = (await Settings.GetAsync())!;
        var before = edit.BarangayName;
        var updates = (await UpdatesAsync(SettingKeys.BarangayName)).Count;
        edit.BarangayName = "Barangay San Isidro Labrador";

        (await Settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();

        (await _services.Get<BarangayProfileService>().GetAsync()).Name.Should().Be("Barangay San Isidro Labrador");
        notified.Should().Be(1);
        var all = await UpdatesAsync(SettingKeys.BarangayName);
        all.Should().HaveCount(updates + 1);
        var audit = all[^1];
        audit.ActionType.Should().Be(AuditActions.Update);
        audit.TargetType.Should().Be("Setting");
        audit.ActorName.Should().Be(DemoAccounts.AdminUser);
        var change = AuditDetailsReader.Read(audit.Details, audit.TargetType, audit.TargetId).Changes.Should().ContainSingle().Subject;
        change.Should().Be(new AuditChange("Barangay name", before, "Barangay San Isidro Labrador"));

        // Saving again with nothing changed writes nothing.
        var again = (await Settings.GetAsync())!;
        (await Settings.UpdateAsync(again)).Succeeded.Should().BeTrue();
        (await UpdatesAsync(SettingKeys.BarangayName)).Should().HaveCount(updates + 1);
        notified.Should().Be(1);
    }

    [Fact]
    public async Task Update_Fee_ChangesOnlyTheFeeInMeta_AndTheAuditShowsMetaFee()
    {
        await SignInAsync(DemoAccounts.AdminUser);
        var edit = (await Settings.GetAsync())!;
        edit.Fees.Single(f => f.Code == "good-moral").Fee = 75.50m;

        (await Settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();

        await using var db = await _services.DbAsync();
        var type = await db.LookupValues.AsNoTracking().SingleAsync(l => l.Category == LookupCategories.DocumentType && l.Code == "good-moral");
        SettingJson.ReadFee(type.Meta).Should().Be(75.50m);
        type.Meta.Should().Contain("\"validity_days\": 180");
        var audit = (await UpdatesAsync(type.Id.ToString())).Should().ContainSingle().Subject;
        AuditDetailsReader.Read(audit.Details, audit.TargetType, audit.TargetId).Changes
            .Should().ContainSingle().Which.Should().Be(new AuditChange("meta.fee", "50", "75.5"));
    }

    [Fact]
    public async Task Update_Holidays_StoredWithNames_AndTheWorkingDayClockSkipsThem()
    {
        await SignInAsync(DemoAccounts.AdminUser);
        var edit = (await Settings.GetAsync())!;
        edit.Holidays.Add(new HolidayEdit("2026-09-08", "Fiesta of San Isidro"));

        (await Settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();

        var holidays = await _services.Get<HolidayCalendar>().HolidaysAsync();
        holidays.Should().Contain(new HolidayEntry(new DateOnly(2026, 9, 8), "Fiesta of San Isidro"));
        holidays.Should().Contain(h => h.Date == new DateOnly(2026, 12, 25), "the seeded dates are kept");
        var clock = await _services.Get<HolidayCalendar>().ClockAsync();
        clock.IsWorkingDay(new DateOnly(2026, 9, 8)).Should().BeFalse();
        var monday = Barangay.Data.Common.TimeZones.ManilaToUtc(new DateTime(2026, 9, 7, 10, 0, 0));
        clock.AddWorkingDays(monday, 1).Should().Be(Barangay.Data.Common.TimeZones.ManilaToUtc(new DateTime(2026, 9, 9, 10, 0, 0)));
        (await UpdatesAsync(SettingKeys.Holidays)).Should().ContainSingle().Which.ActionType.Should().Be(AuditActions.Update);
    }

    [Fact]
    public async Task Update_AfterAnotherAdminChangedTheSameSetting_IsRefusedAndNothingSaved()
    {
        await SignInAsync(DemoAccounts.AdminUser);
        var mine = (await Settings.GetAsync())!;
        var theirs = (await Settings.GetAsync())!;
        theirs.OfficeHours = "Monday to Saturday, 8:00 AM - 5:00 PM";
        (await Settings.UpdateAsync(theirs)).Succeeded.Should().BeTrue();

        mine.OfficeHours = "Monday to Friday, 7:00 AM - 4:00 PM";
        mine.PunongBarangay = "Hon. Someone Else";
        var result = await Settings.UpdateAsync(mine);

        result.Succeeded.Should().BeFalse();
        result.Message.Should().StartWith("Someone else changed Office hours since you opened this page. Nothing was saved");
        var now = (await Settings.GetAsync())!;
        now.OfficeHours.Should().Be("Monday to Saturday, 8:00 AM - 5:00 PM");
        now.PunongBarangay.Should().Be("Hon. Ricardo M. Dela Cruz");
    }
}
