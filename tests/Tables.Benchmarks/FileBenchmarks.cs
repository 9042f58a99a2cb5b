using System.Text;
using BenchmarkDotNet.Attributes;
using Tables.Voting;

namespace Tables.Benchmarks;

/// <summary>
/// The counting-file goal (docs/PERFORMANCE.md): the 10 MB, 443,000-line, 12-option IRV file of
/// <see cref="BallotFileGenerator"/>, read from a stream of UTF-8 bytes as the tally API reads a request body, then
/// counted. Baseline in the same run: a bare line split of the same bytes (decode and find each line, nothing else).
/// <see cref="Shape"/> Election is the goal's file; Distinct the worst case for merging identical ballots.
/// </summary>
[MemoryDiagnoser]
public class FileBenchmarks
{
    private byte[] _abif = [];
    private byte[] _csv = [];

    [Params(BallotFileGenerator.Shape.Election, BallotFileGenerator.Shape.Distinct)]
    public BallotFileGenerator.Shape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _abif = BallotFileGenerator.Generate(Shape);
        var file = Abif.Read(Encoding.UTF8.GetString(_abif), VotingMethod.InstantRunoff);
        _csv = Encoding.UTF8.GetBytes(BallotCsv.Write(file.OptionTokens, file.Ballots));
    }

    private static StreamReader Body(byte[] bytes) => new(new MemoryStream(bytes), Encoding.UTF8);

    [Benchmark(Baseline = true, Description = "Bare line split (baseline)")]
    public int LineSplit()
    {
        using var reader = Body(_abif);
        var lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }
        return lines;
    }

    [Benchmark(Description = "ABIF read")]
    public async Task<BallotFile> AbifRead()
    {
        using var reader = Body(_abif);
        return await Abif.ReadAsync(reader, VotingMethod.InstantRunoff);
    }

    [Benchmark(Description = "ABIF read + IRV count")]
    public async Task<TallyResult> AbifCount()
    {
        using var reader = Body(_abif);
        return Tally.Count(VotingMethod.InstantRunoff, await Abif.ReadAsync(reader, VotingMethod.InstantRunoff));
    }

    [Benchmark(Description = "CSV read + IRV count")]
    public async Task<TallyResult> CsvCount()
    {
        using var reader = Body(_csv);
        return Tally.Count(VotingMethod.InstantRunoff, await BallotCsv.ReadAsync(reader, VotingMethod.InstantRunoff));
    }
}
