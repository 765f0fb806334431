using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Triggers;
using Nervewise.Simulation;

namespace Nervewise.Domain.Tests.Triggers;

/// <summary>
/// The trigger analysis gives the same answers, bit for bit, as the implementation that recorded
/// Triggers/golden-answers.txt (issue 19 made it faster and had to change no answer). Every double is written as its
/// 64 bits in hex. A few dozen diaries are written out number by number, so a failure names the diary, the finding
/// and the field; many more are kept as a digest of the same lines, so a failure there names the diary.
/// To record the file again (only for a deliberate change of method): NERVEWISE_RECORD_TRIGGER_GOLDEN=1.
/// </summary>
public class GoldenAnswersTests
{
    private const string FileName = "golden-answers.txt";

    [Fact]
    public void The_analysis_gives_the_recorded_answers_bit_for_bit()
    {
        var actual = Record();
        var path = Path.Combine(RepositoryRoot(), "tests", "Nervewise.Domain.Tests", "Triggers", FileName);
        if (Environment.GetEnvironmentVariable("NERVEWISE_RECORD_TRIGGER_GOLDEN") == "1")
        {
            File.WriteAllText(path, string.Join('\n', actual.Select(d => d.Text)) + "\n");
        }
        var expected = Parse(File.ReadAllLines(path));

        Assert.Equal(expected.Select(d => d.Name), actual.Select(d => d.Name));
        foreach (var (want, got) in expected.Zip(actual))
        {
            var wantLines = want.Lines;
            var gotLines = got.Lines;
            for (var i = 0; i < Math.Max(wantLines.Count, gotLines.Count); i++)
            {
                var w = i < wantLines.Count ? wantLines[i] : "(nothing)";
                var g = i < gotLines.Count ? gotLines[i] : "(nothing)";
                if (w != g)
                {
                    Assert.Fail($"{want.Name}, line {i} ({Kind(w)}): {FirstDifference(w, g)}\n  expected: {w}\n  actual:   {g}");
                }
            }
        }
    }

