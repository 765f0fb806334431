using Nervewise.Domain.Triggers;
using Nervewise.Simulation;

namespace Nervewise.Benchmarks;

internal static class Peek
{
    public static void Print(double ratio, int flares, int seeds, TextWriter output)
    {
        for (var seed = 1; seed <= seeds; seed++)
        {
            var scenario = Study.Planted(ratio, flares, seed);
            var report = TriggerAnalysis.Analyse(SyntheticDiary.Generate(scenario));
            output.WriteLine($"seed {seed}: {scenario.Planted} flares {report.Flares} tests {report.Tests}");
            foreach (var t in report.Triggers.Where(t => t.Exposure == scenario.Planted!.Exposure).OrderBy(t => t.P).Take(4))
            {
                output.WriteLine($"   {t.Dose,-6} {t.LagStartHours}-{t.LagEndHours} OR {t.Effect:0.00} [{t.CiLow:0.00},{t.CiHigh:0.00}] p {t.P:0.00000} q {t.Q:0.000} sets {t.FlaresCompared} after {t.FlaresAfter} exp {t.ExpectedByChance:0.0}");
            }
            foreach (var t in report.Triggers.Where(t => t.Significant && t.Exposure != scenario.Planted!.Exposure))
            {
                output.WriteLine($"   WRONG {t.Exposure} {t.Dose} {t.LagStartHours}-{t.LagEndHours} OR {t.Effect:0.00} q {t.Q:0.000}");
            }
        }
    }
}
