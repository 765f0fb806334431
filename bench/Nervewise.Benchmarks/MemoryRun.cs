using System.Diagnostics;
using Nervewise.Domain.Triggers;

namespace Nervewise.Benchmarks;

/// <summary>
/// Whether memory stays flat: analyses diaries one after another (each made, analysed and dropped) and prints the
/// managed heap after a full collection and the process's peak working set every so often.
/// </summary>
internal static class MemoryRun
{
    public static void Print(int diaries, int years, TextWriter output)
    {
        output.WriteLine($"| diaries analysed | heap after full GC (MB) | peak working set (MB) | gen-2 collections |");
        output.WriteLine("|---|---|---|---|");
        for (var i = 1; i <= diaries; i++)
        {
            TriggerAnalysis.Analyse(Diaries.PersonYears(years, seed: i));
            if (i % (diaries / 5) == 0)
            {
                var heap = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024;
                using var process = Process.GetCurrentProcess();
                output.WriteLine($"| {i} | {heap:0.0} | {process.PeakWorkingSet64 / 1024.0 / 1024:0} | {GC.CollectionCount(2)} |");
            }
        }
    }
}
