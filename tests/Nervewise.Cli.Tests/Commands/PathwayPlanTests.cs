using System.Text.Json;

namespace Nervewise.Cli.Tests.Commands;

/// <summary>
/// `nervewise plan --json` on diaries of all three pathways (shared/spec/cli.md, changed 2026-11-28): the pathway, the
/// stage, the decision and the next stage; `--pathway` and `--stage` refused with exit 2 and the valid values.
/// </summary>
public sealed class PathwayPlanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nervewise-pathway-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The scenario diaries shared with the Domain tests.</summary>
    private static string Diary(string name) => Path.Combine(AppContext.BaseDirectory, "Diaries", name);

    private static JsonElement Json(CliRun run)
    {
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private static (string?, string?, string?, string?) Contract(JsonElement root) => (root.GetProperty("pathway").GetString(),
        root.GetProperty("stage").GetString(), root.GetProperty("decision").GetString(), root.GetProperty("nextStage").GetString());

    [Theory]
    [InlineData("muscle-steady.csv", "muscle", "strengthen", "progress", "lengthen")]
    [InlineData("muscle-flaring.csv", "muscle", "running", "regress", "lengthen")]
    [InlineData("tendon-steady.csv", "tendon", "slow-heavy", "progress", "energy-storage")]
    [InlineData("tendon-creeping.csv", "tendon", "slow-heavy", "regress", "isometric")]
    [InlineData("nerve-spreading.csv", "nerve", "tensioners", "regress", "sliders")]
    [InlineData("dose-cut.csv", "muscle", "lengthen", "hold", null)]
    [InlineData("run-down.csv", "muscle", "running", "hold", null)]
    [InlineData("changed-pathway.csv", "tendon", "isometric", "hold", null)]
    public async Task Each_pathways_diary_gets_its_decision_to_the_contract(string file, string pathway, string stage, string decision, string? next)
    {
        var root = Json(await CliRun.Of("plan", Diary(file), "--json"));

        Assert.Equal((pathway, stage, decision, next), Contract(root));
        Assert.InRange(root.GetProperty("predictability").GetDouble(), 0, 1);
        Assert.NotEmpty(root.GetProperty("reasons").EnumerateArray());
        Assert.All(root.GetProperty("reasons").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetString())));
        Assert.False(root.TryGetProperty("urgency", out _));
    }

    [Fact]
    public async Task The_rules_of_issue_14_show_in_the_json()
    {
        var cut = Json(await CliRun.Of("plan", Diary("dose-cut.csv"), "--json"));
        var runDown = Json(await CliRun.Of("plan", Diary("run-down.csv"), "--json"));
        var creeping = Json(await CliRun.Of("plan", Diary("tendon-creeping.csv"), "--json"));

        Assert.True(cut.GetProperty("doseCut").GetBoolean());
        Assert.Contains(cut.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("fewer repetitions, shorter holds and a smaller range", StringComparison.Ordinal));
        Assert.Equal(3, runDown.GetProperty("ideas").GetArrayLength());
        Assert.StartsWith("This has been a run-down week", runDown.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Your morning pain has crept up since this stage began", creeping.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        // The exercises are the stage's own, on its own pathway.
        Assert.Equal(["tendon-curl", "romanian-deadlift", "tendon-isometric"],
            creeping.GetProperty("exercises").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_readable_summary_names_the_pathway_and_the_step()
    {
        var run = await CliRun.Of("plan", Diary("tendon-creeping.csv"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Step back to holds", run.Output, StringComparison.Ordinal);
        Assert.Contains("Pathway: tendon (Sit-bone tendon)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Decision: regress; next stage: isometric", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("Tendon")]
    [InlineData("sciatica")]
    [InlineData("")]
    public async Task An_unknown_pathway_exits_2_listing_nerve_muscle_and_tendon(string pathway)
    {
        var run = await CliRun.Of("plan", Diary("tendon-steady.csv"), "--pathway", pathway, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains($"--pathway '{pathway}' is not a pathway; it must be one of nerve, muscle, tendon.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tendon", "sliders", "isometric, slow-heavy, energy-storage, full-training")]
    [InlineData("muscle", "isometric", "protect, strengthen, lengthen, running, full-training")]
    [InlineData("nerve", "protect", "settle, general-movement, sliders, tensioners, provocation, full-training")]
    [InlineData("muscle", "Lengthen", "protect, strengthen, lengthen, running, full-training")]
    public async Task A_stage_not_of_the_pathway_exits_2_listing_that_pathways_stages(string pathway, string stage, string stages)
    {
        var run = await CliRun.Of("plan", Diary("tendon-steady.csv"), "--pathway", pathway, "--stage", stage, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains($"--stage '{stage}' is not a stage of the {pathway} pathway; it must be a stage of the {pathway} pathway: {stages}.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_without_a_pathway_is_checked_against_the_diarys_pathway()
    {
        var run = await CliRun.Of("plan", Diary("tendon-steady.csv"), "--stage", "sliders", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--stage 'sliders' is not a stage of the tendon pathway the diary is on; it must be a stage of the tendon pathway: isometric, slow-heavy, energy-storage, full-training.",
            run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pathway_tendon_with_stage_slow_heavy_is_accepted()
    {
        var given = Json(await CliRun.Of("plan", Diary("tendon-steady.csv"), "--pathway", "tendon", "--stage", "slow-heavy", "--json"));
        var onNerveDiary = Json(await CliRun.Of("plan", Diary("steady.csv"), "--pathway", "tendon", "--stage", "slow-heavy", "--json"));

        Assert.Equal(("tendon", "slow-heavy", "progress", "energy-storage"), Contract(given));
        Assert.False(given.GetProperty("stageFromDiary").GetBoolean());
        // A nerve diary told it is on slow heavy lifts: no such sessions yet, so it holds there.
        Assert.Equal(("tendon", "slow-heavy", "hold", null), Contract(onNerveDiary));
    }

    [Fact]
    public async Task A_pathway_alone_starts_at_its_first_stage_unless_the_diary_is_on_it()
    {
        var muscle = Json(await CliRun.Of("plan", Diary("steady.csv"), "--pathway", "muscle", "--json"));
        var tendon = Json(await CliRun.Of("plan", Diary("tendon-steady.csv"), "--pathway", "tendon", "--json"));

        Assert.Equal(("muscle", "protect", "hold", null), Contract(muscle));
        Assert.Equal(("tendon", "slow-heavy", "progress", "energy-storage"), Contract(tendon));
    }

    [Fact]
    public async Task A_diary_with_rows_of_an_earlier_pathway_is_not_an_error_the_latest_rows_decide()
    {
        var root = Json(await CliRun.Of("plan", Diary("changed-pathway.csv"), "--json"));

        Assert.Equal("tendon", root.GetProperty("pathway").GetString());
        Assert.Equal("2026-03-16T18:00:00+01:00", root.GetProperty("stageSince").GetString());
    }

    [Fact]
    public async Task A_red_flag_in_a_strain_diary_seeks_help_with_no_next_stage()
    {
        var file = Path.Combine(_folder, "strain-flag.csv");
        File.WriteAllText(file, File.ReadAllText(Diary("muscle-steady.csv")).TrimEnd() + "\r\n2026-03-12T09:00:00+01:00,symptom,weakness,4,,\r\n");

        var root = Json(await CliRun.Of("plan", file, "--json"));

        Assert.Equal(("muscle", "strengthen", "seek-help", null), Contract(root));
        Assert.Equal("soon", root.GetProperty("urgency").GetString());
    }
}
