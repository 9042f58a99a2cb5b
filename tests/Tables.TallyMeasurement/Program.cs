using System.Globalization;
using Tables.Benchmarks;
using Tables.TallyMeasurement;

// dotnet run -c Release --project tests/Tables.TallyMeasurement -- [--distinct] [--runs 5] [--concurrent 3] [--warmup 5]
var shape = args.Contains("--distinct") ? BallotFileGenerator.Shape.Distinct : BallotFileGenerator.Shape.Election;
int Option(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length
    ? int.Parse(args[i + 1], CultureInfo.InvariantCulture)
    : fallback;
return await ApiMeasurement.RunAsync(shape, Option("--runs", 5), Option("--concurrent", 3), Option("--warmup", 5), Console.Out);
