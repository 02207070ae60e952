using System.Diagnostics;
using Barangay.App.Hosting;
using Barangay.Data.Accounts;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.App.Accounts;

/// <summary>`Barangay.App create-admin`, run as an operator would: the real app in its own process, over an empty database.</summary>
public class CreateAdminCommandTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string Password = "bantay ng barangay 2026";
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task CreateAdmin_OnAFreshDeployment_MakesAnAuditedAdminWhoCanSignIn_AndIfNoAdminThenDoesNothing()
    {
        var (code, output, error) = await RunAsync(["--username", "kapitana", "--email", "kapitana@sanroque.example", "--name", "Rosa P. Manalo"],
            password: Password);

        code.Should().Be(0, error);
        output.Should().Contain("Administrator 'kapitana' created.");
        await using var db = await _services.DbAsync();
        var admin = await db.Users.SingleAsync(u => u.UserName == "kapitana");
        admin.Roles.Should().Equal(AppRoles.Admin);
        admin.EmailConfirmed.Should().BeTrue();
        (await _services.Get<UserManager<User>>().CheckPasswordAsync(admin, Password)).Should().BeTrue();
        var trail = await db.AuditLogs.SingleAsync(a => a.TargetType == "User" && a.TargetId == admin.Id.ToString());
        trail.ActionType.Should().Be("Create");
        trail.ActorName.Should().StartWith("create-admin command (");
        trail.Details.Should().NotContain(admin.PasswordHash!, "the trail never holds the password hash");

        // A deployment may run it on every start: with an administrator there, nothing is asked or written.
        var again = await RunAsync(["--username", "another", "--email", "another@sanroque.example", "--name", "Another", "--if-no-admin"], password: null);
        again.Code.Should().Be(0, again.Error);
        again.Output.Should().Contain("An active administrator already exists");
        (await db.Users.AnyAsync(u => u.UserName == "another")).Should().BeFalse();
    }

    [Fact]
    public async Task CreateAdmin_WeakPasswordOrTakenUsername_RefusedWithTheReasonAndNothingWritten()
    {
        var weak = await RunAsync(["--username", "kagawad", "--email", "kagawad@sanroque.example", "--name", "Jose Rizal"], password: "password1234");
        weak.Code.Should().Be(1);
        weak.Error.Should().Contain("too common");

        // The password on standard input, as a script would pipe it.
        var first = await RunAsync(["--username", "secretaria", "--email", "secretaria@sanroque.example", "--name", "Liza Cruz"], password: null, stdin: Password);
        first.Code.Should().Be(0, first.Error);
        var taken = await RunAsync(["--username", "secretaria", "--email", "other@sanroque.example", "--name", "Liza Cruz"], password: Password);
        taken.Code.Should().Be(1);
        taken.Error.Should().Contain("secretaria").And.Contain("taken");

        var usage = await RunAsync(["--username", "x"], password: Password);
        usage.Code.Should().Be(2);
        usage.Error.Should().Contain("--email");

        await using var db = await _services.DbAsync();
        (await db.Users.CountAsync(u => u.UserName == "kagawad")).Should().Be(0);
        (await db.Users.CountAsync(u => u.Email == "other@sanroque.example")).Should().Be(0);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args, string? password, string? stdin = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Barangay.App.dll");
        var psi = new ProcessStartInfo("dotnet", ["exec", dll, "create-admin", .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        psi.Environment["ConnectionStrings__Default"] = database.AppConnectionString;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment.Remove(CreateAdminCommand.PasswordVariable);
        if (password is not null) psi.Environment[CreateAdminCommand.PasswordVariable] = password;
        using var process = Process.Start(psi)!;
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
