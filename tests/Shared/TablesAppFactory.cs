using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Live;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;

namespace Tables.Testing;

/// <summary>
/// The real app on a fresh SQLite database in its own temporary data directory, with the fictional sample loaded.
/// E-mails are captured instead of logged so tests can follow reset links.
/// </summary>
public class TablesAppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Tilleuls-demo-2026";
    public const string Coordinator = "coordination@tilleuls.example";
    public const string Facilitator = "animation@tilleuls.example";
    public const string Partner = "partenaire@tilleuls.example";
    public const string Observer = "observation@tilleuls.example";
    public const string Administrator = "admin@tables.example";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "tables-tests", Guid.NewGuid().ToString("N"));
    public CapturedEmails Emails { get; } = new();

    /// <summary>Extra configuration for this app (e.g. a lower rate limit), applied at start.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the app serves only published static assets: the test host serves the build's.
        builder.UseStaticWebAssets();
        builder.UseSetting("Data:Directory", DataDirectory);
        builder.UseSetting("Samples:Load", "true");
        // Background jobs write their leases on a timer, which would race tests that compare the database before and
        // after a request; tests that need a job run it themselves (JobScheduler.RunIfDueAsync).
        builder.UseSetting("Jobs:TickSeconds", "0");
        // TABLES_TEST_DATABASE=Postgres runs every test app on a new PostgreSQL database (PostgresServer), unless the
        // test chose its database itself: the data tests of the whole suite on the second provider.
        if (string.Equals(Environment.GetEnvironmentVariable("TABLES_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase)
            && !Settings.ContainsKey("Database:Provider") && !Settings.ContainsKey("ConnectionStrings:Tables"))
        {
            var database = Task.Run(PostgresServer.NewDatabaseAsync).GetAwaiter().GetResult()
                ?? throw new InvalidOperationException($"TABLES_TEST_DATABASE=Postgres: {PostgresServer.Missing}");
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Tables", database);
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IEmailSender<TablesUser>>();
            services.AddSingleton<IEmailSender<TablesUser>>(Emails);
            // On the in-memory test server the instance reaches its own live hub through the server's handler.
            services.RemoveAll<LiveLoopback>();
            services.AddSingleton(sp => sp.GetRequiredService<IServer>() is TestServer test ? new TestServerLoopback(test) : new LiveLoopback(sp.GetRequiredService<IServer>()));
        });
    }

    /// <summary>An installation administrator, for setting things up through the services as the app would.</summary>
    public static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));

    /// <summary>Reads or changes the database directly, across every table (a test checks what is stored).</summary>
    public async Task WithDbAsync(Func<TablesDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TableScope>().EnterAllTables();
        await action(scope.ServiceProvider.GetRequiredService<TablesDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<TablesDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TableScope>().EnterAllTables();
        return await query(scope.ServiceProvider.GetRequiredService<TablesDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> in a service scope that entered the table <paramref name="slug"/> as an administrator, as a request would.</summary>
    public async Task<T> InTableAsync<T>(string slug, Func<IServiceProvider, TableAccess, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var access = await scope.ServiceProvider.GetRequiredService<TableService>().EnterAsync(Admin, slug)
            ?? throw new InvalidOperationException($"no table {slug}");
        return await work(scope.ServiceProvider, access);
    }

    /// <inheritdoc cref="InTableAsync{T}"/>
    public Task InTableAsync(string slug, Func<IServiceProvider, TableAccess, Task> work) =>
        InTableAsync(slug, async (sp, access) =>
        {
            await work(sp, access);
            return true;
        });

    /// <summary>Creates another table with its own coordinator (the given e-mail), private unless said otherwise.</summary>
    public async Task<string> CreateOtherTableAsync(string slug, string coordinatorEmail, bool isPublic = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TablesUser>>();
        var user = new TablesUser { UserName = coordinatorEmail, Email = coordinatorEmail, DisplayName = coordinatorEmail, EmailConfirmed = true };
        var created = await users.CreateAsync(user, DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "test"));
        await scope.ServiceProvider.GetRequiredService<TableService>().CreateAsync(principal, new TableCreate
        {
            Slug = slug, Name = $"Table {slug}", Neighbourhood = slug, IsPublic = isPublic, DefaultLanguage = "fr",
        });
        return slug;
    }

    public Task<int> CountAsync<T>() where T : class => WithDbAsync(db => db.Set<T>().IgnoreQueryFilters().CountAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>E-mails the app sent, by recipient, newest last.</summary>
public sealed class CapturedEmails : IEmailSender<TablesUser>
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _links = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> LinksTo(string email) => _links.TryGetValue(email, out var q) ? q.ToList() : [];

    public Task SendConfirmationLinkAsync(TablesUser user, string email, string confirmationLink) => Add(email, confirmationLink);
    public Task SendPasswordResetLinkAsync(TablesUser user, string email, string resetLink) => Add(email, resetLink);
    public Task SendPasswordResetCodeAsync(TablesUser user, string email, string resetCode) => Add(email, resetCode);

    private Task Add(string email, string link)
    {
        _links.GetOrAdd(email, _ => new()).Enqueue(link);
        return Task.CompletedTask;
    }
}

/// <summary>The app's own live hub on the in-memory test server (no socket to connect to).</summary>
public sealed class TestServerLoopback(TestServer server) : LiveLoopback(server)
{
    public override Uri HubUrl => new(server.BaseAddress, "/hubs/live");

    public override void Configure(HttpConnectionOptions options)
    {
        options.HttpMessageHandlerFactory = _ => server.CreateHandler();
        var headers = options.Headers;
        options.WebSocketFactory = async (context, ct) =>
        {
            var client = server.CreateWebSocketClient();
            client.ConfigureRequest = request =>
            {
                foreach (var (name, value) in headers)
                {
                    request.Headers[name] = value;
                }
            };
            return await client.ConnectAsync(context.Uri, ct);
        };
    }
}
