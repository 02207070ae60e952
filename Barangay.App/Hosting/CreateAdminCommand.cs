using Barangay.App.Accounts;

namespace Barangay.App.Hosting;

/// <summary>
/// <c>Barangay.App create-admin --username U --email E --name "Full Name" [--if-no-admin]</c>: the first administrator
/// of a real deployment. The password is never an argument (it would sit in the shell history and the process
/// list): it comes from <c>BARANGAY_ADMIN_PASSWORD</c>, or the first line of standard input, or a prompt that does not
/// echo. Exit codes: 0 created (or, with --if-no-admin, an administrator exists), 1 refused (the reason is printed),
/// 2 usage. Other arguments are configuration, as for the app (connection strings usually come from the environment).
/// </summary>
public static class CreateAdminCommand
{
    public const string PasswordVariable = "BARANGAY_ADMIN_PASSWORD";

    private const string Usage = "Usage: Barangay.App create-admin --username U --email E --name \"Full Name\" [--if-no-admin]\n"
        + $"The password comes from {PasswordVariable}, standard input, or a prompt.";

    public static async Task<int> RunAsync(string[] args)
    {
        string? userName = null, email = null, name = null;
        var onlyIfNone = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--username" when i + 1 < args.Length:
                    userName = args[++i];
                    break;
                case "--email" when i + 1 < args.Length:
                    email = args[++i];
                    break;
                case "--name" when i + 1 < args.Length:
                    name = args[++i];
                    break;
                case "--if-no-admin":
                    onlyIfNone = true;
                    break;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }
        if (userName is null || email is null || name is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await using var app = BarangayApp.Build(rest.ToArray());
        await using var scope = app.Services.CreateAsyncScope();
        var first = scope.ServiceProvider.GetRequiredService<FirstAdministrator>();
        // Checked before asking for a password, so a deployment's every-start run never waits at a prompt.
        if (onlyIfNone && await first.AdministratorExistsAsync())
        {
            Console.WriteLine("An active administrator already exists; nothing was created.");
            return 0;
        }
        var refused = await first.CreateAsync(new FirstAdministrator.Account(userName, email, name, ReadPassword()), Operator());
        if (refused is not null)
        {
            await Console.Error.WriteLineAsync(refused);
            return 1;
        }
        Console.WriteLine($"Administrator '{userName.Trim()}' created. Sign in at /Identity/Account/Login.");
        return 0;
    }

    private static string Operator() => $"{Environment.UserName}@{Environment.MachineName}";

    private static string ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (Console.IsInputRedirected) return Console.In.ReadLine() ?? "";
        Console.Write("Password for the new administrator: ");
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.WriteLine();
        return typed.ToString();
    }
}
