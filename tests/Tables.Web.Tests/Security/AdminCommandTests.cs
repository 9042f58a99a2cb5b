using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Accounts;

namespace Tables.Web.Tests.Security;

/// <summary>The first administrator of a Production installation, from the command line (docs/DEPLOYMENT.md).</summary>
public sealed class AdminCommandTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static async Task<(int Code, string Output)> RunAsync(TablesAppFactory app, string[] args, string? stdin = null, Func<string, string?>? secret = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var output = new StringWriter();
        var code = await scope.ServiceProvider.GetRequiredService<AdminCommand>()
            .RunAsync(args, new AdminCommand.Terminal(new StringReader(stdin ?? ""), output, output, secret));
        return (code, output.ToString());
    }

    [Fact]
    public async Task A_password_typed_twice_on_the_terminal_makes_an_administrator_who_can_sign_in()
    {
        var answers = new Queue<string>(["Trois-pommes-vertes-7", "Trois-pommes-vertes-7"]);
        var (code, output) = await RunAsync(app, ["admin", "create", "premiere@example.org", "--name", "Première Admin"], secret: _ => answers.Dequeue());
        Assert.Equal(0, code);
        Assert.Contains("Compte administrateur·rice créé pour premiere@example.org.", output);
        using var client = await app.SignedInAsync("premiere@example.org", "Trois-pommes-vertes-7");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tables/new", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Two_different_passwords_or_a_weak_one_are_refused_and_nothing_is_created()
    {
        var answers = new Queue<string>(["Trois-pommes-vertes-7", "Trois-pommes-rouges-7"]);
        var (mismatch, output) = await RunAsync(app, ["admin", "create", "distraite@example.org"], secret: _ => answers.Dequeue());
        Assert.Equal(1, mismatch);
        Assert.Contains("ne sont pas identiques", output);
        foreach (var weak in new[] { "Motdepasse2026", "Azerty123456", "Court1", "Faible-faible-2026" })
        {
            var (code, message) = await RunAsync(app, ["admin", "create", "faible@example.org"], stdin: weak);
            Assert.True(code == 1, $"{weak} was accepted: {message}");
        }
        var (named, own) = await RunAsync(app, ["admin", "create", "gaston.lagaffe@example.org"], stdin: "Gastonlagaffe-2026");
        Assert.Equal(1, named);
        Assert.Contains("trop facile à deviner", own);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TablesUser>>();
        Assert.Null(await users.FindByEmailAsync("distraite@example.org"));
        Assert.Null(await users.FindByEmailAsync("faible@example.org"));
    }

    [Fact]
    public async Task An_empty_password_is_generated_and_printed_once()
    {
        var (code, output) = await RunAsync(app, ["admin", "create", "generee@example.org"], stdin: "");
        Assert.Equal(0, code);
        var password = output.Split(": ")[^1].Trim();
        Assert.Matches("^([A-Za-z0-9]{4}-){4}[A-Za-z0-9]{4}$", password);
        using var _ = await app.SignedInAsync("generee@example.org", password);
    }

    [Fact]
    public async Task Running_it_again_or_for_an_existing_account_changes_nothing_but_the_administrator_flag()
    {
        var (first, _) = await RunAsync(app, ["admin", "create", "deux-fois@example.org"], stdin: "Quatre-chats-gris-2027");
        var (second, again) = await RunAsync(app, ["admin", "create", "deux-fois@example.org"], stdin: "Autre-chose-2027");
        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains("est déjà administrateur·rice", again);
        using var _ = await app.SignedInAsync("deux-fois@example.org", "Quatre-chats-gris-2027");

        var (promoted, message) = await RunAsync(app, ["admin", "create", TablesAppFactory.Observer]);
        Assert.Equal(0, promoted);
        Assert.Contains("mot de passe inchangé", message);
        using var observer = await app.SignedInAsync(TablesAppFactory.Observer);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync("/tables/new", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Wrong_usage_says_how()
    {
        var (code, output) = await RunAsync(app, ["admin", "créer", "x@example.org"]);
        Assert.Equal(2, code);
        Assert.Contains("admin create COURRIEL", output);
    }

    [Fact]
    public async Task On_a_fresh_production_installation_the_command_creates_the_database_and_the_administrator()
    {
        var data = AppProcess.NewDataDirectory("admin");
        try
        {
            var created = await AppProcess.RunAsync(data, ["admin", "create", "admin@quartier.example"], input: "Cinq-tulipes-jaunes-2027");
            Assert.True(created.ExitCode == 0, created.Output);
            Assert.Contains("Compte administrateur·rice créé pour admin@quartier.example.", created.Output);
            Assert.True(File.Exists(Path.Combine(data, "tables.db")));
            var again = await AppProcess.RunAsync(data, ["admin", "create", "admin@quartier.example"], input: "");
            Assert.True(again.ExitCode == 0, again.Output);
            Assert.Contains("est déjà administrateur·rice", again.Output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
