using System.Text.Json;

namespace Tables.Voting.Tests;

/// <summary>The elections of samples/ballots, counted from their files, against samples/ballots/expected.json.</summary>
public sealed class KnownElectionTests
{
    public sealed record Expected(string File, string Method, string[] Winners, string[][] Ranking);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in Load())
        {
            data.Add(e.File, e.Method);
        }
        return data;
    }

    private static Expected[] Load() => JsonSerializer.Deserialize<Expected[]>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ballots", "expected.json")), JsonSerializerOptions.Web)!;

    internal static BallotFile ReadSample(string file, VotingMethod method)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ballots", file));
        return file.EndsWith(".csv", StringComparison.Ordinal) ? BallotCsv.Read(text, method) : Abif.Read(text, method);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_gives_its_expected_result(string file, string method)
    {
        var expected = Load().Single(e => e.File == file && e.Method == method);
        var m = VotingMethods.Parse(method);

        var result = Tally.Count(m, ReadSample(file, m));

        Assert.Equal(expected.Winners, result.Winners);
        Assert.Equal(expected.Ranking, result.Ranking.Select(g => g.ToArray()).ToArray());
        Assert.False(result.TieBreak.Used);
    }

    [Fact]
    public void Wikipedia_schulze_matrix_and_paths_match_the_article()
    {
        var result = Tally.Count(VotingMethod.Schulze, ReadSample("schulze-wikipedia.abif", VotingMethod.Schulze));
        var explanation = Assert.IsType<SchulzeExplanation>(result.Explanation);

        Assert.Equal(45, result.Ballots);
        // d[A,*] and p[A,*] from the article.
        Assert.Equal([0m, 20m, 26m, 30m, 22m], explanation.Pairwise[0]);
        Assert.Equal([0m, 28m, 28m, 30m, 24m], explanation.StrongestPaths[0]);
        Assert.Equal([25m, 28m, 28m, 31m, 0m], explanation.StrongestPaths[4]);
        Assert.Equal(4, explanation.Wins["E"]);
    }

    [Fact]
    public void Tennessee_runoff_rounds_show_eliminations_and_transfers()
    {
        var result = Tally.Count(VotingMethod.InstantRunoff, ReadSample("tennessee.abif", VotingMethod.InstantRunoff));
        var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;

        Assert.Equal(3, rounds.Count);
        Assert.Equal(["Chat"], rounds[0].Eliminated);
        Assert.Equal(new RunoffTransfer("Chat", "Knox", 15m), Assert.Single(rounds[0].Transfers));
        Assert.Equal(["Nash"], rounds[1].Eliminated);
        Assert.Equal(new RunoffTransfer("Nash", "Knox", 26m), Assert.Single(rounds[1].Transfers));
        Assert.Equal(58m, rounds[2].Tallies["Knox"]);
        Assert.Equal("Knox", rounds[2].Elected);
    }

    [Fact]
    public void Tennessee_borda_points()
    {
        var result = Tally.Count(VotingMethod.Borda, ReadSample("tennessee.abif", VotingMethod.Borda));

        Assert.Equal(194m, result.Scores["Nash"]);
        Assert.Equal(173m, result.Scores["Chat"]);
        Assert.Equal(126m, result.Scores["Memph"]);
        Assert.Equal(107m, result.Scores["Knox"]);
    }

    [Fact]
    public void Majority_judgment_hand_example_profiles_and_gauges()
    {
        var result = Tally.Count(VotingMethod.MajorityJudgment, ReadSample("majority-judgment-hand.abif", VotingMethod.MajorityJudgment));
        var mj = Assert.IsType<MajorityJudgmentExplanation>(result.Explanation);

        Assert.Equal(6, mj.Grades);
        Assert.Equal([1m, 1m, 1m, 3m, 2m, 2m], mj.Options["Parc"].Profile);
        Assert.Equal((3, 0.4m, 0.3m, "+"), (mj.Options["Parc"].Median, mj.Options["Parc"].Above, mj.Options["Parc"].Below, mj.Options["Parc"].Gauge));
        Assert.Equal((3, 0.3m, 0.2m, "+"), (mj.Options["Jardin"].Median, mj.Options["Jardin"].Above, mj.Options["Jardin"].Below, mj.Options["Jardin"].Gauge));
        Assert.Equal((3, 0.4m, 0.4m, "-"), (mj.Options["Biblio"].Median, mj.Options["Biblio"].Above, mj.Options["Biblio"].Below, mj.Options["Biblio"].Gauge));
        Assert.Equal(2, mj.Options["Marche"].Median);
    }

    [Fact]
    public void Symmetric_cycle_is_ordered_by_the_seeded_draw_reproducibly()
    {
        var file = ReadSample("condorcet-cycle-tie.abif", VotingMethod.Schulze);
        var options = new MethodOptions { Seed = "forum-2026-03-19" };

        var first = Tally.Count(VotingMethod.Schulze, file, options);
        var again = Tally.Count(VotingMethod.Schulze, file, options);

        Assert.True(first.TieBreak.Used);
        Assert.Equal("forum-2026-03-19", first.TieBreak.Seed);
        Assert.Equal(3, first.Ranking.Count);
        Assert.Single(first.Winners);
        Assert.Equal(first.Ranking.Select(g => g.Single()), again.Ranking.Select(g => g.Single()));
        Assert.Equal(["A", "B", "C"], Assert.Single(first.TieBreak.Draws).Tied);
    }
}
