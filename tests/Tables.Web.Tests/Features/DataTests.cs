using Microsoft.EntityFrameworkCore;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;

namespace Tables.Web.Tests.Features;

public sealed class DataTests : IDisposable
{
    private readonly TablesAppFactory _app = new();

    [Fact]
    public async Task Migrations_apply_on_a_fresh_database_and_match_the_model()
    {
        _ = _app.Server;
        await _app.WithDbAsync(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
            var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal("wal", Assert.Single(mode));
        });
    }

    [Fact]
    public async Task The_sample_table_has_every_sector_and_role_and_a_cycle_in_implementation()
    {
        _ = _app.Server;
        await _app.WithDbAsync(async db =>
        {
            var table = await db.Tables.SingleAsync(t => t.Slug == "tilleuls", TestContext.Current.CancellationToken);
            Assert.Contains("fictive", table.Name, StringComparison.OrdinalIgnoreCase);
            var organisations = await db.Organisations.Where(o => o.TableId == table.Id).ToListAsync(TestContext.Current.CancellationToken);
            Assert.InRange(organisations.Count, 10, 14);
            Assert.Equal(Enum.GetValues<Sector>().ToHashSet(), organisations.Select(o => o.Sector).ToHashSet());
            var roles = await db.Memberships.Where(m => m.TableId == table.Id).Select(m => m.Role).Distinct().ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(Enum.GetValues<TableRole>().ToHashSet(), roles.ToHashSet());
            Assert.Contains(await db.Cycles.Where(c => c.TableId == table.Id).ToListAsync(TestContext.Current.CancellationToken), c => c.Phase == Phase.Implementation);
        });
    }

    [Fact]
    public async Task Loading_the_sample_a_second_time_adds_nothing()
    {
        _ = _app.Server;
        var before = (await _app.CountAsync<Table>(), await _app.CountAsync<Organisation>(), await _app.CountAsync<TablesUser>(), await _app.CountAsync<Cycle>(), await _app.CountAsync<PhaseChange>());

        // A second start of the app on the same data directory.
        using var second = new SecondStart(_app.DataDirectory);
        _ = second.Server;
        var after = (await second.CountAsync<Table>(), await second.CountAsync<Organisation>(), await second.CountAsync<TablesUser>(), await second.CountAsync<Cycle>(), await second.CountAsync<PhaseChange>());
        Assert.Equal(before, after);
        Assert.Equal(1, before.Item1);
    }

    [Fact]
    public async Task Every_change_writes_an_audit_entry_with_before_and_after()
    {
        using var client = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var table = await client.GetFromJsonAsync<TableDetail>("/api/tables/tilleuls", TestContext.Current.CancellationToken);
        var edit = new TableEdit { Name = "Table des Tilleuls renommée", Neighbourhood = table!.Neighbourhood, DefaultLanguage = "fr", IsPublic = true, Themes = [.. table.Themes], Version = table.Version };
        (await client.PutAsJsonAsync("/api/tables/tilleuls", edit, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var audit = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(Table) && a.Action == AuditAction.Updated).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("Camille Tremblay", entry.ActorName);
        Assert.Contains(table.Name, entry.Before);
        Assert.Contains("Table des Tilleuls renommée", entry.After);
    }

    public void Dispose() => _app.Dispose();

    /// <summary>The app started again on an existing data directory (the directory is left to the first factory).</summary>
    private sealed class SecondStart(string directory) : TablesAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Data:Directory", directory);
        }
    }
}
