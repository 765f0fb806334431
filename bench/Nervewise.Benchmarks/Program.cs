using BenchmarkDotNet.Running;
using Nervewise.Benchmarks;

// `simulate` prints the recall and false-claim tables of docs/triggers.md; `diary RATIO FLARES SEED` prints a
// synthetic diary (the trigger cycles with the seed); `peek RATIO FLARES SEEDS` shows the findings for the planted
// exposure; anything else goes to BenchmarkDotNet.
if (args is ["diary", var ratio, var count, var seed])
{
    Console.Write(Nervewise.Simulation.SyntheticDiary.Csv(Nervewise.Simulation.Study.Planted(
        double.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(count, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture))));
    return;
}
if (args is ["peek", var r, var f, var n])
{
    Peek.Print(double.Parse(r, System.Globalization.CultureInfo.InvariantCulture), int.Parse(f, System.Globalization.CultureInfo.InvariantCulture), int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return;
}
if (args is ["simulate", ..])
{
    SimulationReport.Print(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(TriggerBenchmarks).Assembly).Run(args);
