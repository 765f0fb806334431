using System.Diagnostics;
using Nervewise.Simulation;

namespace Nervewise.Benchmarks;

/// <summary>The recall and false-claim tables for docs/triggers.md, over more seeds than the tests use.</summary>
internal static class SimulationReport
{
    private static readonly int[] FlareCounts = [20, 40, 80, 160];

    public static void Print(int seeds, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        output.WriteLine($"Seeds per cell: {seeds} planted, {seeds * 3} null.");
        output.WriteLine();
        output.WriteLine("| rate ratio | flare-ups | recall | at the planted dose | recall with BY | one pre-chosen test | misaligned delays | claims about another exposure | ... one not linked to it |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var ratio in new[] { 3.0, 4.0, 6.0, 10.0 })
        {
            foreach (var flares in FlareCounts)
            {
                var scenarios = Enumerable.Range(1, seeds).Select(seed => Study.Planted(ratio, flares, seed)).ToList();
                var bh = Study.Summarise(scenarios);
                var by = Study.Summarise(scenarios, Study.Yekutieli);
                var off = Study.Summarise([.. Enumerable.Range(1, seeds).Select(seed => Study.Planted(ratio, flares, seed, misaligned: true))]);
                output.WriteLine($"| {ratio:0} | {flares} | {bh.Recall:P0} | {bh.RecallAtDose:P0} | {by.Recall:P0} | {bh.OracleRecall:P0} | {off.Recall:P0} | {bh.WrongClaimShare:P0} | {bh.UnlinkedClaimShare:P0} |");
            }
        }
        output.WriteLine();
        output.WriteLine("| flare-ups | null diaries | with any claim (BH) | with any claim (BY) | tests per diary |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var flares in FlareCounts)
        {
            var scenarios = Enumerable.Range(1, seeds * 3).Select(seed => Study.Null(flares, 100_000 + seed)).ToList();
            var bh = Study.Summarise(scenarios);
            var by = Study.Summarise(scenarios, Study.Yekutieli);
            output.WriteLine($"| {flares} | {bh.Diaries} | {bh.AnyClaim:P1} | {by.AnyClaim:P1} | {bh.MeanTests:0} |");
        }
        output.WriteLine($"Took {watch.Elapsed.TotalSeconds:0} s.");
    }
}
