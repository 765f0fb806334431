using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Triggers;
using Nervewise.Simulation;

namespace Nervewise.Benchmarks;

/// <summary>
/// One diary analysed, for diaries of one to eight years (60 flare-ups a year): time and memory per diary. The one-year
/// row is the time per person-year (issue 19 aims at 1 ms or less); `-- speed` gives the same figure in CPU time over
/// twenty such one-year diaries, for bench/load.sh.
/// </summary>
[MemoryDiagnoser]
public class TriggerBenchmarks
{
    private IReadOnlyList<DiaryEntry> _diary = [];

    [Params(1, 2, 4, 8)]
    public int Years { get; set; }

    public int Entries => _diary.Count;

    [GlobalSetup]
    public void Setup() => _diary = Diaries.PersonYears(Years, seed: 42);

    [Benchmark]
    public TriggerReport Analyse() => TriggerAnalysis.Analyse(_diary);
}

/// <summary>1,000 different person-year diaries analysed on two cores, as a clinic's nightly run might.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class BatchBenchmarks
{
    private IReadOnlyList<DiaryEntry>[] _diaries = [];

    [GlobalSetup]
    public void Setup()
    {
        _diaries = new IReadOnlyList<DiaryEntry>[1000];
        Parallel.For(0, _diaries.Length, i => _diaries[i] = Diaries.PersonYears(1, seed: i));
    }

    [Benchmark]
    public int ThousandPersonYearsOnTwoCores()
    {
        var found = 0;
        Parallel.For(0, _diaries.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            i => Interlocked.Add(ref found, TriggerAnalysis.Analyse(_diaries[i]).Significant.Count));
        return found;
    }
}

internal static class Diaries
{
    /// <summary>A diary of whole years with 60 flare-ups a year and long sitting planted as a trigger (rate ratio 3).</summary>
    public static IReadOnlyList<DiaryEntry> PersonYears(int years, int seed) =>
        SyntheticDiary.Generate(new DiaryScenario(365 * years, 60 * years, PlantedTrigger.Catalogue(3)[0], seed));
}
