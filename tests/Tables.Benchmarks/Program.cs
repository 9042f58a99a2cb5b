using BenchmarkDotNet.Running;
using Tables.Benchmarks;

// dotnet run -c Release --project tests/Tables.Benchmarks -- generate [--distinct] FILE.abif   the goal's file (docs/PERFORMANCE.md)
// dotnet run -c Release --project tests/Tables.Benchmarks -- --filter '*'                      BenchmarkDotNet
var shape = args.Contains("--distinct") ? BallotFileGenerator.Shape.Distinct : BallotFileGenerator.Shape.Election;
var rest = args.Where(a => a != "--distinct").ToArray();
switch (rest.FirstOrDefault())
{
    case "generate":
        var bytes = BallotFileGenerator.Generate(shape);
        await File.WriteAllBytesAsync(rest[1], bytes);
        Console.WriteLine($"{rest[1]}: {bytes.Length:N0} bytes, {BallotFileGenerator.Lines:N0} ballot lines, {BallotFileGenerator.Options} options ({shape})");
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BallotFileGenerator).Assembly).Run(rest);
        return 0;
}
