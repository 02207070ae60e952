using Barangay.Data.Common;
using Barangay.Data.Municipality;
using Barangay.Data.Municipality.Moves;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Tenancy;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Municipality.Moves;

/// <summary>
/// The move handshake against real databases: San Isidro and Poblacion (demo clones) and Bagbaguin (a third barangay,
/// for the "other barangay's move id" cases), all in one municipality database.
/// </summary>
public sealed partial class BarangayMovesTests(MunicipalityFixture muni) : IClassFixture<MunicipalityFixture>, IAsyncLifetime
{
    private readonly Dictionary<string, TestServices> _at = [];

    public async Task InitializeAsync()
    {
        foreach (var (name, slug) in new[] { ("San Isidro", "san-isidro"), ("Poblacion", "poblacion"), ("Bagbaguin", "bagbaguin") })
        {
            if (await muni.Get<IBarangayDirectory>().FindBySlugAsync(slug) is null) await muni.AddClonedAsync(name, slug, TestEnvironment.DemoTemplate);
            var entry = (await muni.Get<IBarangayDirectory>().FindBySlugAsync(slug))!;
            var services = new TestServices(entry.ConnectionString, s =>
            {
                s.AddScoped<ICurrentBarangay>(_ => new Fixed(entry));
                s.AddSingleton(muni.Get<IBarangayDirectory>());
                s.AddSingleton(muni.Get<IDbContextFactory<MunicipalityDbContext>>());
                s.AddSingleton(muni.Get<BarangayContexts>());
                s.AddScoped<BarangayMoves>();
                s.AddScoped<ResidentService>();
            });
            await services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
            _at[slug] = services;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _at.Values) await s.DisposeAsync();
    }

    private BarangayMoves Moves(string slug) => _at[slug].Get<BarangayMoves>();

    private async Task<Guid> IdOf(string slug) => (await muni.Get<IBarangayDirectory>().FindBySlugAsync(slug))!.Id;

    private async Task<Resident> SomeoneAsync(string slug, int skip)
    {
        await using var db = await _at[slug].DbAsync();
        return await db.Residents.AsNoTracking().Where(r => r.RegistrationStatus == ResidentStatuses.Active && r.UserId == null && r.HouseholdId != null)
            .OrderBy(r => r.ResidentId).Skip(skip).FirstAsync();
    }

    private MoveOut Form(Guid resident, Guid to) => new()
    {
        ResidentId = resident, ToBarangayId = to, ConsentGiven = true, Witness = "Kgd. Antonio B. Reyes", ConsentDate = TestClock.ManilaToday,
    };

    private async Task<int> AuditCountAsync(string slug, string action, Guid residentId)
    {
        await using var db = await _at[slug].DbAsync();
        return await db.AuditLogs.CountAsync(a => a.ActionType == action && a.TargetId == residentId.ToString());
    }

