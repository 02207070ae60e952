using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Residents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Tests.Data.Audit;

public class AuditTrailTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private static readonly AuditActor Secretary = new(null, "secretary", "10.1.2.3", "Firefox", Guid.NewGuid());

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<Resident> AddResidentAsync(string first = "Niño", string last = "Dela Cruz")
    {
        await using var db = await _services.DbAsync();
        db.Actor = Secretary;
        var r = new Resident { ResidentId = "RES-T-" + Guid.NewGuid().ToString("N")[..8], FirstName = first, LastName = last, Dob = new DateOnly(1990, 1, 2), Purok = "purok-1" };
        db.Residents.Add(r);
        await db.SaveChangesAsync();
        return r;
    }

    [Fact]
    public async Task SaveChanges_ResidentCreated_WritesCreateRowWithActor()
    {
        var r = await AddResidentAsync();
        await using var db = await _services.DbAsync();
        var row = await db.AuditLogs.SingleAsync(a => a.TargetType == "Resident" && a.TargetId == r.Id.ToString());
        row.ActionType.Should().Be(AuditActions.Create);
        row.ActorName.Should().Be("secretary");
        row.IpAddress.Should().Be("10.1.2.3");
        row.UserAgent.Should().Be("Firefox");
        row.CorrelationId.Should().Be(Secretary.CorrelationId);
        row.Details.Should().Contain("Niño").And.Contain("Dela Cruz");
    }

    [Fact]
    public async Task SaveChanges_ResidentUpdated_RecordsOldAndNewValues()
    {
        var r = await AddResidentAsync();
        await using (var db = await _services.DbAsync())
        {
            db.Actor = Secretary;
            var e = await db.Residents.SingleAsync(x => x.Id == r.Id);
            e.Purok = "purok-3";
            e.Occupation = "Tricycle driver";
            await db.SaveChangesAsync();
        }
        await using var check = await _services.DbAsync();
        var row = await check.AuditLogs.SingleAsync(a => a.TargetId == r.Id.ToString() && a.ActionType == AuditActions.Update);
        using var details = JsonDocument.Parse(row.Details!);
        var changes = details.RootElement.GetProperty("changes");
        changes.GetProperty("purok").GetProperty("old").GetString().Should().Be("purok-1");
        changes.GetProperty("purok").GetProperty("new").GetString().Should().Be("purok-3");
        changes.GetProperty("occupation").GetProperty("new").GetString().Should().Be("Tricycle driver");
        changes.TryGetProperty("updated_at", out _).Should().BeFalse("bookkeeping columns are not noise in the trail");
    }

    [Fact]
    public async Task SaveChanges_Fails_NoAuditRowIsLeftBehind()
    {
        var r = await AddResidentAsync();
        await using (var db = await _services.DbAsync())
        {
            db.Actor = Secretary;
            // Same human ID twice: the unique constraint fails the whole SaveChanges.
            db.Residents.Add(new Resident { ResidentId = r.ResidentId, FirstName = "Ana", LastName = "Santos", Dob = new DateOnly(1991, 1, 1), Purok = "purok-2" });
            var act = () => db.SaveChangesAsync();
            await act.Should().ThrowAsync<DbUpdateException>();
        }
        await using var check = await _services.DbAsync();
        (await check.AuditLogs.ToListAsync()).Where(a => a.Details?.Contains("Ana") == true).Should().BeEmpty("the audit row is in the same transaction as the change");
    }

    [Fact]
    public async Task Remove_SoftDeletable_SetsDeletedAtAndHidesRow()
    {
        var r = await AddResidentAsync("Teresita", "Muñoz");
        await using (var db = await _services.DbAsync())
        {
            db.Actor = Secretary;
            db.Residents.Remove(await db.Residents.SingleAsync(x => x.Id == r.Id));
            await db.SaveChangesAsync();
        }
        await using var check = await _services.DbAsync();
        (await check.Residents.AnyAsync(x => x.Id == r.Id)).Should().BeFalse();
        var raw = await check.Residents.IgnoreQueryFilters().SingleAsync(x => x.Id == r.Id);
        raw.DeletedAt.Should().NotBeNull();
        (await check.AuditLogs.AnyAsync(a => a.TargetId == r.Id.ToString() && a.ActionType == AuditActions.Delete)).Should().BeTrue();
    }

    [Fact]
    public async Task SaveChanges_Modified_StampsUpdatedAtAndRollsVersion()
    {
        // The stamp comes from the injected clock: a stopped clock moved on by a minute, instead of sleeping and
        // hoping the wall clock ticked.
        var clock = TestClock.Frozen();
        await using var services = new TestServices(database.AppConnectionString, s => s.AddSingleton<TimeProvider>(clock));
        await using var db = await services.DbAsync();
        db.Actor = Secretary;
        var e = new Resident { ResidentId = "RES-T-" + Guid.NewGuid().ToString("N")[..8], FirstName = "Niño", LastName = "Dela Cruz", Dob = new DateOnly(1990, 1, 2), Purok = "purok-1" };
        db.Residents.Add(e);
        await db.SaveChangesAsync();
        var (before, version) = (e.UpdatedAt, e.Version);
        clock.Advance(TimeSpan.FromMinutes(1));
        e.Address = "12 Mabini St.";
        await db.SaveChangesAsync();
        e.UpdatedAt.Should().Be(before.AddMinutes(1));
        e.Version.Should().NotBe(version);
    }

    [Fact]
    public async Task SaveChanges_StaleVersion_IsAConcurrencyConflict()
    {
        var r = await AddResidentAsync();
        await using var a = await _services.DbAsync();
        await using var b = await _services.DbAsync();
        var ra = await a.Residents.SingleAsync(x => x.Id == r.Id);
        var rb = await b.Residents.SingleAsync(x => x.Id == r.Id);
        ra.Occupation = "Teacher";
        await a.SaveChangesAsync();
        rb.Occupation = "Nurse";
        var act = () => b.SaveChangesAsync();
        await act.Should().ThrowAsync<DbUpdateConcurrencyException>();
    }

    [Theory]
    [InlineData("UPDATE audit_logs SET actor_name = 'tampered'")]
    [InlineData("DELETE FROM audit_logs")]
    [InlineData("TRUNCATE audit_logs")]
    public async Task AppRole_ChangesAuditRows_IsRefusedByTheDatabase(string sql)
    {
        await AddResidentAsync();
        await using var conn = new NpgsqlConnection(database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var act = () => cmd.ExecuteNonQueryAsync();
        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be("42501", "insufficient privilege");
    }

    [Fact]
    public async Task AppRole_InsertsAuditRows_IsAllowed()
    {
        await using var conn = new NpgsqlConnection(database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("INSERT INTO audit_logs (action_type) VALUES ('Probe')", conn);
        (await cmd.ExecuteNonQueryAsync()).Should().Be(1);
    }
}
