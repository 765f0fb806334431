using System.Diagnostics;
using Nervewise.Simulation;

namespace Nervewise.Benchmarks;

/// <summary>The recall and false-claim tables for docs/triggers.md, on the study's fixed seeds (the tests use the same).</summary>
internal static class SimulationReport
{
    private static readonly int[] FlareCounts = [20, 40, 80, 160];

    public static void Print(TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        output.WriteLine("200 planted diaries a cell, 600 null diaries a row.");
        output.WriteLine();
        output.WriteLine("| rate ratio | flare-ups | recall | at the planted dose | recall with BY | one pre-chosen test | misaligned delays | claims about another exposure | ... one not linked to it |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var ratio in new[] { 3.0, 4.0, 6.0, 10.0 })
        {
            foreach (var flares in FlareCounts)
            {
                var scenarios = Study.PlantedCell(ratio, flares);
                var bh = Study.Summarise(scenarios);
                var by = Study.Summarise(scenarios, Study.Yekutieli);
                var off = Study.Summarise(Study.PlantedCell(ratio, flares, misaligned: true));
                output.WriteLine($"| {ratio:0} | {flares} | {bh.Recall:P1} | {bh.RecallAtDose:P1} | {by.Recall:P1} | {bh.OracleRecall:P1} | {off.Recall:P1} | {bh.WrongClaimShare:P0} | {bh.UnlinkedClaimShare:P0} |");
            }
        }
        output.WriteLine();
        output.WriteLine("| flare-ups | null diaries | with any claim (BH) | with any claim (BY) | tests per diary |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var flares in FlareCounts)
        {
            var scenarios = Study.NullCell(flares);
            var bh = Study.Summarise(scenarios);
            var by = Study.Summarise(scenarios, Study.Yekutieli);
            output.WriteLine($"| {flares} | {bh.Diaries} | {bh.AnyClaim:P1} | {by.AnyClaim:P1} | {bh.MeanTests:0} |");
        }
        output.WriteLine($"Took {watch.Elapsed.TotalSeconds:0} s.");
    }
}
