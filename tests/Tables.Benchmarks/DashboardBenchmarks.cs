using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.ActionPlan;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;

namespace Tables.Benchmarks;

/// <summary>
/// The partner dashboard's server work on a plan of 200 actions (2 funding lines, 3 milestones, 1 indicator with 4
/// values and 2 partners each) and 2,000 journal entries, with 2,000 audited changes in the last two weeks — on a
/// SQLite file migrated like the app's. Beside it, in the same run: the plan tree (same snapshot, no audit) and the
/// snapshot alone (the queries), so the figure says where the time goes. Goal: dashboard p95 &lt; 50 ms.
/// </summary>
[Config(typeof(Percentiles))]
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95);
    }

    private string _file = "";
    private TablesDbContext _db = default!;
    private PlanRights _rights = default!;
    private PlanService _plans = default!;
    private PlanDashboard _dashboard = default!;
    private int _cycle;
    private DateTime _since;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"tables-dashboard-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<TablesDbContext>().UseSqlite(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = true }.ToString()).Options;
        var scope = new TableScope();
        scope.EnterAllTables();
        using (var seed = new TablesDbContext(options, scope))
        {
            seed.Database.Migrate();
            Seed(seed);
        }
        var tableScope = new TableScope();
        _db = new TablesDbContext(options, tableScope);
        var table = _db.Tables.Single();
        tableScope.Enter(table.Id);
        _cycle = _db.Cycles.Single().Id;
        _rights = new PlanRights(new TableAccess(table, TableRole.Partner, false), _db.Organisations.First().Id);
        _plans = new PlanService(_db, TimeProvider.System);
        _dashboard = new PlanDashboard(_db, _plans, TimeProvider.System);
        _since = DateTime.UtcNow.AddDays(-14);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Benchmark(Description = "Dashboard: 200 actions, 2,000 journal entries, changes since 2 weeks")]
    public Task<Dashboard?> Dashboard() => _dashboard.GetAsync(_rights, _cycle, new DashboardFilter(), _since);

    [Benchmark(Description = "Plan tree with roll-up (same snapshot)")]
    public Task<PlanView?> PlanTree() => _plans.GetPlanAsync(_rights, _cycle);

    [Benchmark(Description = "Snapshot only (the queries)")]
    public Task<PlanSnapshot?> Snapshot() => _plans.LoadAsync(_rights.Access, _cycle);

    private static void Seed(TablesDbContext db)
    {
        var random = new Random(15);
        var table = new Table { Name = "Banc d'essai", Slug = "banc", Neighbourhood = "Q", IsPublic = true };
        db.Tables.Add(table);
        db.SaveChanges();
        var organisations = Enumerable.Range(1, 12).Select(i => new Organisation { TableId = table.Id, Name = $"Organisme {i}" }).ToList();
        db.Organisations.AddRange(organisations);
        var cycle = new Cycle { TableId = table.Id, Title = "Plan", Start = new DateOnly(2025, 1, 1), End = new DateOnly(2028, 12, 31), Phase = Phase.Implementation };
        db.Cycles.Add(cycle);
        db.SaveChanges();
        var priorities = Enumerable.Range(1, 6).Select(i => new Priority { TableId = table.Id, CycleId = cycle.Id, Title = $"Priorité {i}", Order = i }).ToList();
        db.Priorities.AddRange(priorities);
        db.SaveChanges();
        var objectives = priorities.SelectMany(p => Enumerable.Range(1, 4).Select(i => new Objective { TableId = table.Id, CycleId = cycle.Id, PriorityId = p.Id, Title = $"Objectif {i}", Order = i })).ToList();
        db.Objectives.AddRange(objectives);
        db.SaveChanges();
        string[] funders = ["Centraide", "Ville", "Santé publique", "Fondation", "Caisse", "Ministère", "Arrondissement"];
        var actions = Enumerable.Range(0, 200).Select(i =>
        {
            var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 700));
            return new ActionItem
            {
                TableId = table.Id, CycleId = cycle.Id, ObjectiveId = objectives[i % objectives.Count].Id, Order = i, Title = $"Action {i}", Theme = $"Thème {i % 7}",
                Tag = (TransitionTag)(i % 4), LeadOrganisationId = organisations[i % 12].Id, WorkingGroup = $"Comité {i % 5}", Start = start, End = start.AddDays(random.Next(90, 900)),
                Status = (ActionStatus)(i % 5), Progress = random.Next(0, 101), UpdatedAt = DateTime.UtcNow,
                Partners = [new ActionPartner { TableId = table.Id, OrganisationId = organisations[(i + 1) % 12].Id }, new ActionPartner { TableId = table.Id, OrganisationId = organisations[(i + 5) % 12].Id }],
                Funding = Enumerable.Range(0, 2).Select(k => new FundingLine { TableId = table.Id, Funder = funders[(i + k) % funders.Length], Amount = random.Next(1000, 90000), Status = (FundingStatus)((i + k) % 3) }).ToList(),
                Milestones = Enumerable.Range(1, 3).Select(k => new Milestone { TableId = table.Id, Title = $"Jalon {k}", Due = start.AddDays(k * 120), Done = random.Next(3) > 0 }).ToList(),
                Indicators = [new Indicator { TableId = table.Id, Label = "Personnes rejointes", Unit = "personnes", Baseline = 0, Target = 100 }],
            };
        }).ToList();
        db.Actions.AddRange(actions);
        db.SaveChanges();
        foreach (var a in actions)
        {
            db.IndicatorValues.AddRange(Enumerable.Range(1, 4).Select(k => new IndicatorValue { TableId = table.Id, ActionId = a.Id, IndicatorId = a.Indicators[0].Id, On = a.Start!.Value.AddDays(k * 60), Value = k * 10 }));
        }
        var now = DateTime.UtcNow;
        db.Journal.AddRange(Enumerable.Range(0, 2000).Select(i => new JournalEntry
        {
            TableId = table.Id, CycleId = cycle.Id, ActionId = actions[i % 200].Id, On = new DateOnly(2025, 1, 1).AddDays(i % 700), At = now.AddDays(-(i % 700)),
            AuthorName = "Partenaire", OrganisationName = "Organisme", Text = $"Entrée {i} : ce qui s'est passé cette semaine.", Progress = i % 3 == 0 ? i % 100 : null,
        }));
        // What two weeks of reporting leave in the audit: journal entries and progress changes, filed under their action.
        db.AuditEntries.AddRange(Enumerable.Range(0, 2000).Select(i => new AuditEntry
        {
            TableId = table.Id, ActorName = "Partenaire", At = now.AddMinutes(-i * 10), Entity = i % 2 == 0 ? nameof(JournalEntry) : nameof(ActionItem),
            EntityId = actions[i % 200].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = i % 2 == 0 ? AuditAction.Created : AuditAction.Updated,
            Subject = PlanSubjects.Action(actions[i % 200].Id),
            Before = i % 2 == 0 ? null : "{\"Progress\":10,\"Status\":\"Planned\"}", After = i % 2 == 0 ? "{\"Text\":\"Entrée\"}" : "{\"Progress\":20,\"Status\":\"InProgress\"}",
        }));
        db.SaveChanges();
    }
}
