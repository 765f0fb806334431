using System.Text.Json;

namespace Nervewise.Cli.Tests.Commands;

public sealed class PlanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nervewise-plan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The scenario diaries shared with the Domain tests.</summary>
    private static string Diary(string name) => Path.Combine(AppContext.BaseDirectory, "Diaries", name);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Json_output_follows_the_contract()
    {
        var run = await CliRun.Of("plan", Diary("steady.csv"), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("sliders", root.GetProperty("stage").GetString());
        Assert.Equal("progress", root.GetProperty("decision").GetString());
        Assert.Equal("tensioners", root.GetProperty("nextStage").GetString());
        Assert.InRange(root.GetProperty("predictability").GetDouble(), 0.7, 1);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("reasons").ValueKind);
        Assert.StartsWith("18 days of slider sessions", root.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-03-19T08:00:00+01:00", root.GetProperty("asOf").GetString());
    }

    [Theory]
    [InlineData("steady.csv", "sliders", "progress", "tensioners")]
    [InlineData("erratic.csv", "sliders", "hold", null)]
    [InlineData("flaring.csv", "sliders", "regress", "general-movement")]
    [InlineData("too-early.csv", "sliders", "hold", null)]
    [InlineData("red-flag.csv", "sliders", "seek-help", null)]
    [InlineData("settle.csv", "settle", "progress", "general-movement")]
    public async Task Each_scenario_diary_gets_its_decision(string file, string stage, string decision, string? next)
    {
        var run = await CliRun.Of("plan", Diary(file), "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        // cli.md: nextStage is null unless the decision moves.
        Assert.Equal(("nerve", stage, decision, next), (root.GetProperty("pathway").GetString(), root.GetProperty("stage").GetString(),
            root.GetProperty("decision").GetString(), root.GetProperty("nextStage").GetString()));
        Assert.NotEmpty(root.GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task The_summary_leads_with_what_to_do_and_says_why()
    {
        var steady = await CliRun.Of("plan", Diary("steady.csv"));
        var flagged = await CliRun.Of("plan", Diary("red-flag.csv"));

        Assert.StartsWith("Ready to step up to nerve tensioners", steady.Output, StringComparison.Ordinal);
        Assert.Contains("  - no flare-up within 48 hours of any session", steady.Output, StringComparison.Ordinal);
        Assert.Contains("  [x] Days keeping the pain rules: 14 of 14 days", steady.Output, StringComparison.Ordinal);
        Assert.Contains("guidance, not a diagnosis", steady.Output, StringComparison.Ordinal);
        // A red flag leads with its urgency's headline, the words of the safety card and the assessment.
        Assert.StartsWith("Go to an emergency department now\n", flagged.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Decision: seek-help (urgency: emergency); the plan stays at sliders until a check is recorded", flagged.Output, StringComparison.Ordinal);
        Assert.Contains("  - You logged new trouble passing urine, leaking, or losing control of your bowels on 18 Mar.", flagged.Output, StringComparison.Ordinal);
        Assert.Contains("Your exercises are paused until a doctor has seen you", flagged.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("What unlocks", flagged.Output, StringComparison.Ordinal);
    }

    /// <summary>The steady fortnight of sliders (which alone would step up), with rows added to it.</summary>
    private string Steady(string name, params string[] rows) =>
        Write(name, File.ReadAllText(Diary("steady.csv")).TrimEnd() + "\r\n" + string.Join("", rows.Select(r => r + "\r\n")));

    private static JsonElement Json(CliRun run)
    {
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    [Theory]
    [InlineData("bladder-bowel-change", "emergency")]
    [InlineData("foot-drop", "today")]
    [InlineData("cancer-history", "urgent")]
    [InlineData("weakness", "soon")]
    public async Task Seek_help_holds_the_urgency_and_a_red_flag_30_days_old_and_never_checked_still_counts(string item, string urgency)
    {
        // Logged 37 days before the diary's last entry, and no checked row after it.
        var file = Steady($"old-{item}.csv", $"2026-02-10T09:00:00+01:00,symptom,{item},4,,");

        var root = Json(await CliRun.Of("plan", file, "--json"));
        var readable = await CliRun.Of("plan", file);

        Assert.Equal(("seek-help", urgency), (root.GetProperty("decision").GetString(), root.GetProperty("urgency").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nextStage").ValueKind);
        var reason = Assert.Single(root.GetProperty("safetyReasons").EnumerateArray());
        Assert.Equal((item, urgency, "diary", "2026-02-10T09:00:00+01:00"),
            (reason.GetProperty("item").GetString(), reason.GetProperty("urgency").GetString(), reason.GetProperty("from").GetString(), reason.GetProperty("time").GetString()));
        Assert.StartsWith(Nervewise.Domain.Assessment.AssessmentWording.For(Nervewise.Domain.Assessment.Names.ParseUrgency(urgency)).Headline,
            readable.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checked_row_after_the_red_flag_clears_it()
    {
        var file = Steady("checked.csv",
            "2026-02-10T09:00:00+01:00,symptom,bladder-bowel-change,4,,",
            "2026-02-20T11:00:00+01:00,checked,red-flags,,,Seen in A&E; scan clear");

        var root = Json(await CliRun.Of("plan", file, "--json"));

        Assert.Equal(("progress", "tensioners"), (root.GetProperty("decision").GetString(), root.GetProperty("nextStage").GetString()));
        Assert.False(root.TryGetProperty("urgency", out _));
        Assert.False(root.TryGetProperty("safetyReasons", out _));
    }

    [Fact]
    public async Task A_red_flag_logged_after_the_checked_row_raises_it_again()
    {
        var file = Steady("again.csv",
            "2026-02-10T09:00:00+01:00,symptom,bladder-bowel-change,4,,",
            "2026-02-20T11:00:00+01:00,checked,red-flags,,,",
            "2026-03-12T21:00:00+01:00,symptom,saddle-numbness,3,,");

        var root = Json(await CliRun.Of("plan", file, "--json"));

        Assert.Equal(("seek-help", "emergency"), (root.GetProperty("decision").GetString(), root.GetProperty("urgency").GetString()));
        Assert.Equal("saddle-numbness", Assert.Single(root.GetProperty("safetyReasons").EnumerateArray()).GetProperty("item").GetString());
    }

    [Fact]
    public async Task Without_a_red_flag_the_json_has_no_urgency()
    {
        var root = Json(await CliRun.Of("plan", Diary("steady.csv"), "--json"));

        Assert.False(root.TryGetProperty("urgency", out _));
    }

    [Fact]
    public async Task A_stage_given_replaces_the_one_read_from_the_diary()
    {
        var run = await CliRun.Of("plan", Diary("steady.csv"), "--stage", "tensioners", "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(("tensioners", "hold"), (root.GetProperty("stage").GetString(), root.GetProperty("decision").GetString()));
        Assert.False(root.GetProperty("stageFromDiary").GetBoolean());
        Assert.StartsWith("No tensioner sessions logged at this stage yet", root.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flossing")]
    [InlineData("Sliders")]
    [InlineData("")]
    public async Task A_stage_that_is_not_one_exits_2_naming_the_option(string stage)
    {
        var run = await CliRun.Of("plan", Diary("steady.csv"), "--stage", stage, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains($"--stage '{stage}' is not a stage of the nerve pathway the diary is on; it must be a stage of the nerve pathway: settle, general-movement, sliders, tensioners, provocation, full-training.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_diary_exits_2_naming_the_file_line_and_column()
    {
        var file = Write("bad.csv", "time,type,item,value,duration_minutes,note\r\n" +
            "2026-03-02T18:00:00+01:00,exercise,slump-slider,2,5,\r\n" +
            "2026-03-03T18:00:00+01:00,exercise,slump-slider,12,5,\r\n" +
            "2026-03-04T18:00:00+01:00,exercise,slump-slider,2,,\r\n");

        var run = await CliRun.Of("plan", file, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("nervewise: bad.csv: line 3, column value: must be the highest pain during it, 0 to 10, not 12", run.Error, StringComparison.Ordinal);
        Assert.Contains("nervewise: bad.csv: line 4, column duration_minutes: is required for exercise", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var run = await CliRun.Of("plan", Path.Combine(_folder, "nope.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.csv: no such file.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_diary_starts_at_settle()
    {
        var run = await CliRun.Of("plan", Write("empty.csv", "time,type,item,value,duration_minutes,note\r\n"), "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(("nerve", "settle", "hold", null, 0.0), (root.GetProperty("pathway").GetString(), root.GetProperty("stage").GetString(),
            root.GetProperty("decision").GetString(), root.GetProperty("nextStage").GetString(), root.GetProperty("predictability").GetDouble()));
    }
}
