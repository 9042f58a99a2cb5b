using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Tables.Web.Components.ActionPlan;
using Tables.Web.Components.Shared;
using Tables.Web.Features.ActionPlan;

namespace Tables.Web.Tests.Components;

/// <summary>The plan's components: charts, progress, status, journal, history, the timeline.</summary>
public sealed class PlanComponentTests : BunitContext
{
    public PlanComponentTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("fr-CA");
    }

    private static ActionSummary Action(int id, string title, ActionStatus status, int progress, DateOnly? start, DateOnly? end, bool late = false) =>
        new(id, 1, title, null, TransitionTag.Social, 1, "Cuisine collective", [], null, start, end, status, progress, null, false, 1000m, late, 0, false, Guid.Empty);

    [Fact]
    public void A_bar_chart_shows_each_row_with_its_figures_as_text_and_bars_to_scale()
    {
        var chart = Render<BarChart>(p => p.Add(c => c.Caption, "Budget").Add(c => c.Series, ["Accordé", "Reçu"])
            .Add(c => c.Rows, [new BarChart.Row("Centraide", [100, 50]), new BarChart.Row("Ville", [200, 0])]));

        Assert.Equal("Budget", chart.Find("figcaption").TextContent);
        var rows = chart.FindAll(".bar-row");
        Assert.Equal(["Centraide", "Ville"], rows.Select(r => r.GetAttribute("data-label") ?? "").ToArray());
        Assert.Contains("Accordé : 100", rows[0].TextContent.Replace('\u00A0', ' '));
        Assert.Equal("width: 50%", rows[0].QuerySelector(".bar.series-0")!.GetAttribute("style"));
        Assert.Equal("width: 100%", rows[1].QuerySelector(".bar.series-0")!.GetAttribute("style"));
        Assert.All(chart.FindAll(".bar"), b => Assert.Equal("true", b.GetAttribute("aria-hidden")));
    }

    [Fact]
    public void Progress_is_written_in_french_with_its_bar_clamped()
    {
        var meter = Render<ProgressMeter>(p => p.Add(c => c.Value, 42.4));
        Assert.Equal("42\u00A0%", meter.Find(".meter-value").TextContent);
        Assert.Equal("width: 42.4%", meter.Find(".meter-fill").GetAttribute("style"));
        Assert.Equal("—", Render<ProgressMeter>(p => p.Add(c => c.Value, null)).Find(".meter-value").TextContent);
        Assert.Equal("width: 100%", Render<ProgressMeter>(p => p.Add(c => c.Value, 140)).Find(".meter-fill").GetAttribute("style"));
    }

    [Fact]
    public void A_status_chip_names_the_status_and_says_when_it_is_late()
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, ActionStatus.InProgress).Add(c => c.Late, true));
        Assert.Equal("En cours", chip.Find("[data-status]").TextContent);
        Assert.Equal("En retard", chip.Find(".status-late").TextContent);
    }

    [Fact]
    public void The_journal_shows_the_person_to_members_and_only_the_organisation_to_the_public()
    {
        JournalView[] entries =
        [
            new(1, new DateOnly(2026, 5, 4), DateTime.UtcNow, "Fatou Diallo", "Cuisine collective", "Ouverture", ActionStatus.InProgress, 20),
            new(2, new DateOnly(2026, 6, 4), DateTime.UtcNow, null, "Cuisine collective", "Bilan", null, 40),
        ];
        var list = Render<JournalList>(p => p.Add(c => c.Entries, entries));
        var items = list.FindAll("li[data-entry]");
        Assert.Contains("Fatou Diallo · Cuisine collective", items[0].TextContent);
        Assert.DoesNotContain("Fatou", items[1].TextContent);
        Assert.Contains("4 mai 2026", items[0].TextContent);
        Assert.Contains("40\u00A0%", items[1].TextContent);
    }

    [Fact]
    public void The_history_names_fields_and_values_in_the_readers_words()
    {
        HistoryLine[] lines = [new(DateTime.UtcNow, "Camille Tremblay", nameof(ActionItem), "Updated", [new FieldChange("Status", "Planned", "InProgress"), new FieldChange("Title", "A", "B")])];
        var history = Render<HistoryList>(p => p.Add(c => c.Lines, lines));
        var changes = history.FindAll(".changes li").Select(li => li.TextContent).ToArray();
        Assert.Contains("Camille Tremblay", history.Markup);
        Assert.Equal("Statut : Planifiée → En cours", changes[0].Replace('\u00A0', ' '));
        Assert.Equal("Titre : A → B", changes[1].Replace('\u00A0', ' '));
    }

    [Fact]
    public void The_timeline_draws_a_bar_per_dated_action_milestones_and_today()
    {
        var start = new DateOnly(2025, 1, 1);
        var plan = new PlanView(1, "Plan 2025-2028", start, new DateOnly(2028, 12, 31), new PlanSettingsView(true, false, Guid.Empty),
        [
            new PriorityView(1, "Logement", 1, null, 50, Guid.Empty,
            [
                new ObjectiveView(1, 1, "Loger", "", 1, null, false, 50, Guid.Empty,
                [
                    Action(10, "Clinique", ActionStatus.InProgress, 50, new DateOnly(2025, 3, 1), new DateOnly(2026, 3, 1), late: true),
                    Action(11, "Sans dates", ActionStatus.Planned, 0, null, null),
                ]),
            ]),
        ]);
        var milestones = new Dictionary<int, IReadOnlyList<MilestoneView>> { [10] = [new MilestoneView(1, "Bilan", new DateOnly(2025, 9, 1), false, null, true)] };

        var timeline = Render<ActionTimeline>(p => p.Add(c => c.Slug, "tilleuls").Add(c => c.Plan, plan).Add(c => c.Milestones, milestones).Add(c => c.Today, new DateOnly(2026, 6, 1)));

        Assert.Single(timeline.FindAll("a[href='/t/tilleuls/plan/actions/10'] rect.bar-bg.late"));
        Assert.Empty(timeline.FindAll("a[href='/t/tilleuls/plan/actions/11']"));
        Assert.Contains("Jalon «\u00A0Bilan\u00A0»", timeline.Find("path.milestone.late title").TextContent);
        Assert.Single(timeline.FindAll("line.today"));
        Assert.Equal(["2026", "2027", "2028"], timeline.FindAll("text.tick-label").Select(t => t.TextContent).ToArray());
        Assert.Equal("group", timeline.Find("svg").GetAttribute("role"));
    }
}
