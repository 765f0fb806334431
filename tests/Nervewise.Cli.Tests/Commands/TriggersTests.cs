using System.Text.Json;
using Nervewise.Simulation;

namespace Nervewise.Cli.Tests.Commands;

/// <summary>`nervewise triggers DIARY.csv [--json]` as shared/spec/cli.md describes it.</summary>
public sealed class TriggersTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nervewise-triggers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Long sitting makes flare-ups 10 times as likely 6 to 12 hours after it; 60 flare-ups over 240 days.</summary>
    private string PlantedDiary() => Write("planted.csv", SyntheticDiary.Csv(new DiaryScenario(240, 60, PlantedTrigger.Catalogue(10)[0], 3)));

    [Fact]
    public async Task The_json_has_the_contracts_fields_and_finds_the_planted_trigger()
    {
        var run = await CliRun.Of("triggers", PlantedDiary(), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(60, root.GetProperty("flares").GetInt32());
        Assert.Equal(240, root.GetProperty("days").GetInt32());
        var first = root.GetProperty("triggers")[0];
        Assert.Equal("activity:sitting", first.GetProperty("exposure").GetString());
        Assert.Equal(6, first.GetProperty("lagStartHours").GetInt32());
        Assert.Equal(12, first.GetProperty("lagEndHours").GetInt32());
        Assert.True(first.GetProperty("effect").GetDouble() > 1);
        Assert.True(first.GetProperty("ciLow").GetDouble() > 1);
        Assert.True(first.GetProperty("ciHigh").GetDouble() > first.GetProperty("effect").GetDouble());
        Assert.True(first.GetProperty("q").GetDouble() <= 0.05);
        Assert.True(first.GetProperty("significant").GetBoolean());
        Assert.StartsWith("Flare-ups were about", first.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task The_summary_names_the_trigger_in_plain_words()
    {
        var run = await CliRun.Of("triggers", PlantedDiary());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("6 to 12 hours after long sitting (2 hours or more)", run.Output, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The plain output says what the page and the report say: counts over every flare-up, one line per exposure.</summary>
    [Fact]
    public async Task The_summary_counts_every_flare_up_and_names_each_exposure_once()
    {
        var run = await CliRun.Of("triggers", Write("nine-weeks.csv", NineWeekDiary.Csv()));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("no upper limit", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("odds ratio", run.Output, StringComparison.Ordinal);
        Assert.Contains("17 of the 19 flare-ups came 6 to 12 hours after sitting", run.Output, StringComparison.Ordinal);
        Assert.Contains("Somewhere between 1.5 and 56 times as likely", run.Output, StringComparison.Ordinal);
        var lines = run.Output.Split('\n').Where(l => l.StartsWith("  Flare-ups were", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.Single(lines, l => l.Contains("sitting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Too_few_flare_ups_give_an_empty_list_and_a_message()
    {
        var path = Write("short.csv", SyntheticDiary.Csv(new DiaryScenario(30, 3, null, 4)));

        var run = await CliRun.Of("triggers", path, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(3, json.RootElement.GetProperty("flares").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("triggers").GetArrayLength());
        Assert.Contains("There are 3 flare-ups in this diary.", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("flaresNeeded").GetInt32() > 3);
    }

    [Fact]
    public async Task A_bad_row_exits_2_naming_the_file_line_and_column_and_prints_nothing()
    {
        var path = Write("bad.csv",
            "time,type,item,value,duration_minutes,note\r\n" +
            "2026-03-01T09:00:00+01:00,activity,sitting,,480,\r\n" +
            "2026-03-01T21:30:00+01:00,flare,elbow,7,45,\r\n");

        var run = await CliRun.Of("triggers", path, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("nervewise: bad.csv: line 3, column item:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var run = await CliRun.Of("triggers", Path.Combine(_folder, "nowhere.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nowhere.csv: no such file", run.Error, StringComparison.Ordinal);
    }
}
