using System.Diagnostics;
using System.Globalization;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Triggers;
using Nervewise.Simulation;

namespace Nervewise.Benchmarks;

/// <summary>
/// The trigger analysis's cost per person-year of diary, in process, for bench/load.sh: the simulation suite's diaries
/// (planted and null, 20 to 160 flare-ups, 4 months to 2 years) are made first, analysed once to warm up, then
/// analysed over and over on one thread for a few seconds. The figure is the process's CPU time, not the wall
/// clock, so a busy machine slows it less; the last line is the one load.sh reads.
/// </summary>
internal static class SpeedRun
{
    public static void Print(double seconds, TextWriter output)
    {
        var diaries = new List<IReadOnlyList<DiaryEntry>>();
        foreach (var flares in new[] { 20, 40, 80, 160 })
        {
            foreach (var ratio in new[] { 3.0, 6.0 })
            {
                diaries.AddRange(Enumerable.Range(1, 5).Select(seed => SyntheticDiary.Generate(Study.Planted(ratio, flares, seed))));
            }
            diaries.AddRange(Enumerable.Range(1, 5).Select(seed => SyntheticDiary.Generate(Study.Null(flares, 100_000 + seed))));
        }
        var personYears = diaries.Sum(d => (d[^1].Time - d[0].Time).TotalDays) / 365.0;
        output.WriteLine($"{diaries.Count} diaries of the simulation suite, {personYears.ToString("0.00", CultureInfo.InvariantCulture)} person-years a pass.");

        var sink = 0;
        for (var warm = 0; warm < 3; warm++)
        {
            sink += Pass(diaries);
        }
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var runs = 0;
        do
        {
            sink += Pass(diaries);
            runs++;
        }
        while (wall.Elapsed.TotalSeconds < seconds);
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var analysed = personYears * runs;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs} passes in {wall.Elapsed.TotalMilliseconds:0} ms wall, {cpu:0} ms CPU: {wall.Elapsed.TotalMilliseconds / analysed:0.000} ms wall per person-year ({sink} findings seen)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT ms_per_person_year={cpu / analysed:0.000} person_years={analysed:0.00} runs={runs}"));
    }

    private static int Pass(List<IReadOnlyList<DiaryEntry>> diaries)
    {
        var found = 0;
        foreach (var diary in diaries)
        {
            found += TriggerAnalysis.Analyse(diary).Triggers.Count;
        }
        return found;
    }
}