    [Fact]
    public async Task MoveOut_ThenAccept_LeavesTheOldRegister_JoinsTheNewWithRbiOnly_AuditedInBothAndTheMunicipality()
    {
        var person = await SomeoneAsync("san-isidro", 3);
        var poblacion = await IdOf("poblacion");

        (await Moves("san-isidro").DestinationsAsync()).Select(d => d.Name).Should().Equal("Bagbaguin", "Poblacion");
        var recorded = await Moves("san-isidro").RecordMoveOutAsync(Form(person.Id, poblacion));
        recorded.Ok.Should().BeTrue(recorded.Message);

        await using (var old = await _at["san-isidro"].DbAsync())
        {
            var after = await old.Residents.AsNoTracking().SingleAsync(r => r.Id == person.Id);
            after.RegistrationStatus.Should().Be(ResidentStatuses.Archived);
            after.HouseholdId.Should().BeNull();
            (await old.HouseholdMembers.AnyAsync(m => m.ResidentId == person.Id)).Should().BeFalse();
        }
        (await AuditCountAsync("san-isidro", BarangayMoves.MovedOut, person.Id)).Should().Be(1);

        var incoming = await Moves("poblacion").IncomingAsync();
        var mine = incoming.Single(m => m.Id == recorded.Value);
        mine.Rbi.LastName.Should().Be(person.LastName);
        mine.Rbi.Dob.Should().Be(person.Dob);
        mine.FromBarangay.Should().Be("San Isidro");
        mine.ConsentNote.Should().Contain("Kgd. Antonio B. Reyes");
        await using (var mdb = await muni.MunicipalityAsync())
        {
            var json = (await mdb.Moves.AsNoTracking().SingleAsync(m => m.Id == recorded.Value)).Rbi;
            json.Should().NotContainAny("Address", "ContactNumber", "Email", "NationalId", "Complaint", "Request", "Message");
        }

        var purok = DemoLookups.Puroks[1].Code;
        (await Moves("poblacion").AcceptAsync(recorded.Value, null)).Kind.Should().Be(ResultKind.Invalid, "she chooses the purok");
        var accepted = await Moves("poblacion").AcceptAsync(recorded.Value, purok);
        accepted.Ok.Should().BeTrue(accepted.Message);

        var moved = await _at["poblacion"].Get<ResidentService>().GetAsync(accepted.Value);
        moved!.FullName.Should().Contain(person.LastName).And.Contain(person.FirstName);
        moved.Status.Should().Be(ResidentStatuses.Active);
        moved.HouseholdId.Should().BeNull("the new secretary assigns the household");
        (await AuditCountAsync("poblacion", BarangayMoves.MovedIn, accepted.Value)).Should().Be(1);
        (await AuditCountAsync("san-isidro", "MoveAccepted", person.Id)).Should().Be(1);
        (await Moves("poblacion").IncomingAsync()).Should().NotContain(m => m.Id == recorded.Value);
        await using (var mdb = await muni.MunicipalityAsync())
        {
            var actions = (await mdb.Audit.AsNoTracking().Where(a => a.Action.StartsWith("Move")).ToListAsync())
                .Where(a => a.Details!.Contains(recorded.Value.ToString(), StringComparison.Ordinal)).Select(a => a.Action).ToList();
            actions.Should().BeEquivalentTo(["MoveRecorded", "MoveAccepted"]);
            (await mdb.Moves.SingleAsync(m => m.Id == recorded.Value)).ToResidentId.Should().Be(accepted.Value);
        }
    }

    [Fact]
    public async Task Decline_NeedsAReason_RestoresTheOldRecord_AndIsAuditedInBoth()
    {
        var person = await SomeoneAsync("san-isidro", 5);
        var recorded = await Moves("san-isidro").RecordMoveOutAsync(Form(person.Id, await IdOf("bagbaguin")));
        recorded.Ok.Should().BeTrue(recorded.Message);
        (await Moves("san-isidro").RecordMoveOutAsync(Form(person.Id, await IdOf("bagbaguin")))).Kind.Should().Be(ResultKind.NotFound, "no longer on the active register");

        (await Moves("bagbaguin").DeclineAsync(recorded.Value, " ")).Kind.Should().Be(ResultKind.Invalid);
        (await Moves("bagbaguin").DeclineAsync(recorded.Value, "Not living here: the address given is a vacant lot.")).Ok.Should().BeTrue();

        await using (var old = await _at["san-isidro"].DbAsync())
            (await old.Residents.AsNoTracking().SingleAsync(r => r.Id == person.Id)).RegistrationStatus.Should().Be(ResidentStatuses.Active);
        (await AuditCountAsync("san-isidro", BarangayMoves.MoveDeclined, person.Id)).Should().Be(1);
        await using (var db = await _at["bagbaguin"].DbAsync())
            (await db.AuditLogs.CountAsync(a => a.ActionType == BarangayMoves.MoveDeclined && a.TargetId == recorded.Value.ToString())).Should().Be(1);
        (await Moves("san-isidro").OutgoingAsync()).Items.Single(m => m.Id == recorded.Value).DeclineReason.Should().Contain("vacant lot");
    }

