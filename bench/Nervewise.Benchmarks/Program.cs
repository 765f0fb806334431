using System.Globalization;
using BenchmarkDotNet.Running;
using Nervewise.Benchmarks;
using Nervewise.Simulation;

// Developer commands beside BenchmarkDotNet (docs/triggers.md shows their output):
//   simulate                      the recall and false-claim tables, on the study's fixed seeds
//   memory COUNT YEARS            whether memory stays flat over many diaries
//   diary RATIO FLARES SEED       a synthetic diary as CSV (the planted trigger cycles with the seed)
//   peek RATIO FLARES SEEDS       the findings for the planted exposure, seed by seed
//   speed [SECONDS]               CPU ms per person-year over 20 one-year diaries, 60 flare-ups each (bench/load.sh reads
//                                 the last line: RESULT ms_per_person_year=... person_years=... runs=...)
//   exact REPEATS                 the exact test alone on random matched sets, fastest of REPEATS each (comparing builds)
// Anything else goes to BenchmarkDotNet, e.g. --filter '*' --job short.
static int Whole(string text) => int.Parse(text, CultureInfo.InvariantCulture);
static double Real(string text) => double.Parse(text, CultureInfo.InvariantCulture);

switch (args)
{
    case ["simulate"]:
        SimulationReport.Print(Console.Out);
        break;
    case ["memory", var diaries, var years]:
        MemoryRun.Print(Whole(diaries), Whole(years), Console.Out);
        break;
    case ["diary", var ratio, var flares, var seed]:
        Console.Write(SyntheticDiary.Csv(Study.Planted(Real(ratio), Whole(flares), Whole(seed))));
        break;
    case ["peek", var ratio, var flares, var seeds]:
        Peek.Print(Real(ratio), Whole(flares), Whole(seeds), Console.Out);
        break;
    case ["exact", var repeats]:
        ExactRun.Print(Whole(repeats), Console.Out);
        break;
    case ["speed"]:
        SpeedRun.Print(5, Console.Out);
        break;
    case ["speed", var seconds]:
        SpeedRun.Print(Real(seconds), Console.Out);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(TriggerBenchmarks).Assembly).Run(args);
        break;
}
