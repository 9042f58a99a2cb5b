using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Components.Shared;
using Tables.Web.Features.Cycles;

namespace Tables.Web.Tests.Components;

public sealed class CycleTimelineTests : BunitContext
{
    public CycleTimelineTests()
    {
        Services.AddLocalization();
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("fr-CA");
    }

    [Fact]
    public void Shows_the_six_phases_in_order_with_their_french_names()
    {
        var timeline = Render<CycleTimeline>(p => p.Add(c => c.Current, Phase.Portrait));
        var names = timeline.FindAll("li .phase-name").Select(e => e.TextContent).ToArray();
        Assert.Equal(["Portrait du quartier", "Consultation", "Priorisation", "Plan d'action", "Mise en œuvre", "Évaluation"], names);
    }

    [Theory]
    [InlineData(Phase.Portrait)]
    [InlineData(Phase.Implementation)]
    [InlineData(Phase.Evaluation)]
    public void Marks_the_current_phase_as_the_current_step_and_earlier_ones_as_done(Phase current)
    {
        var timeline = Render<CycleTimeline>(p => p.Add(c => c.Current, current));
        var items = timeline.FindAll("li");
        var marked = Assert.Single(items, li => li.GetAttribute("aria-current") == "step");
        Assert.Equal(current.ToString(), marked.GetAttribute("data-phase"));
        Assert.Contains("Phase en cours", marked.TextContent);
        Assert.Equal((int)current, items.Count(li => li.ClassList.Contains("done")));
        Assert.Equal(5 - (int)current, items.Count(li => li.ClassList.Contains("upcoming")));
    }

    [Fact]
    public void Follows_the_english_culture()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-CA");
        var timeline = Render<CycleTimeline>(p => p.Add(c => c.Current, Phase.ActionPlan));
        Assert.Contains("Action plan", timeline.Find("[aria-current=step]").TextContent);
        Assert.Contains("Current phase", timeline.Find("[aria-current=step]").TextContent);
    }
}
