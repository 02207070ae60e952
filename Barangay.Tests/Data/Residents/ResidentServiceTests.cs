using Barangay.Data.Accounts;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Residents;

public class ResidentServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private ResidentService Residents => _services.Get<ResidentService>();

    public async Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s => s.AddScoped<ResidentService>());
        await SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task SignInAsync(string username, string? position = null) => _services.SignInAsAsync(username, position);

    private static ResidentEdit Valid(string first = "María Ñiña", string last = "Dela Peña-O'Brien") => new()
    {
        FirstName = first, LastName = last, Dob = new DateOnly(1995, 3, 14), Sex = "Female", MaritalStatus = "Single",
        Purok = "purok-2", Address = new string('A', 190) + " Ñ St. #5", ContactNumber = "0917 123 4567",
        NationalId = "1234-5678-9012", Citizenship = "Filipino",
    };

    [Theory]
    [InlineData("delacruz", "Dela Cruz")]
    [InlineData("dela cruz", "Dela Cruz")]
    [InlineData("pena", "Peña")]
    [InlineData("delacrus", "Dela Cruz")]
    [InlineData("juandelacrus", "Dela Cruz, Juan")]
    public async Task Search_NormalizedOrOneTypo_FindsTheName(string query, string expectedLastNamePart)
    {
        var page = await Residents.SearchAsync(new ResidentFilter(Search: query), 0, 50);
        page.Total.Should().BeGreaterThan(0);
        page.Items.Should().Contain(r => r.FullName.Contains(expectedLastNamePart));
    }

    [Fact]
    public async Task Search_ANameOnlyPartlyAlike_IsNotTakenForATypo()
    {
        // "santiago" and "santos" share a third of their trigrams (similarity 0.33): past pg_trgm's default of 0.3,
        // short of the typo threshold the session sets (0.45). "santiagu" (0.64) is one letter off.
        await using (var db = await _services.DbAsync())
        {
            db.Residents.Add(new Resident { ResidentId = "R-SIM-1", FirstName = "Zaldy", LastName = "Santos", Dob = new DateOnly(1980, 5, 1), Purok = "purok-6", Sex = "Male" });
            db.Residents.Add(new Resident { ResidentId = "R-SIM-2", FirstName = "Lorna", LastName = "Santiagu", Dob = new DateOnly(1981, 6, 2), Purok = "purok-6", Sex = "Female" });
            await db.SaveChangesAsync();
        }

        var page = await Residents.SearchAsync(new ResidentFilter(Search: "santiago"), 0, 50);

        page.Items.Select(r => r.FullName).Should().Contain("Santiagu, Lorna").And.NotContain("Santos, Zaldy");
    }

    [Fact]
    public async Task Search_Name_ExactSurnameFirstThenExactGivenNameThenTheRest()
    {
        await using (var db = await _services.DbAsync())
        {
            // Alphabetically the middle-name and given-name matches would come first (Abad, Abalos < Lualhati).
            db.Residents.Add(new Resident { ResidentId = "R-RNK-1", FirstName = "Aaron", MiddleName = "Lualhati", LastName = "Abad", Dob = new DateOnly(1980, 5, 1), Purok = "purok-6", Sex = "Male" });
            db.Residents.Add(new Resident { ResidentId = "R-RNK-2", FirstName = "Lualhati", LastName = "Abalos", Dob = new DateOnly(1981, 6, 2), Purok = "purok-6", Sex = "Female" });
            db.Residents.Add(new Resident { ResidentId = "R-RNK-3", FirstName = "Zeny", LastName = "Lualhati", Dob = new DateOnly(1982, 7, 3), Purok = "purok-6", Sex = "Female" });
            // An exact hyphenated surname among 30 people who carry it as a middle name.
            for (var i = 0; i < 30; i++)
                db.Residents.Add(new Resident { ResidentId = $"R-RNK-M{i:D2}", FirstName = $"Ana {i}", MiddleName = "Reyes-Santos", LastName = "Abello", Dob = new DateOnly(1990, 1, 1), Purok = "purok-6", Sex = "Female" });
            db.Residents.Add(new Resident { ResidentId = "R-RNK-X", FirstName = "Zosimo", LastName = "Reyes-Santos", Dob = new DateOnly(1970, 1, 1), Purok = "purok-6", Sex = "Male" });
            await db.SaveChangesAsync();
        }

        (await Residents.SearchAsync(new ResidentFilter(Search: "lualhati"), 0, 25)).Items.Select(r => r.ResidentId)
            .Should().Equal("R-RNK-3", "R-RNK-2", "R-RNK-1");
        (await Residents.SearchAsync(new ResidentFilter(Search: "Reyes-Santos"), 0, 25)).Items[0].FullName.Should().Be("Reyes-Santos, Zosimo");

        var delaCruz = (await Residents.SearchAsync(new ResidentFilter(Search: "dela cruz"), 0, 100)).Items.Select(r => r.FullName).ToList();
        var surnames = delaCruz.TakeWhile(n => n.StartsWith("Dela Cruz, ", StringComparison.Ordinal)).Count();
        surnames.Should().BeGreaterThan(0);
        delaCruz.Skip(surnames).Should().NotContain(n => n.StartsWith("Dela Cruz, ", StringComparison.Ordinal), "every Dela Cruz surname comes before a middle name Dela Cruz");
    }

    [Fact]
    public async Task Search_CommonSurnameBeyondTheCap_CountsToTheCapAndSaysSo()
    {
        await using (var db = await _services.DbAsync())
        {
            for (var i = 0; i < ResidentService.SearchCountCap + 5; i++)
            {
                db.Residents.Add(new Resident
                {
                    ResidentId = $"R-CAP-{i:D5}", FirstName = $"Ana {i}", LastName = "Macaraeg", Dob = new DateOnly(1990, 1, 1),
                    Purok = i < 5 ? "purok-5" : "purok-4", Sex = "Female",
                });
            }
            await db.SaveChangesAsync();
        }

        var common = await Residents.SearchAsync(new ResidentFilter(Search: "Macaraeg"), 0, 25);
        common.Total.Should().Be(ResidentService.SearchCountCap);
        common.TotalIsCapped.Should().BeTrue();
        common.Items.Should().HaveCount(25).And.OnlyContain(r => r.FullName.Contains("Macaraeg")); // surname or middle name

        var narrowed = await Residents.SearchAsync(new ResidentFilter(Search: "Macaraeg", Purok: "purok-5"), 0, 25);
        narrowed.TotalIsCapped.Should().BeFalse();
        narrowed.Items.Where(r => r.FullName.StartsWith("Macaraeg, Ana ")).Should().HaveCount(5);

        // Lists without a name search count every match exactly, however many.
        var purok = await Residents.SearchAsync(new ResidentFilter(Purok: "purok-4"), 0, 25);
        purok.TotalIsCapped.Should().BeFalse();
        purok.Total.Should().BeGreaterThan(ResidentService.SearchCountCap);
    }

    [Fact]
    public async Task Search_Filters_CombineAndPage()
    {
        var all = await Residents.SearchAsync(new ResidentFilter(Purok: "purok-3"), 0, 10);
        all.Items.Should().HaveCount(10).And.OnlyContain(r => r.Purok == "purok-3");
        var seniors = await Residents.SearchAsync(new ResidentFilter(Purok: "purok-3", AgeBand: AgeBands.Seniors), 0, 200);
        seniors.Items.Should().OnlyContain(r => r.Age >= 60);
        var withAccount = await Residents.SearchAsync(new ResidentFilter(HasAccount: true), 0, 10);
        withAccount.Items.Should().ContainSingle(r => r.FullName.StartsWith("Dela Cruz, Juan"));
    }

    [Fact]
    public async Task Create_NamesWithEnyeApostropheHyphenAndLongAddress_RoundTripUnchanged()
    {
        var edit = Valid();
        var result = await Residents.CreateAsync(edit);
        result.Ok.Should().BeTrue(result.Message);
        var detail = await Residents.GetAsync(result.Value);
        detail!.Edit.FirstName.Should().Be("María Ñiña");
        detail.Edit.LastName.Should().Be("Dela Peña-O'Brien");
        detail.Edit.Address.Should().Be(edit.Address);
        detail.ResidentId.Should().MatchRegex(@"^RES-\d{4}-\d{6}$");
        detail.Edit.NationalId.Should().Be("XXXX-XXXX-9012", "only the masked national ID is ever stored");

        await using var db = await _services.DbAsync();
        (await db.Residents.Where(r => r.Id == result.Value).Select(r => r.NationalIdMasked).SingleAsync()).Should().NotContain("1234");
        (await db.AuditLogs.Where(a => a.TargetId == result.Value.ToString()).ToListAsync()).Should().NotContain(a => WithoutIds.Of(a.Details).Contains("5678"));
    }

    [Fact]
    public async Task Create_NationalIdWithCheckCharacter_IsStoredAndAuditedMasked()
    {
        var edit = Valid();
        edit.NationalId = "1234-5678-9012-345X";
        var result = await Residents.CreateAsync(edit);
        result.Ok.Should().BeTrue(result.Message);

        (await Residents.GetAsync(result.Value))!.Edit.NationalId.Should().Be("XXXX-XXXX-345X");
        await using var db = await _services.DbAsync();
        (await db.Residents.Where(r => r.Id == result.Value).Select(r => r.NationalIdMasked).SingleAsync()).Should().Be("XXXX-XXXX-345X");
        (await db.AuditLogs.Where(a => a.TargetId == result.Value.ToString()).Select(a => a.Details).ToListAsync())
            .Should().NotBeEmpty().And.NotContain(d => WithoutIds.Of(d).Contains("5678") || WithoutIds.Of(d).Contains("9012"));
    }

    [Theory]
    [InlineData(1, "Birth date cannot be in the future.")]
    [InlineData(-200, "Birth date cannot be before 1900.")]
    public async Task Create_ImpossibleBirthDate_IsRefusedNamingTheField(int yearsFromNow, string message)
    {
        var edit = Valid();
        edit.Dob = DateOnly.FromDateTime(TestClock.UtcNow).AddYears(yearsFromNow);
        var result = await Residents.CreateAsync(edit);
        result.Ok.Should().BeFalse();
        result.Errors.Should().ContainKey(nameof(ResidentEdit.Dob)).WhoseValue.Should().Be(message);
    }

    [Fact]
    public async Task Create_NewbornWithoutReason_AsksForOneAndWithReasonIsAudited()
    {
        var edit = Valid("Baby", "Santos");
        edit.Dob = DateOnly.FromDateTime(TestClock.UtcNow).AddDays(-20);
        var refused = await Residents.CreateAsync(edit);
        refused.Errors.Should().ContainKey(nameof(ResidentEdit.AgeReason)).WhoseValue.Should().Contain("outside 16–90");

        edit.AgeReason = "Newborn, registered by the mother";
        var created = await Residents.CreateAsync(edit);
        created.Ok.Should().BeTrue();
        await using var db = await _services.DbAsync();
        (await db.AuditLogs.SingleAsync(a => a.TargetId == created.Value.ToString() && a.ActionType == "AgeException")).Details.Should().Contain("Newborn");
    }

    [Fact]
    public async Task Update_TwoOfficialsEditSameResident_SecondGetsConflictNotOverwrite()
    {
        var id = (await Residents.CreateAsync(Valid("Carlo", "Ramos"))).Value;
        var first = (await Residents.GetAsync(id))!.Edit;
        var second = (await Residents.GetAsync(id))!.Edit;

        first.Occupation = "Teacher";
        (await Residents.UpdateAsync(id, first)).Ok.Should().BeTrue();
        second.Occupation = "Nurse";
        var conflict = await Residents.UpdateAsync(id, second);

        conflict.Kind.Should().Be(Barangay.Data.Common.ResultKind.Conflict);
        conflict.Message.Should().Contain("Someone else changed this record");
        conflict.Value!.Occupation.Should().Be("Teacher", "the form shows what the other official saved");
        (await Residents.GetAsync(id))!.Edit.Occupation.Should().Be("Teacher");
    }

    [Fact]
    public async Task ArchiveRestoreDelete_ChangeStatusAndHideDeleted()
    {
        var id = (await Residents.CreateAsync(Valid("Paolo", "Galang"))).Value;
        (await Residents.ArchiveAsync(id)).Ok.Should().BeTrue();
        (await Residents.GetAsync(id))!.Status.Should().Be(ResidentStatuses.Archived);
        (await Residents.RestoreAsync(id)).Ok.Should().BeTrue();
        (await Residents.GetAsync(id))!.Status.Should().Be(ResidentStatuses.Active);
        (await Residents.DeleteAsync(id, "")).Errors.Should().ContainKey("Reason");
        (await Residents.DeleteAsync(id, "Duplicate of an existing record")).Ok.Should().BeTrue();
        (await Residents.GetAsync(id)).Should().BeNull();
    }

    [Fact]
    public async Task Resident_CallingOfficialOperations_GetsNothing()
    {
        await SignInAsync(DemoAccounts.ResidentUser);
        (await Residents.SearchAsync(new ResidentFilter(), 0, 10)).Total.Should().Be(0);
        var any = await AnyResidentIdAsync();
        (await Residents.GetAsync(any)).Should().BeNull();
        (await Residents.UpdateAsync(any, Valid())).Kind.Should().Be(Barangay.Data.Common.ResultKind.NotFound);
        (await Residents.CreateAsync(Valid())).Kind.Should().Be(Barangay.Data.Common.ResultKind.NotFound);
    }

    [Fact]
    public async Task Tanod_MayViewButNotEdit()
    {
        await SignInAsync("tanod.galang", OfficialPositions.Tanod);
        var any = await AnyResidentIdAsync();
        (await Residents.GetAsync(any)).Should().NotBeNull();
        (await Residents.UpdateAsync(any, Valid())).Kind.Should().Be(Barangay.Data.Common.ResultKind.NotFound);
    }

    private async Task<Guid> AnyResidentIdAsync()
    {
        await using var db = await _services.DbAsync();
        return await db.Residents.Select(r => r.Id).FirstAsync();
    }
}
