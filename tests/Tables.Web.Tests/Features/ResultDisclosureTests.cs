using Tables.Web.Features.Ballots;

namespace Tables.Web.Tests.Features;

/// <summary>The folding rule of breakdowns by group (<see cref="ResultDisclosure.Plan"/>), with the default minimum of 5.</summary>
public sealed class ResultDisclosureTests
{
    private static IReadOnlyDictionary<string, string?> Plan(long ungrouped, params (string Group, long Count)[] groups) =>
        ResultDisclosure.Plan(groups.ToDictionary(g => g.Group, g => g.Count), ungrouped, 5);

    [Fact]
    public void Groups_large_enough_are_shown_as_they_are()
    {
        var plan = Plan(0, ("Résident·e", 12), ("Institution", 5));
        Assert.Equal("Résident·e", plan["Résident·e"]);
        Assert.Equal("Institution", plan["Institution"]);
    }

    [Fact]
    public void Small_groups_are_folded_into_autres()
    {
        var plan = Plan(0, ("Résident·e", 12), ("Institution", 3), ("Milieu économique", 2));
        Assert.Equal("Résident·e", plan["Résident·e"]);
        Assert.Equal(ResultDisclosure.Others, plan["Institution"]);
        Assert.Equal(ResultDisclosure.Others, plan["Milieu économique"]);
    }

    [Fact]
    public void A_small_autres_takes_the_smallest_shown_group_so_no_one_is_found_by_subtraction()
    {
        // Solo alone in « autres » would be read as the total minus the others.
        var plan = Plan(0, ("Grand", 9), ("Moyen", 6), ("Solo", 1));
        Assert.Equal("Grand", plan["Grand"]);
        Assert.Equal(ResultDisclosure.Others, plan["Moyen"]);
        Assert.Equal(ResultDisclosure.Others, plan["Solo"]);
    }

    [Fact]
    public void Ballots_of_no_group_count_in_the_rest_and_a_rest_that_stays_small_gives_no_breakdown()
    {
        var plan = Plan(2, ("Grand", 9), ("Moyen", 6));
        Assert.Equal("Grand", plan["Grand"]);
        Assert.Equal(ResultDisclosure.Others, plan["Moyen"]);
        var none = Plan(1, ("Grand", 2), ("Moyen", 1));
        Assert.All(none.Values, Assert.Null);
    }

    [Fact]
    public void Ballots_of_no_group_alone_stay_in_the_total_only()
    {
        var labels = ResultDisclosure.Labels(["Grand", "Grand", "Grand", "Grand", "Grand", null, null, null, null, null], 5);
        Assert.Equal([.. Enumerable.Repeat<string?>("Grand", 5), .. Enumerable.Repeat<string?>(null, 5)], labels);
        // Once a group is folded, « autres » takes the ballots of no group too.
        var folded = ResultDisclosure.Labels(["Grand", "Grand", "Grand", "Grand", "Grand", "Solo", null, null, null, null], 5);
        Assert.Equal(ResultDisclosure.Others, folded[5]);
        Assert.Equal(ResultDisclosure.Others, folded[6]);
    }

    [Fact]
    public void A_minimum_of_one_shows_every_group()
    {
        var plan = ResultDisclosure.Plan(new Dictionary<string, long> { ["Solo"] = 1, ["Duo"] = 2 }, 1, 1);
        Assert.Equal("Solo", plan["Solo"]);
        Assert.Equal("Duo", plan["Duo"]);
    }
}
