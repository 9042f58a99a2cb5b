using System.Text;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Features.ActionPlan;

namespace Tables.Web.Tests.Features;

/// <summary>The action plan through its REST API on the sample plan: rights by role, concurrency, roll-up, lateness, history, chain, exports.</summary>
public sealed class PlanTests(PlanTests.App app) : IClassFixture<PlanTests.App>
{
    public sealed class App : TablesAppFactory
    {
        public App() => Settings["Jobs:TickSeconds"] = "0";
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ActionUrl(int id, string rest = "") => $"/api/tables/tilleuls/plan/actions/{id}{rest}";

    [Fact]
    public async Task A_partner_reports_on_its_organisations_action_but_not_on_another_and_an_observer_on_none()
    {
        var (own, other, _) = await app.SampleActionsAsync();
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        using var observer = await app.SignedInAsync(TablesAppFactory.Observer);
        var before = await app.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Id == other));

        var mine = await partner.PostAsJsonAsync(ActionUrl(own, "/journal"), new { on = "2026-11-20", text = "Distribution doublée", progress = 77 }, Ct);
        var theirs = await partner.PostAsJsonAsync(ActionUrl(other, "/journal"), new { on = "2026-11-20", text = "Intrusion", progress = 99 }, Ct);
        var theirStatus = await partner.PostAsJsonAsync(ActionUrl(other, "/progress"), new { status = "Done", progress = 100 }, Ct);
        var observed = await observer.PostAsJsonAsync(ActionUrl(own, "/progress"), new { status = "Done", progress = 100 }, Ct);
        var partnerEdit = await partner.PutAsJsonAsync(ActionUrl(own, "/"), new { title = "Renommée par un partenaire" }, Ct);

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, theirStatus.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, observed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partnerEdit.StatusCode);
        var (ownAfter, otherAfter, intrusions) = await app.WithDbAsync(async db => (
            await db.Actions.AsNoTracking().SingleAsync(a => a.Id == own),
            await db.Actions.AsNoTracking().SingleAsync(a => a.Id == other),
            await db.Journal.CountAsync(j => j.Text == "Intrusion")));
        Assert.Equal(77, ownAfter.Progress);
        Assert.Equal(before.Progress, otherAfter.Progress);
        Assert.Equal(before.Version, otherAfter.Version);
        Assert.Equal(0, intrusions);
    }

    [Fact]
    public async Task Two_editors_on_one_action_the_second_gets_a_conflict_and_changes_nothing()
    {
        var (_, other, _) = await app.SampleActionsAsync();
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        using var facilitator = await app.SignedInAsync(TablesAppFactory.Facilitator);
        var detail = await coordinator.GetFromJsonAsync<ActionDetail>(ActionUrl(other, "/"), Ct);
        var version = detail!.Summary.Version;

        var first = await coordinator.PutAsJsonAsync(ActionUrl(other, "/"), new { title = "Titre de la coordination", status = "InProgress", progress = 30, version }, Ct);
        var second = await facilitator.PutAsJsonAsync(ActionUrl(other, "/"), new { title = "Titre de l'animation", status = "Done", progress = 100, version }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var stored = await app.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Id == other));
        Assert.Equal("Titre de la coordination", stored.Title);
        Assert.Equal(30, stored.Progress);

        var history = await coordinator.GetFromJsonAsync<List<HistoryLine>>(ActionUrl(other, "/history"), Ct);
        var change = history!.First(h => h.Entity == nameof(ActionItem) && h.Changes.Any(c => c.Field == "Title"));
        Assert.Equal("Camille Tremblay", change.By);
        Assert.Equal("Titre de la coordination", change.Changes.Single(c => c.Field == "Title").After);
    }

    [Fact]
    public void Progress_rolls_up_weighted_when_weights_are_set_else_the_mean_leaving_out_cancelled_and_archived()
    {
        ActionItem A(int progress, decimal? weight = null, ActionStatus status = ActionStatus.InProgress, bool archived = false) =>
            new() { Progress = progress, Weight = weight, Status = status, Archived = archived };

        Assert.Equal(50, ProgressRollup.Objective([A(20), A(80), A(0, status: ActionStatus.Cancelled), A(0, archived: true)]));
        Assert.Equal(60, ProgressRollup.Objective([A(20, 1), A(80, 2), A(50, 0)]));
        Assert.Null(ProgressRollup.Objective([]));
        var objectives = new[] { (new Objective { Weight = 3 }, (double?)100), (new Objective(), (double?)0), (new Objective(), (double?)null) };
        Assert.Equal(75, ProgressRollup.Priority(objectives));
    }

    [Fact]
    public void Late_means_a_milestone_past_due_not_done_or_an_action_past_its_end_neither_done_nor_cancelled()
    {
        var today = new DateOnly(2026, 6, 1);
        var action = new ActionItem
        {
            End = new DateOnly(2026, 5, 31), Status = ActionStatus.InProgress,
            Milestones = [new Milestone { Due = new DateOnly(2026, 5, 1) }, new Milestone { Due = new DateOnly(2026, 5, 1), Done = true }, new Milestone { Due = today }],
        };
        Assert.True(Lateness.IsLate(action, today));
        Assert.Single(Lateness.LateMilestones(action, today));
        action.Status = ActionStatus.Done;
        Assert.False(Lateness.IsLate(action, today));
        action.Status = ActionStatus.Cancelled;
        Assert.Empty(Lateness.LateMilestones(action, today));
    }

    [Fact]
    public async Task The_dashboard_counts_the_late_items_and_rolls_budgets_up_per_funder()
    {
        var (_, _, cycle) = await app.SampleActionsAsync();
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        var dashboard = await partner.GetFromJsonAsync<Dashboard>($"/api/tables/tilleuls/plan/cycles/{cycle}/dashboard", Ct);

        var expectedLate = await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            var actions = await db.Actions.AsNoTracking().Include(a => a.Milestones).Where(a => a.CycleId == cycle && !a.Archived).ToListAsync();
            return actions.Sum(a => Lateness.LateMilestones(a, today).Count() + (Lateness.IsLate(a, today) ? 1 : 0));
        });
        Assert.True(expectedLate > 0, "the sample has late milestones");
        Assert.Equal(expectedLate, dashboard!.Late.Count);
        var centraide = dashboard.Funders.Single(f => f.Funder.StartsWith("Centraide", StringComparison.Ordinal));
        Assert.True(centraide.Granted >= centraide.Received && centraide.Received > 0);
        Assert.Equal(dashboard.Actions, dashboard.Mix.Values.Sum());

        var filtered = await partner.GetFromJsonAsync<Dashboard>($"/api/tables/tilleuls/plan/cycles/{cycle}/dashboard?status=Done", Ct);
        Assert.Equal(dashboard.Statuses[ActionStatus.Done], filtered!.Actions);
    }

    [Fact]
    public async Task An_idea_leads_to_its_option_priority_and_actions_and_an_action_back_to_its_ideas_showing_no_person()
    {
        var (own, _, _) = await app.SampleActionsAsync();
        using var anonymous = app.Client();
        var origins = await anonymous.GetFromJsonAsync<ActionOrigins>(ActionUrl(own, "/origins"), Ct);
        Assert.NotEmpty(origins!.Options);
        var idea = origins.Ideas.First();

        var chain = await anonymous.GetFromJsonAsync<IdeaChainView>($"/api/tables/tilleuls/plan/ideas/{idea.Id}", Ct);
        var actions = chain!.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).Concat(chain.NamedBy).Select(a => a.Id);
        Assert.Contains(own, actions);
        Assert.Contains(chain.Priorities, p => p.Id == origins.PriorityId);
        // The public sees the organisation of a journal entry, never the person.
        Assert.All(chain.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).SelectMany(a => a.Journal), j => Assert.Null(j.Author));
    }

    [Fact]
    public async Task Move_duplicate_and_archive_keep_the_plan_in_order()
    {
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var values = await app.PlanValuesAsync();
        var action = int.Parse(values["{matrix-action}"], System.Globalization.CultureInfo.InvariantCulture);
        var (own, _, _) = await app.SampleActionsAsync();
        var target = await app.WithDbAsync(db => db.Actions.Where(a => a.Id == own).Select(a => a.ObjectiveId).SingleAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync(ActionUrl(action, "/move"), new { parentId = target, position = 0 }, Ct)).StatusCode);
        var copy = await (await coordinator.PostAsync(ActionUrl(action, "/duplicate"), null, Ct)).Content.ReadFromJsonAsync<CreatedId>(Ct);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync(ActionUrl(action, "/archive"), new { archived = true }, Ct)).StatusCode);

        var siblings = await app.WithDbAsync(db => db.Actions.AsNoTracking().Where(a => a.ObjectiveId == target).OrderBy(a => a.Order).ToListAsync());
        Assert.Equal(action, siblings[0].Id);
        Assert.Equal(copy!.Id, siblings[1].Id);
        Assert.True(siblings[0].Archived);
        Assert.Equal(Enumerable.Range(1, siblings.Count), siblings.Select(a => a.Order));
        var refused = await coordinator.PostAsJsonAsync(ActionUrl(action, "/move"), new { parentId = 987654, position = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Csv_exports_neutralise_formulas_and_hide_budgets_from_the_public_unless_chosen()
    {
        var (own, _, cycle) = await app.SampleActionsAsync();
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        await partner.PostAsJsonAsync(ActionUrl(own, "/journal"), new { on = "2026-11-21", text = "=HYPERLINK(\"http://x.example\")" }, Ct);
        using var anonymous = app.Client();

        var journal = Encoding.UTF8.GetString(await anonymous.GetByteArrayAsync($"/api/tables/tilleuls/plan/cycles/{cycle}/journal.csv", Ct));
        var actions = Encoding.UTF8.GetString(await anonymous.GetByteArrayAsync($"/api/tables/tilleuls/plan/cycles/{cycle}/actions.csv", Ct));
        using var member = await app.SignedInAsync(TablesAppFactory.Observer);
        var memberActions = Encoding.UTF8.GetString(await member.GetByteArrayAsync($"/api/tables/tilleuls/plan/cycles/{cycle}/actions.csv", Ct));

        Assert.Contains("\"'=HYPERLINK(\"\"http://x.example\"\")\"", journal);
        Assert.DoesNotContain("Fatou Diallo", journal);
        Assert.Contains(PlanTestKit.PartnerOrganisation, journal);
        Assert.DoesNotContain("Budget", actions.Split('\n')[0]);
        Assert.Contains("Budget", memberActions.Split('\n')[0]);
    }
}
