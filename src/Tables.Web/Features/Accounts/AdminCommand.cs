using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Features.Accounts;

/// <summary>
/// <c>admin create someone@example.org [--name "Display name"]</c>: the first administrator of an installation (or one
/// more), from the server's command line, before the web host starts. The password is asked twice on a terminal, read
/// from the first line of standard input when it is redirected, or generated and printed when left empty. A weak one is
/// refused. Idempotent: an existing account is made administrator, its password untouched.
/// Exit codes: 0 done (or nothing to do), 1 refused (weak password, invalid address), 2 wrong usage.
/// </summary>
public sealed class AdminCommand(UserManager<TablesUser> users, IStringLocalizer<UiText> text)
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "admin";

    /// <summary>How the command talks to the person at the server.</summary>
    public sealed record Terminal(TextReader Input, TextWriter Output, TextWriter Error, Func<string, string?>? ReadSecret)
    {
        public static Terminal FromConsole() => new(Console.In, Console.Out, Console.Error, Console.IsInputRedirected ? null : ReadHidden);

        private static string? ReadHidden(string prompt)
        {
            Console.Write(prompt);
            var secret = new System.Text.StringBuilder();
            while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
            {
                if (key.Key == ConsoleKey.Backspace && secret.Length > 0)
                {
                    secret.Length--;
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    secret.Append(key.KeyChar);
                }
            }
            Console.WriteLine();
            return secret.ToString();
        }
    }

    public async Task<int> RunAsync(string[] args, Terminal terminal)
    {
        if (args is not ["admin", "create", var email, .. var rest] || rest is not ([] or ["--name", _]))
        {
            await terminal.Error.WriteLineAsync(text["Admin.Usage"]);
            return 2;
        }
        var name = rest is [_, var n] ? n : "";
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            if (existing.IsAdministrator)
            {
                await terminal.Output.WriteLineAsync(text["Admin.AlreadyAdministrator", email]);
                return 0;
            }
            existing.IsAdministrator = true;
            var updated = await users.UpdateAsync(existing);
            return await ReportAsync(updated, terminal, text["Admin.MadeAdministrator", email]);
        }

        var password = ReadPassword(terminal, out var mismatch);
        if (mismatch)
        {
            await terminal.Error.WriteLineAsync(text["Reset.Mismatch"]);
            return 1;
        }
        var generated = string.IsNullOrEmpty(password);
        var user = new TablesUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name.Trim(), IsAdministrator = true };
        var created = await users.CreateAsync(user, generated ? Generate() : password!);
        var code = await ReportAsync(created, terminal, text["Admin.Created", email]);
        if (created.Succeeded && generated)
        {
            await terminal.Output.WriteLineAsync(text["Admin.GeneratedPassword", _generated!]);
        }
        return code;
    }

    private string? _generated;

    private string? ReadPassword(Terminal terminal, out bool mismatch)
    {
        mismatch = false;
        if (terminal.ReadSecret is null)
        {
            return terminal.Input.ReadLine();
        }
        var first = terminal.ReadSecret(text["Admin.PasswordPrompt"]);
        if (string.IsNullOrEmpty(first))
        {
            return null;
        }
        mismatch = terminal.ReadSecret(text["Admin.PasswordAgain"]) != first;
        return first;
    }

    /// <summary>Five groups of four from an alphabet without look-alikes (about 119 bits), with a digit and both cases.</summary>
    private string Generate()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        string password;
        do
        {
            password = string.Join("-", Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetString(alphabet, 4)));
        }
        while (!password.Any(char.IsDigit) || !password.Any(char.IsUpper) || !password.Any(char.IsLower));
        return _generated = password;
    }

    private static async Task<int> ReportAsync(IdentityResult result, Terminal terminal, string done)
    {
        if (result.Succeeded)
        {
            await terminal.Output.WriteLineAsync(done);
            return 0;
        }
        foreach (var error in result.Errors)
        {
            await terminal.Error.WriteLineAsync(error.Description);
        }
        return 1;
    }
}