    [Fact]
    public async Task MoveOut_WithoutConsentWitnessDateOrDestination_IsRefusedFieldByField()
    {
        var person = await SomeoneAsync("san-isidro", 7);
        var result = await Moves("san-isidro").RecordMoveOutAsync(new MoveOut { ResidentId = person.Id, ConsentDate = TestClock.ManilaToday.AddDays(1) });

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors.Keys.Should().BeEquivalentTo([nameof(MoveOut.ToBarangayId), nameof(MoveOut.ConsentGiven), nameof(MoveOut.Witness), nameof(MoveOut.ConsentDate)]);
        var self = await Moves("san-isidro").RecordMoveOutAsync(Form(person.Id, await IdOf("san-isidro")));
        self.Errors.Keys.Should().Contain(nameof(MoveOut.ToBarangayId), "not to her own barangay");
        await using var db = await _at["san-isidro"].DbAsync();
        (await db.Residents.AsNoTracking().SingleAsync(r => r.Id == person.Id)).RegistrationStatus.Should().Be(ResidentStatuses.Active);
    }

    [Fact]
    public async Task OtherBarangaysMoves_CannotBeSeenOrActedOn_ByChangingIds()
    {
        var person = await SomeoneAsync("san-isidro", 9);
        var recorded = await Moves("san-isidro").RecordMoveOutAsync(Form(person.Id, await IdOf("poblacion")));
        recorded.Ok.Should().BeTrue(recorded.Message);

        // Bagbaguin's secretary, with Poblacion's move id: nothing to see, accept or decline.
        (await Moves("bagbaguin").IncomingAsync()).Should().NotContain(m => m.Id == recorded.Value);
        (await Moves("bagbaguin").AcceptAsync(recorded.Value, DemoLookups.Puroks[0].Code)).Kind.Should().Be(ResultKind.NotFound);
        (await Moves("bagbaguin").DeclineAsync(recorded.Value, "not ours")).Kind.Should().Be(ResultKind.NotFound);
        // The sender cannot accept her own outgoing move either.
        (await Moves("san-isidro").AcceptAsync(recorded.Value, DemoLookups.Puroks[0].Code)).Kind.Should().Be(ResultKind.NotFound);
        (await Moves("bagbaguin").OutgoingAsync()).Items.Should().NotContain(m => m.Id == recorded.Value);
        // Bagbaguin's secretary with a San Isidro resident's id (one made here, so not in the clones' shared register): not hers.
        var another = await _at["san-isidro"].Get<ResidentService>().CreateAsync(new ResidentEdit
        {
            FirstName = "Rosalinda", LastName = "Pangilinan", Dob = new DateOnly(1990, 5, 2), Sex = "Female", MaritalStatus = "Single",
            Purok = DemoLookups.Puroks[0].Code, Address = "12 Mabini St.", Citizenship = "Filipino",
        });
        another.Ok.Should().BeTrue(another.Message);
        (await Moves("bagbaguin").RecordMoveOutAsync(Form(another.Value, await IdOf("poblacion")))).Kind.Should().Be(ResultKind.NotFound);
        (await Moves("san-isidro").RecordMoveOutAsync(Form(another.Value, await IdOf("poblacion")))).Ok.Should().BeTrue("the control: San Isidro's own secretary can");

        await using var mdb = await muni.MunicipalityAsync();
        (await mdb.Moves.SingleAsync(m => m.Id == recorded.Value)).Status.Should().Be(MoveStatuses.Pending);
        (await Moves("poblacion").IncomingAsync()).Should().Contain(m => m.Id == recorded.Value);
    }

    private sealed class Fixed(BarangayListing b) : ICurrentBarangay
    {
        public BarangayListing? Barangay { get; } = b;
        public void Set(BarangayListing barangay) { }
    }
}
