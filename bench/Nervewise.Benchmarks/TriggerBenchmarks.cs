using BenchmarkDotNet.Attributes;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Triggers;
using Nervewise.Simulation;

namespace Nervewise.Benchmarks;

/// <summary>One diary analysed, for diaries of one to eight years: time and memory per diary.</summary>
[MemoryDiagnoser]
public class TriggerBenchmarks
{
    private IReadOnlyList<DiaryEntry> _diary = [];

    [Params(1, 2, 4, 8)]
    public int Years { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var days = 365 * Years;
        _diary = SyntheticDiary.Generate(new DiaryScenario(days, days * 60 / 365, PlantedTrigger.Catalogue(3)[0], 42));
    }

    [Benchmark]
    public TriggerReport Analyse() => TriggerAnalysis.Analyse(_diary);
}
