using BenchmarkDotNet.Running;
using Nervewise.Benchmarks;

// `simulate [seeds]` prints the recall and false-claim tables of docs/triggers.md; anything else goes to BenchmarkDotNet.
if (args is ["peek", var r, var f, var n])
{
    Peek.Print(double.Parse(r, System.Globalization.CultureInfo.InvariantCulture), int.Parse(f, System.Globalization.CultureInfo.InvariantCulture), int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return;
}
if (args is ["simulate", ..])
{
    SimulationReport.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100, Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(TriggerBenchmarks).Assembly).Run(args);
