using Barangay.Data.Accounts;
using Barangay.Data.Municipality.Moves;
using Barangay.Data.Residents;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Municipality.Moves;

/// <summary>A moved resident's online account moves with the record; one whose name is taken in the new barangay stays behind.</summary>
public sealed partial class BarangayMovesTests
{
    private const string AccountPassword = "bagong tahanan sa poblacion";

    /// <summary>A resident of <paramref name="slug"/> (no account yet) given a resident account <paramref name="userName"/>, signed in once.</summary>
    private async Task<(Resident Resident, User User)> WithAccountAsync(string slug, int skip, string userName)
    {
        var person = await SomeoneAsync(slug, skip);
        await using var db = await _at[slug].DbAsync();
        var user = new User
        {
            Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = $"{userName}@mail.example",
            NormalizedEmail = $"{userName}@mail.example".ToUpperInvariant(), EmailConfirmed = true, FullName = person.FirstName + " " + person.LastName,
            Roles = [AppRoles.Resident], SecurityStamp = Guid.NewGuid().ToString("N"), PreferredLanguage = "fil-PH",
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, AccountPassword);
        db.Users.Add(user);
        db.Sessions.Add(new Session
        {
            UserId = user.Id, ResidentId = person.Id, SessionToken = Guid.NewGuid().ToString("N"), IssuedAt = TestClock.UtcNow, ExpiresAt = TestClock.UtcNow.AddDays(1),
        });
        await db.SaveChangesAsync();
        await db.Residents.Where(r => r.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, user.Id));
        return (person, user);
    }

    [Fact]
    public async Task Accept_ResidentWithAnAccount_TheAccountMovesWithThem_AndTheOldOneIsDisabledWithItsSessions()
    {
        var userName = "lumipat." + Guid.NewGuid().ToString("N")[..6];
        var (person, old) = await WithAccountAsync("san-isidro", 21, userName);
        var move = await Moves("san-isidro").RecordMoveOutAsync(Form(person.Id, await IdOf("poblacion")));
        move.Ok.Should().BeTrue(move.Message);

        var accepted = await Moves("poblacion").AcceptAsync(move.Value, Barangay.Data.Seed.DemoLookups.Puroks[1].Code);

        accepted.Ok.Should().BeTrue(accepted.Message);
        await using (var now = await _at["poblacion"].DbAsync())
        {
            var record = await now.Residents.AsNoTracking().SingleAsync(r => r.Id == accepted.Value);
            var user = await now.Users.AsNoTracking().SingleAsync(u => u.Id == record.UserId);
            user.UserName.Should().Be(userName);
            user.Email.Should().Be(old.Email);
            user.Roles.Should().Equal(AppRoles.Resident);
            user.Status.Should().Be(UserStatuses.Active);
            user.PreferredLanguage.Should().Be("fil-PH");
            new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash!, AccountPassword).Should().NotBe(PasswordVerificationResult.Failed, "the same password signs in at the new barangay");
            (await now.AuditLogs.CountAsync(a => a.ActionType == BarangayMoves.AccountMovedIn && a.TargetId == user.Id.ToString())).Should().Be(1);
        }
        await using var before = await _at["san-isidro"].DbAsync();
        var retired = await before.Users.AsNoTracking().IgnoreQueryFilters().SingleAsync(u => u.Id == old.Id);
        retired.Status.Should().Be(UserStatuses.Disabled, "one person, one account: the old barangay's is closed");
        (await before.Sessions.AnyAsync(s => s.UserId == old.Id && !s.Revoked)).Should().BeFalse("its open sessions end");
        (await before.AuditLogs.CountAsync(a => a.ActionType == BarangayMoves.AccountMovedOut && a.TargetId == old.Id.ToString())).Should().Be(1);
    }

    [Fact]
    public async Task Accept_AccountNameTakenInTheNewBarangay_TheAccountStaysBehind_AndTheMoveCompletes()
    {
        var userName = "kapangalan." + Guid.NewGuid().ToString("N")[..6];
        var (person, old) = await WithAccountAsync("san-isidro", 22, userName);
        await WithAccountAsync("poblacion", 23, userName); // someone else in Poblacion has that username already
        var move = await Moves("san-isidro").RecordMoveOutAsync(Form(person.Id, await IdOf("poblacion")));

        var accepted = await Moves("poblacion").AcceptAsync(move.Value, Barangay.Data.Seed.DemoLookups.Puroks[1].Code);

        accepted.Ok.Should().BeTrue(accepted.Message);
        await using (var now = await _at["poblacion"].DbAsync())
        {
            (await now.Residents.AsNoTracking().SingleAsync(r => r.Id == accepted.Value)).UserId.Should().BeNull();
            (await now.AuditLogs.CountAsync(a => a.ActionType == BarangayMoves.AccountNotMoved && a.TargetId == move.Value.ToString())).Should().Be(1);
        }
        await using var before = await _at["san-isidro"].DbAsync();
        (await before.Users.AsNoTracking().SingleAsync(u => u.Id == old.Id)).Status.Should().Be(UserStatuses.Active, "an account that did not move is not closed");
    }

    [Fact]
    public async Task Accept_CrashAfterTheNewRecord_TheOldAccountIsRetiredOnceWhenTheNewBarangayLooks()
    {
        var (person, old) = await WithAccountAsync("san-isidro", 24, "naantala." + Guid.NewGuid().ToString("N")[..6]);
        var move = await Moves("san-isidro").RecordMoveOutAsync(Form(person.Id, await IdOf("poblacion")));
        var poblacion = Moves("poblacion");
        poblacion.BetweenWrites = step => step == "accept" ? throw new IOException("the app stopped between the two writes") : Task.CompletedTask;
        var crash = () => poblacion.AcceptAsync(move.Value, Barangay.Data.Seed.DemoLookups.Puroks[1].Code);
        await crash.Should().ThrowAsync<IOException>();
        poblacion.BetweenWrites = null;
        await using (var between = await _at["san-isidro"].DbAsync())
            (await between.Users.AsNoTracking().SingleAsync(u => u.Id == old.Id)).Status.Should().Be(UserStatuses.Active, "the crash came before the old side");

        // The new barangay opens its moves: the accept is finished, and the old account closed, once.
        await poblacion.IncomingAsync();
        await poblacion.IncomingAsync();

        await using var before = await _at["san-isidro"].DbAsync();
        (await before.Users.AsNoTracking().IgnoreQueryFilters().SingleAsync(u => u.Id == old.Id)).Status.Should().Be(UserStatuses.Disabled);
        (await before.AuditLogs.CountAsync(a => a.ActionType == BarangayMoves.AccountMovedOut && a.TargetId == old.Id.ToString())).Should().Be(1);
        await using var now = await _at["poblacion"].DbAsync();
        (await now.Users.CountAsync(u => u.UserName == old.UserName)).Should().Be(1, "one account in the new barangay, made with the record");
    }
}
