using Barangay.Data.Common;
using Barangay.Data.Municipality;
using Barangay.Data.Municipality.Moves;
using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Municipality.Moves;

/// <summary>A crash between a step's two writes (municipality, then the old register) is finished once: never lost, never doubled.</summary>
public sealed partial class BarangayMovesTests
{
    [Fact]
    public async Task MoveOut_CrashBetweenTheWrites_IsFinishedOnceWhenEitherBarangayLooks()
    {
        var person = await SomeoneAsync("san-isidro", 5);
        var moves = Moves("san-isidro");
        moves.BetweenWrites = step => step == "move-out" ? throw new IOException("the app stopped between the two writes") : Task.CompletedTask;
        var bagbaguin = await IdOf("bagbaguin");
        var crash = () => moves.RecordMoveOutAsync(Form(person.Id, bagbaguin));
        await crash.Should().ThrowAsync<IOException>();
        moves.BetweenWrites = null;

        Guid moveId;
        await using (var mdb = await muni.MunicipalityAsync())
        {
            var half = await mdb.Moves.AsNoTracking().SingleAsync(m => m.FromResidentId == person.Id && m.Status == MoveStatuses.Pending);
            half.OldSideDone.Should().BeFalse("the old register was not written");
            moveId = half.Id;
        }
        await using (var old = await _at["san-isidro"].DbAsync())
            (await old.Residents.AsNoTracking().SingleAsync(r => r.Id == person.Id)).RegistrationStatus.Should().Be(ResidentStatuses.Active);

        // The new barangay looks at its moves: the old side is finished first, then the move is offered, once.
        (await Moves("bagbaguin").IncomingAsync()).Where(m => m.Id == moveId).Should().ContainSingle();
        await using (var old = await _at["san-isidro"].DbAsync())
            (await old.Residents.AsNoTracking().SingleAsync(r => r.Id == person.Id)).RegistrationStatus.Should().Be(ResidentStatuses.Archived);
        (await Moves("san-isidro").OutgoingAsync()).Items.Where(o => o.Id == moveId).Should().ContainSingle();
        (await AuditCountAsync("san-isidro", BarangayMoves.MovedOut, person.Id)).Should().Be(1, "archived once, however often it is resumed");
        await using (var mdb = await muni.MunicipalityAsync())
        {
            (await mdb.Moves.CountAsync(m => m.FromResidentId == person.Id)).Should().Be(1);
            (await mdb.Moves.SingleAsync(m => m.Id == moveId)).OldSideDone.Should().BeTrue();
        }
    }

    [Fact]
    public async Task Accept_CrashBetweenTheWrites_IsFinishedWithOneRecordInTheNewRegister()
    {
        var person = await SomeoneAsync("san-isidro", 6);
        var recorded = await Moves("san-isidro").RecordMoveOutAsync(Form(person.Id, await IdOf("poblacion")));
        recorded.Ok.Should().BeTrue(recorded.Message);
        var poblacion = Moves("poblacion");
        poblacion.BetweenWrites = step => step == "accept" ? throw new IOException("the app stopped between the two writes") : Task.CompletedTask;
        var crash = () => poblacion.AcceptAsync(recorded.Value, DemoLookups.Puroks[0].Code);
        await crash.Should().ThrowAsync<IOException>();
        poblacion.BetweenWrites = null;

        // Accepting again (the secretary clicks once more) finds the record the first attempt made.
        var again = await poblacion.AcceptAsync(recorded.Value, DemoLookups.Puroks[0].Code);
        again.Ok.Should().BeTrue(again.Message);
        again.Value.Should().Be(recorded.Value, "the new record's id is the move's");
        (await poblacion.IncomingAsync()).Should().NotContain(m => m.Id == recorded.Value);
        (await poblacion.AcceptAsync(recorded.Value, DemoLookups.Puroks[0].Code)).Kind.Should().Be(ResultKind.NotFound, "no longer waiting");

        await using (var db = await _at["poblacion"].DbAsync())
            (await db.Residents.CountAsync(r => r.Id == recorded.Value)).Should().Be(1);
        (await AuditCountAsync("poblacion", BarangayMoves.MovedIn, recorded.Value)).Should().Be(1);
        (await AuditCountAsync("san-isidro", "MoveAccepted", person.Id)).Should().Be(1);
        await using var mdb = await muni.MunicipalityAsync();
        var move = await mdb.Moves.SingleAsync(m => m.Id == recorded.Value);
        move.Status.Should().Be(MoveStatuses.Accepted);
        move.ToResidentId.Should().Be(recorded.Value);
        move.OldSideDone.Should().BeTrue();
    }
}
