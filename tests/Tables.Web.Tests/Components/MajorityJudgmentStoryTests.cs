using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Tables.Voting;
using Tables.Web.Components.Forums;
using Tables.Web.Resources;

namespace Tables.Web.Tests.Components;

/// <summary>What separated the majority-judgment winner from the runner-up, said in one sentence, checked against real tallies.</summary>
public sealed class MajorityJudgmentStoryTests
{
    private static readonly IStringLocalizer<UiText> Text = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<UiText>>();

    /// <summary>Counts ballots giving A and B the grades of each pair, and tells the story of the result.</summary>
    private static string Story(params (int A, int B)[] grades)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("fr-CA");
        var tally = Tally.Count(VotingMethod.MajorityJudgment, ["A", "B"], grades.Select(g => Ballot.Rated(("A", g.A), ("B", g.B))),
            new MethodOptions { MaxScore = 5, Seed = "7" });
        var names = new Dictionary<string, string> { ["A"] = "Au parc", ["B"] = "Devant l'école" };
        // Numbers are formatted by the culture (its no-break space may be narrow): compared with plain spaces.
        return MajorityJudgmentStory.Separation(Text, (MajorityJudgmentExplanation)tally.Explanation, tally.Ranking, t => names[t], tally.TieBreak.Used)!
            .Replace('\u00a0', ' ').Replace('\u202f', ' ');
    }

    [Fact]
    public void Different_medians_are_the_whole_story()
    {
        Assert.Equal("Au parc l'emporte sur Devant l'école par sa mention médiane : Bien contre Assez bien.", Story((4, 3), (4, 3), (4, 3)));
    }

    [Fact]
    public void With_the_same_median_the_side_most_other_grades_fall_on_decides()
    {
        Assert.StartsWith("Au parc et Devant l'école ont la même mention médiane (Assez bien); Au parc passe devant parce que ses autres mentions sont surtout au-dessus de « Assez bien »",
            Story((3, 2), (3, 3), (4, 3)));
    }

    [Fact]
    public void With_the_same_median_and_mostly_grades_above_the_larger_share_above_decides()
    {
        var story = Story((3, 3), (3, 3), (3, 3), (4, 3), (4, 4));
        Assert.Contains("avec surtout des mentions au-dessus; Au parc passe devant parce qu'il en a davantage au-dessus de « Assez bien » : 40 % contre 20 %.", story);
    }

    [Fact]
    public void With_the_same_median_and_mostly_grades_below_the_smaller_share_below_decides()
    {
        var story = Story((2, 2), (3, 2), (3, 3), (3, 3), (3, 3));
        Assert.Contains("avec surtout des mentions au-dessous; Au parc passe devant parce qu'il en a moins au-dessous de « Assez bien » : 20 % contre 40 %.", story);
    }

    [Fact]
    public void The_sample_s_identical_bien_minus_is_separated_by_taking_common_median_grades_out()
    {
        // The issue's case: both "Bien− (44 % au-dessous)". A: 7 Insuffisant, 9 Passable, 28 Assez bien, 19 Bien, 37 Très bien; B: 44 Assez bien, 47 Bien, 9 Très bien.
        int[] a = [.. Enumerable.Repeat(1, 7), .. Enumerable.Repeat(2, 9), .. Enumerable.Repeat(3, 28), .. Enumerable.Repeat(4, 19), .. Enumerable.Repeat(5, 37)];
        int[] b = [.. Enumerable.Repeat(3, 44), .. Enumerable.Repeat(4, 47), .. Enumerable.Repeat(5, 9)];

        var story = Story([.. a.Zip(b)]);

        Assert.StartsWith("Au parc et Devant l'école ont la même mention médiane (Bien) et les mêmes parts au-dessus et au-dessous; en retirant une à une", story);
        Assert.Matches(@"elles diffèrent après \d+ retraits : \w", story);
    }

    [Fact]
    public void Identical_profiles_are_said_to_be_separated_by_the_published_draw()
    {
        Assert.Equal("Au parc et Devant l'école ont exactement le même profil de mérite; le tirage au sort publié les a départagés.", Story((3, 3), (4, 4)));
    }
}