    [Fact]
    public void The_recorded_diaries_reach_every_path_of_the_analysis()
    {
        var lines = Parse(File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "Nervewise.Domain.Tests", "Triggers", FileName)))
            .SelectMany(d => d.Lines).ToList();
        var findings = lines.Where(l => l.StartsWith("f ", StringComparison.Ordinal)).ToList();

        Assert.True(findings.Count > 500, $"{findings.Count} findings");
        Assert.Contains(findings, l => Field(l, "after") == "0");                          // no case exposed: median-unbiased, lower tail
        Assert.Contains(findings, l => Field(l, "high") == "null");                        // every case exposed: open interval
        Assert.Contains(findings, l => Field(l, "sig") == "1");                            // false discovery control passed
        Assert.Contains(lines, l => l.StartsWith("report ", StringComparison.Ordinal) && Field(l, "tests") == "0"); // too few / nothing
        Assert.Contains(lines, l => l.StartsWith("together ", StringComparison.Ordinal));
        // Ties: the step-up gives several findings the same q in one diary.
        Assert.Contains(Parse(File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "Nervewise.Domain.Tests", "Triggers", FileName))),
            d => d.Lines.Where(l => l.StartsWith("f ", StringComparison.Ordinal)).GroupBy(l => Field(l, "q")).Any(g => g.Count() > 1));
    }

    private sealed record Diary(string Name, List<string> Lines)
    {
        public string Text => $"diary {Name}\n" + string.Join('\n', Lines);
    }

    /// <summary>The diaries: the study's fixed seeds, planted and null, of every length, and hand-made edge cases.</summary>
    private static List<Diary> Record()
    {
        var detailed = new List<(string Name, Func<IReadOnlyList<DiaryEntry>> Entries, TriggerRules? Rules)>
        {
            ("nine-week", NineWeekDiary.Entries, null),
            ("empty", () => [], null),
            ("flares-only", () => [.. SyntheticDiary.Generate(Study.Null(40, 100_001)).Where(e => e.Type == EntryType.Flare)], null),
            ("too-few", () => SyntheticDiary.Generate(new DiaryScenario(120, 8, null, 5)), null),
            ("desk-work", () => SyntheticDiary.Generate(new DiaryScenario(200, 60, PlantedTrigger.Catalogue(4)[0], 7, DeskWorkWithSitting: true)), null),
            ("gappy", () => SyntheticDiary.Generate(new DiaryScenario(240, 50, PlantedTrigger.Catalogue(6)[3], 11, SkippedDays: 0.2)), null),
            ("person-year-42", () => SyntheticDiary.Generate(new DiaryScenario(365, 60, PlantedTrigger.Catalogue(3)[0], 42)), null),
            ("yekutieli-6-80-4", () => SyntheticDiary.Generate(Study.Planted(6, 80, 4)), Study.Yekutieli),
            ("misaligned-6-80-3", () => SyntheticDiary.Generate(Study.Planted(6, 80, 3, misaligned: true)), null),
            ("misaligned-4-40-2", () => SyntheticDiary.Generate(Study.Planted(4, 40, 2, misaligned: true)), null),
        };
        var seed = 0;
        foreach (var ratio in new[] { 3.0, 10.0 })
        {
            foreach (var flares in new[] { 20, 40, 80, 160 })
            {
                var s = ++seed;
                detailed.Add(($"planted-{ratio}-{flares}-{s}", () => SyntheticDiary.Generate(Study.Planted(ratio, flares, s)), null));
            }
        }
        foreach (var flares in new[] { 20, 40, 80, 160 })
        {
            detailed.Add(($"null-{flares}-{100_001 + flares}", () => SyntheticDiary.Generate(Study.Null(flares, 100_001 + flares)), null));
        }

        var digested = new List<(string Name, DiaryScenario Scenario)>();
        foreach (var flares in new[] { 20, 40, 80, 160 })
        {
            foreach (var ratio in new[] { 3.0, 6.0 })
            {
                digested.AddRange(Enumerable.Range(1, 10).Select(s => ($"planted-{ratio}-{flares}-{s}", Study.Planted(ratio, flares, s))));
            }
            digested.AddRange(Enumerable.Range(1, 5).Select(s => ($"misaligned-6-{flares}-{s}", Study.Planted(6, flares, s, misaligned: true))));
            digested.AddRange(Enumerable.Range(1, 10).Select(s => ($"null-{flares}-{100_000 + s}", Study.Null(flares, 100_000 + s))));
        }

        var result = detailed.Select(d => new Diary(d.Name, Lines(TriggerAnalysis.Analyse(d.Entries(), d.Rules)))).ToList();
        result.AddRange(digested.Select(d => new Diary("digest " + d.Name, [Digest(Lines(TriggerAnalysis.Analyse(SyntheticDiary.Generate(d.Scenario))))])));
        return result;
    }

    /// <summary>Every number of a report, one line for the report, one per finding, pair and exposure not checked.</summary>
    private static List<string> Lines(TriggerReport report)
    {
        var lines = new List<string>
        {
            $"report flares={report.Flares} rows={report.FlareRows} days={report.Days} logged={report.DaysLogged} tests={report.Tests} " +
            $"needed={report.FlaresNeeded?.ToString(CultureInfo.InvariantCulture) ?? "null"} message={Text(report.Message)} tooRare={string.Join(',', report.TooRare)}",
        };
        foreach (var t in report.Triggers)
        {
            var c = t.Counts;
            lines.Add($"f {t.Exposure} {t.Dose} {t.LagStartHours}-{t.LagEndHours} effect={Bits(t.Effect)} low={Bits(t.CiLow)} " +
                $"high={(t.CiHigh is { } h ? Bits(h) : "null")} p={Bits(t.P)} q={Bits(t.Q)} sig={(t.Significant ? 1 : 0)} " +
                $"sets={t.FlaresCompared} after={t.FlaresAfter} expected={Bits(t.ExpectedByChance)} with={string.Join(',', t.TogetherWith)} " +
                $"counted={c.Counted} casesAfter={c.After} byChance={Bits(c.ByChance)} gaps={c.LeftOutForGaps} noComparison={c.LeftOutNoComparison} " +
                $"summary={Text(t.Summary)}");
        }
        lines.AddRange(report.Together.Select(p => $"together {p.First} {p.Second} summary={Text(p.Summary)}"));
        lines.AddRange(report.NotChecked.Select(n => $"notChecked {n.Exposure} tooRare={(n.TooRare ? 1 : 0)} logged={n.TimesLogged} words={Text(n.Words)}"));
        return lines;
    }

    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>Sentences as a short hash: they follow from the numbers, and whole sentences would make the file large.</summary>
    private static string Text(string? text) => text is null ? "null" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    private static string Digest(List<string> lines) => "sha256=" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));

    private static List<Diary> Parse(IEnumerable<string> lines)
    {
        var diaries = new List<Diary>();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (line.StartsWith("diary ", StringComparison.Ordinal))
            {
                diaries.Add(new Diary(line["diary ".Length..], []));
            }
            else
            {
                diaries[^1].Lines.Add(line);
            }
        }
        return diaries;
    }

    private static string Kind(string line) => string.Join(' ', line.Split(' ').TakeWhile(w => !w.Contains('=', StringComparison.Ordinal)));

    private static string? Field(string line, string name) =>
        line.Split(' ').FirstOrDefault(w => w.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

    private static string FirstDifference(string expected, string actual)
    {
        var want = expected.Split(' ');
        var got = actual.Split(' ');
        for (var i = 0; i < Math.Min(want.Length, got.Length); i++)
        {
            if (want[i] != got[i])
            {
                return $"field {want[i].Split('=')[0]} was {want[i]}, now {got[i]}";
            }
        }
        return "a different number of fields";
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Nervewise.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Nervewise.slnx not found above the test folder.");
    }
}
