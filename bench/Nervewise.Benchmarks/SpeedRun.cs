using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Triggers;

namespace Nervewise.Benchmarks;

/// <summary>
/// The trigger analysis's cost per person-year of diary, in process, for bench/load.sh: the figure docs/triggers.md
/// gives, over different one-year diaries of the benchmarks' kind (60 flare-ups a year, long sitting planted; see
/// <see cref="Diaries.PersonYears"/>), one per seed. They are made first, analysed over and over until the JIT has
/// settled (<see cref="WarmUpSeconds"/>), then over and over on one thread for a few seconds, measured. Longer
/// diaries cost more than in step (the exact tests are quadratic in flare-ups), so they belong in the golden test,
/// not in this figure. The process's CPU time and the
/// wall clock are both divided by diaries analysed; the CPU figure is the one load.sh reads (last line), since a busy
/// machine slows it less.
/// </summary>
internal static class SpeedRun
{
    private const int Seeds = 20;

    /// <summary>
    /// One pass was too short a warm-up: for seconds after it the JIT still ran the analysis as quickly compiled code
    /// and recompiled it in the background (tiered compilation), and the CPU figure counted both (on a busy machine
    /// about 8 ms per person-year, against 2 with DOTNET_TieredCompilation=0). A server analyses with the recompiled
    /// code, so the warm-up lasts at least this long and until a whole pass compiles nothing more (at most a minute).
    /// </summary>
    private const double WarmUpSeconds = 3;

    private const double WarmUpLimitSeconds = 60;

    public static void Print(double seconds, TextWriter output)
    {
        var diaries = Enumerable.Range(1, Seeds).Select(seed => Diaries.PersonYears(1, seed)).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{diaries.Count} one-year diaries (60 flare-ups, seeds 1 to {Seeds}), {diaries.Average(d => d.Count):0} entries on average."));

        var sink = 0;
        var warmUp = Stopwatch.StartNew();
        long compiled;
        do
        {
            compiled = JitInfo.GetCompiledMethodCount();
            sink += Pass(diaries);
        }
        while (warmUp.Elapsed.TotalSeconds < WarmUpLimitSeconds
            && (warmUp.Elapsed.TotalSeconds < WarmUpSeconds || JitInfo.GetCompiledMethodCount() != compiled));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Warmed up for {warmUp.Elapsed.TotalSeconds:0.0} s ({JitInfo.GetCompiledMethodCount()} methods compiled)."));
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        var runs = 0;
        var fastest = new double[diaries.Count];
        Array.Fill(fastest, double.MaxValue);
        do
        {
            sink += Pass(diaries, fastest);
            runs++;
        }
        while (wall.Elapsed.TotalSeconds < seconds);
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var analysed = diaries.Count * runs;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs} passes, {analysed} diaries in {wall.Elapsed.TotalMilliseconds:0} ms wall, {cpu:0} ms CPU: {wall.Elapsed.TotalMilliseconds / analysed:0.000} ms wall and {cpu / analysed:0.000} ms CPU per person-year, {allocated / 1024.0 / analysed:0} KB allocated per diary ({sink} findings seen)."));
        // Each diary's fastest analysis is the one least disturbed by anything else on the machine: on a busy machine
        // their mean compares two builds better than the averages do.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fastest of each diary: {fastest.Average():0.000} ms wall per person-year on average."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT ms_per_person_year={cpu / analysed:0.000} person_years={analysed} runs={runs}"));
    }

    private static int Pass(List<IReadOnlyList<DiaryEntry>> diaries, double[]? fastest = null)
    {
        var found = 0;
        for (var d = 0; d < diaries.Count; d++)
        {
            var start = Stopwatch.GetTimestamp();
            found += TriggerAnalysis.Analyse(diaries[d]).Triggers.Count;
            if (fastest is not null)
            {
                fastest[d] = Math.Min(fastest[d], Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        return found;
    }
}
