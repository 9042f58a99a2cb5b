using System.Text;
using BenchmarkDotNet.Attributes;
using Tables.Voting;

namespace Tables.Benchmarks;

/// <summary>
/// Counting with Tables.Voting through its public API (validation included), on deterministic random ballots
/// (System.Random with a fixed seed). Figures are recorded in docs/PERFORMANCE.md.
/// </summary>
[MemoryDiagnoser]
public class CountingBenchmarks
{
    private string[] _options50 = [];
    private string[] _options20 = [];
    private Ballot[] _schulzeBallots = [];
    private Ballot[] _irvBallots = [];
    private Ballot[] _mjBallots = [];
    private string _abif = "";

    [GlobalSetup]
    public void Setup()
    {
        _options50 = Options(50);
        _options20 = Options(20);

        // Schulze: 10,000 complete strict rankings of 50 options (the worst case for the pairwise matrix).
        var random = new Random(20260319);
        _schulzeBallots = Enumerable.Range(0, 10_000).Select(_ => Ballot.Ranked(Shuffled(random, _options50))).ToArray();

        // IRV: 100,000 strict rankings of 1 to 50 of the 50 options.
        random = new Random(20260320);
        _irvBallots = Enumerable.Range(0, 100_000)
            .Select(_ => Ballot.Ranked(Shuffled(random, _options50)[..random.Next(1, 51)])).ToArray();

        // Majority judgment: 100,000 ballots grading each of 20 options 0..5.
        random = new Random(20260321);
        _mjBallots = Enumerable.Range(0, 100_000)
            .Select(_ => Ballot.Rated(_options20.Select(o => KeyValuePair.Create(o, random.Next(0, 6))))).ToArray();

        // ABIF: 20 declared options, then 100,000 ballot lines "count:o3>o17=o5>…" ranking 1 to 20 options.
        random = new Random(20260322);
        var text = new StringBuilder();
        foreach (var option in _options20)
        {
            text.Append('=').Append(option).Append(":[Option ").Append(option).Append("]\n");
        }
        for (var line = 0; line < 100_000; line++)
        {
            var ranking = Shuffled(random, _options20)[..random.Next(1, 21)];
            text.Append(random.Next(1, 100)).Append(':').Append(ranking[0]);
            for (var k = 1; k < ranking.Length; k++)
            {
                text.Append(random.Next(4) == 0 ? '=' : '>').Append(ranking[k]);
            }
            text.Append('\n');
        }
        _abif = text.ToString();
    }

    private static string[] Options(int n) => Enumerable.Range(1, n).Select(i => "o" + i).ToArray();

    private static string[] Shuffled(Random random, string[] options)
    {
        var copy = (string[])options.Clone();
        random.Shuffle(copy);
        return copy;
    }

    [Benchmark(Description = "Schulze 50 options x 10,000 ballots")]
    public TallyResult Schulze() => Tally.Count(VotingMethod.Schulze, _options50, _schulzeBallots);

    [Benchmark(Description = "IRV 50 options x 100,000 ballots")]
    public TallyResult InstantRunoff() => Tally.Count(VotingMethod.InstantRunoff, _options50, _irvBallots);

    [Benchmark(Description = "Majority judgment 20 options x 100,000 ballots")]
    public TallyResult MajorityJudgment() => Tally.Count(VotingMethod.MajorityJudgment, _options20, _mjBallots);

    [Benchmark(Description = "ABIF read 100,000 ballot lines")]
    public BallotFile AbifRead() => Abif.Read(_abif, VotingMethod.Schulze);
}
