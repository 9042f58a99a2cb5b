using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Tables.Benchmarks.CountingBenchmarks).Assembly).Run(args);
