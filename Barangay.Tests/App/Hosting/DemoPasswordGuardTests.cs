using System.Net;
using Barangay.Data.Accounts;
using Barangay.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Barangay.Tests.App.Hosting;

/// <summary>
/// The real app process in Production over the demo barangay, whose admin, secretary and juan keep the passwords
/// the README publishes: it refuses to start unless told it is a demonstration (issue 20, item 9).
/// </summary>
public sealed class DemoPasswordGuardTests : IAsyncLifetime
{
    private readonly DemoDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Production_over_the_demo_passwords_exits_with_the_accounts_named()
    {
        var start = () => AppProcess.StartAsync(_database.AppConnectionString, new Dictionary<string, string> { ["Demo__Allowed"] = "false" });

        var refused = await start.Should().ThrowAsync<InvalidOperationException>();

        refused.Which.Message.Should().Contain("exited (code 3)")
            .And.Contain("Refusing to start in Production")
            .And.Contain("admin, juan, kapitan, secretary, treasurer")
            .And.Contain("--demo");
    }

    [Fact]
    public async Task Production_over_the_demo_passwords_serves_when_it_is_a_demonstration()
    {
        await using var app = await AppProcess.StartAsync(_database.AppConnectionString); // Demo:Allowed=true, as in every end-to-end test

        using var http = new HttpClient();
        (await http.GetAsync(app.Url + "/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Production_serves_once_no_active_account_keeps_a_demo_password()
    {
        await using (var conn = new NpgsqlConnection(_database.OwnerConnectionString))
        {
            await conn.OpenAsync();
            // juan disabled (keeping his demo password); admin, secretary, the Punong Barangay and the treasurer with a password of their own.
            await using var cmd = new NpgsqlCommand("""
                UPDATE users SET status = 'disabled' WHERE username = 'juan';
                UPDATE users SET password_hash = @hash WHERE username IN ('admin', 'secretary', 'kapitan', 'treasurer');
                """, conn);
            cmd.Parameters.AddWithValue("hash", new PasswordHasher<User>().HashPassword(new User(), "a passphrase of their own 2026"));
            await cmd.ExecuteNonQueryAsync();
        }

        await using var app = await AppProcess.StartAsync(_database.AppConnectionString, new Dictionary<string, string> { ["Demo__Allowed"] = "false" });

        using var http = new HttpClient();
        (await http.GetAsync(app.Url + "/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
