using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Data;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

namespace Tables.Web.Tests.Tenancy;

/// <summary>Tenancy by convention: every table-owned row is filtered by the table in scope, and nothing is seen out of scope.</summary>
public sealed class TenancyTests(TenancyTests.App app) : IClassFixture<TenancyTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_entity_with_a_table_is_table_owned_and_filtered()
    {
        await app.WithDbAsync(db =>
        {
            var withTable = db.Model.GetEntityTypes().Where(e => e.FindProperty(nameof(ITableOwned.TableId)) is not null && e.ClrType != typeof(Tables.Web.Data.Auditing.AuditEntry)).ToList();
            Assert.Contains(withTable, e => e.ClrType == typeof(Vote));
            Assert.Contains(withTable, e => e.ClrType == typeof(Participant));
            Assert.All(withTable, e =>
            {
                Assert.True(typeof(ITableOwned).IsAssignableFrom(e.ClrType), $"{e.ClrType.Name} has a TableId but is not ITableOwned");
                Assert.NotEmpty(e.GetDeclaredQueryFilters());
            });
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_scope_sees_its_own_table_only_and_nothing_before_it_enters_one()
    {
        // The other table gets a cycle of its own; the sample table has cycles, forums, ballots, votes and participants.
        await app.InTableAsync("tenancy-other", (sp, access) => sp.GetRequiredService<CycleService>().CreateAsync(access, TablesAppFactory.Admin,
            new CycleEdit { Title = "Autre", Start = new DateOnly(2026, 1, 1), End = new DateOnly(2027, 1, 1) }));

        await using (var outside = app.Services.CreateAsyncScope())
        {
            var db = outside.ServiceProvider.GetRequiredService<TablesDbContext>();
            Assert.Empty(await db.Cycles.ToListAsync(Ct));
            Assert.Empty(await db.Votes.ToListAsync(Ct));
            Assert.Empty(await db.Participants.ToListAsync(Ct));
        }
        var (cycles, votes, otherTable) = await app.InTableAsync("tilleuls", async (sp, access) =>
        {
            var db = sp.GetRequiredService<TablesDbContext>();
            return (await db.Cycles.Select(c => c.TableId).Distinct().ToListAsync(Ct), await db.Votes.Select(v => v.TableId).Distinct().ToListAsync(Ct),
                await db.Tables.Where(t => t.Slug == "tenancy-other").Select(t => t.Id).SingleAsync(Ct));
        });
        var sample = await app.WithDbAsync(db => db.Tables.Where(t => t.Slug == "tilleuls").Select(t => t.Id).SingleAsync());
        Assert.Equal([sample], cycles);
        Assert.Equal([sample], votes);
        Assert.Equal(2, await app.WithDbAsync(db => db.Cycles.Select(c => c.TableId).Distinct().CountAsync()));
        Assert.NotEqual(sample, otherTable);
    }

    [Fact]
    public async Task A_scope_serves_one_table()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tables = scope.ServiceProvider.GetRequiredService<TableService>();
        Assert.NotNull(await tables.EnterAsync(TablesAppFactory.Admin, "tilleuls", Ct));
        // A second table in the same request, hub call or screen is refused like an unknown one.
        Assert.Null(await tables.EnterAsync(TablesAppFactory.Admin, "tenancy-other", Ct));
    }

    public sealed class App : TablesAppFactory, IAsyncLifetime
    {
        public async ValueTask InitializeAsync() => await CreateOtherTableAsync("tenancy-other", "other@tenancy.example");
    }
}
