using System.Security.Cryptography;
using Barangay.Data;
using Barangay.Data.Complaints;
using Barangay.Data.Files;
using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Barangay.Data.Security;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Barangay.Tests.Data.Security;

/// <summary>A dump or a read-only account sees no complaint narrative or note; the app still reads them, also after a key rotation.</summary>
public class EncryptedColumnsTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly string _keysRoot = Path.Combine(Path.GetTempPath(), "barangay-keys-" + Guid.NewGuid().ToString("N")[..8]);
    private ComplaintsTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_keysRoot)) Directory.Delete(_keysRoot, recursive: true);
    }

    [Fact]
    public async Task ConfidentialVawcComplaint_RawColumnsAsAppAndReadOnlyRoles_HoldNoPlaintext_ServiceReturnsIt()
    {
        const string story = "Sinaktan ako ng asawa ko kagabi sa harap ng mga bata";
        const string notes = "Referred to the VAW desk and a BPO was issued";
        await _host.AsJuanAsync();
        var input = ComplaintsTestHost.Noise(confidential: true, description: story);
        input.Category = "vawc";
        var ack = (await _host.Complaints.FileAsync(input)).Value!;
        await _host.AsKapitanAsync();
        var d = (await _host.Complaints.GetAsync(ack.Id))!;
        d = (await _host.Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.InProgress, null, d.Version)).Value!;
        d = (await _host.Complaints.AddNoteAsync(ack.Id, "Neighbour heard shouting; lola will testify", d.Version)).Value!;
        d = (await _host.Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.Resolved, notes, d.Version)).Value!;

        d.Description.Should().Be(story);
        var seen = (await _host.Complaints.GetAsync(ack.Id))!;
        seen.ResolutionNotes.Should().Be(notes);
        seen.Notes.Should().ContainSingle(n => n.Text == "Neighbour heard shouting; lola will testify");

        var asApp = await RawAsync(database.AppConnectionString, ack.Id);
        await using var readOnly = await ReadOnlyLoginAsync();
        var asReader = await RawAsync(readOnly.ConnectionString, ack.Id);
        foreach (var raw in new[] { asApp, asReader })
        {
            raw.Description.Should().StartWith(ColumnCipher.Prefix).And.NotContain("asawa");
            raw.Notes.Should().StartWith(ColumnCipher.Prefix).And.NotContain("VAW desk");
            raw.Metadata.Should().Contain("\"history\"", "the JSON keeps its structure").And.NotContain("VAW desk").And.NotContain("lola");
        }
        await using var db = await _host.Services.DbAsync();
        (await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == ack.Id.ToString() && a.Details != null).Select(a => a.Details!).ToListAsync())
            .Should().NotBeEmpty().And.NotContain(x => x.Contains("asawa") || x.Contains("VAW desk") || x.Contains("lola"), "the audit trail says an encrypted value changed, never what it says");
    }

    [Fact]
    public async Task Backfill_PlaintextLeftInAnEncryptedColumn_IsEncryptedInPlaceAndStillRead()
    {
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        await ExecuteAsync(database.OwnerConnectionString, """
            UPDATE complaints SET description = 'written before encryption',
              metadata = '{"notes":[{"at":"2026-01-02T03:04:05Z","by_name":"Secretary","text":"noted before encryption"}],"history":[]}'
            WHERE id = @id
            """, ack.Id);

        await using (var owner = Context(null, database.OwnerConnectionString)) // as the migrate command runs it
            (await EncryptedColumnsBackfill.RunAsync(owner)).Should().BeGreaterThanOrEqualTo(2);

        var raw = await RawAsync(database.AppConnectionString, ack.Id);
        raw.Description.Should().StartWith(ColumnCipher.Prefix);
        raw.Metadata.Should().Contain("by_name").And.NotContain("noted before encryption");
        await _host.AsSecretaryAsync();
        var seen = (await _host.Complaints.GetAsync(ack.Id))!;
        seen.Description.Should().Be("written before encryption");
        seen.Notes.Should().ContainSingle(n => n.Text == "noted before encryption");
        await using (var again = Context(null, database.OwnerConnectionString))
            (await EncryptedColumnsBackfill.RunAsync(again)).Should().Be(0, "the backfill is idempotent");
    }

    [Fact]
    public async Task Rotation_NewCurrentKey_OldRowsStillReadNewRowsUseTheNewKey()
    {
        var before = new FileStorageOptions { DataRoot = _keysRoot };
        var oldId = await InsertAsync(before, "told under the first key");
        var oldRaw = (await RawAsync(database.AppConnectionString, oldId)).Description;

        // Rotation: a new key is configured; the old key file stays in the keys folder.
        var after = new FileStorageOptions { DataRoot = _keysRoot, EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), EncryptionKeyId = "rotated-1" };
        var newId = await InsertAsync(after, "told under the second key");

        await using var db = Context(after);
        (await db.Complaints.AsNoTracking().Where(c => c.Id == oldId).Select(c => c.Description).SingleAsync()).Should().Be("told under the first key");
        (await db.Complaints.AsNoTracking().Where(c => c.Id == newId).Select(c => c.Description).SingleAsync()).Should().Be("told under the second key");
        (await RawAsync(database.AppConnectionString, newId)).Description.Should().StartWith(ColumnCipher.Prefix + "rotated-1:");
        oldRaw.Should().StartWith(ColumnCipher.Prefix).And.NotStartWith(ColumnCipher.Prefix + "rotated-1:");
    }

    [Fact]
    public async Task CorrectionRequest_ValueAndNote_EncryptedInTheAuditRow_ReadBackByTheApp()
    {
        var services = new TestServices(database.AppConnectionString, s => s.AddScoped<ResidentSelfService>());
        await using (services)
        {
            await services.SignInAsAsync(DemoAccounts.ResidentUser);
            (await services.Get<ResidentSelfService>().RequestCorrectionAsync("MaritalStatus", "Widowed", "My husband died in March")).Ok.Should().BeTrue();

            await using var conn = new NpgsqlConnection(database.AppConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT details::text FROM audit_logs WHERE action_type = 'CorrectionRequested'", conn);
            var raw = (string)(await cmd.ExecuteScalarAsync())!;
            raw.Should().Contain("\"field\": \"MaritalStatus\"").And.NotContain("Widowed").And.NotContain("husband");
            await using var db = await services.DbAsync();
            (await db.AuditLogs.AsNoTracking().Where(a => a.ActionType == "CorrectionRequested").Select(a => a.Details).SingleAsync())
                .Should().Contain("Widowed").And.Contain("My husband died in March");
            (await services.Get<ResidentSelfService>().RequestCorrectionAsync("MaritalStatus", "Widowed", "My husband died in March")).Value
                .Should().Be(0, "a double submit is still recognised through the encryption");
        }
    }

    [Fact]
    public void Cipher_ValueMovedToAnotherColumnOrAltered_FailsVerification()
    {
        var cipher = ColumnCipher.For(new FileStorageOptions { DataRoot = _keysRoot });
        var stored = cipher.Encrypt("minutes of the hearing", "KpHearing.Minutes");

        cipher.Decrypt(stored, "KpHearing.Minutes").Should().Be("minutes of the hearing");
        FluentActions.Invoking(() => cipher.Decrypt(stored, "Complaint.Description")).Should().Throw<InvalidOperationException>().WithMessage("*failed verification*");
        var altered = stored[..^4] + (stored[^4] == 'A' ? 'B' : 'A') + stored[^3..];
        FluentActions.Invoking(() => cipher.Decrypt(altered, "KpHearing.Minutes")).Should().Throw<InvalidOperationException>();
    }

    private BarangayDbContext Context(FileStorageOptions? keys, string? connectionString = null)
    {
        var b = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(b, connectionString ?? database.AppConnectionString, new DatabaseOptions { Keys = keys });
        return new BarangayDbContext(b.Options);
    }

    private async Task<Guid> InsertAsync(FileStorageOptions keys, string description)
    {
        await using var db = Context(keys);
        var c = new Complaint
        {
            Id = Guid.NewGuid(), ComplaintId = "TST-" + Guid.NewGuid().ToString("N")[..10], Category = "noise", Description = description,
            ReportedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
        };
        db.Complaints.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    private static async Task<(string Description, string Notes, string Metadata)> RawAsync(string connectionString, Guid id)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT description, coalesce(resolution_notes, ''), coalesce(metadata::text, '') FROM complaints WHERE id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync();
        (await r.ReadAsync()).Should().BeTrue();
        return (r.GetString(0), r.GetString(1), r.GetString(2));
    }

    private static async Task ExecuteAsync(string connectionString, string sql, Guid id)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("id", id);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A login that may only read this test's database (as a reporting tool or a leaked read-only account would).</summary>
    private async Task<ReadOnlyLogin> ReadOnlyLoginAsync()
    {
        var role = "ro_" + Guid.NewGuid().ToString("N")[..10];
        var password = Guid.NewGuid().ToString("N");
        var super = new NpgsqlConnectionStringBuilder(TestEnvironment.Super) { Database = new NpgsqlConnectionStringBuilder(database.AppConnectionString).Database };
        await using (var conn = new NpgsqlConnection(super.ConnectionString))
        {
            await conn.OpenAsync();
            foreach (var sql in new[]
                     {
                         $"CREATE ROLE {role} LOGIN PASSWORD '{password}'", $"GRANT CONNECT ON DATABASE \"{super.Database}\" TO {role}",
                         $"GRANT USAGE ON SCHEMA public TO {role}", $"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
                     })
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        var login = new NpgsqlConnectionStringBuilder(super.ConnectionString) { Username = role, Password = password, Pooling = false };
        return new ReadOnlyLogin(login.ConnectionString, super.ConnectionString, role);
    }

    private sealed record ReadOnlyLogin(string ConnectionString, string SuperConnectionString, string Role) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var conn = new NpgsqlConnection(SuperConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP OWNED BY {Role}; DROP ROLE {Role}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
