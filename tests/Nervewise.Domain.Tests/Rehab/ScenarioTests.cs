using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;

namespace Nervewise.Domain.Tests.Rehab;

/// <summary>Whole diaries (Rehab/Diaries, shared with the CLI tests), read as of their last entry as `nervewise plan` reads them.</summary>
public sealed class ScenarioTests
{
    public static PlanResult Plan(string name)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Rehab", "Diaries", name));
        var entries = DiaryCsv.Read(reader);
        return PlanEngine.Decide(entries, PlanSettings.None, entries.MaxBy(e => e.Time.UtcDateTime)!.Time);
    }

    [Theory]
    [InlineData("steady.csv", Stage.Sliders, Decision.Progress, Stage.Tensioners)]
    [InlineData("erratic.csv", Stage.Sliders, Decision.Hold, Stage.Sliders)]
    [InlineData("flaring.csv", Stage.Sliders, Decision.Regress, Stage.GeneralMovement)]
    [InlineData("too-early.csv", Stage.Sliders, Decision.Hold, Stage.Sliders)]
    [InlineData("red-flag.csv", Stage.Sliders, Decision.SeekHelp, Stage.Sliders)]
    [InlineData("settle.csv", Stage.Settle, Decision.Progress, Stage.GeneralMovement)]
    public void Each_diary_gets_the_decision_a_physiotherapist_would_expect(string file, Stage stage, Decision decision, Stage next)
    {
        var result = Plan(file);

        Assert.Equal((stage, decision, next), (result.Stage, result.Decision, result.NextStage));
    }

    /// <summary>The strain and tendon diaries, and the rules of issue 14, each with the decision it should make.</summary>
    [Theory]
    [InlineData("muscle-steady.csv", Pathway.Muscle, Stage.Strengthen, Decision.Progress, Stage.Lengthen)]
    [InlineData("muscle-flaring.csv", Pathway.Muscle, Stage.Running, Decision.Regress, Stage.Lengthen)]
    [InlineData("tendon-steady.csv", Pathway.Tendon, Stage.SlowHeavy, Decision.Progress, Stage.EnergyStorage)]
    [InlineData("tendon-creeping.csv", Pathway.Tendon, Stage.SlowHeavy, Decision.Regress, Stage.Isometric)]
    [InlineData("nerve-spreading.csv", Pathway.Nerve, Stage.Tensioners, Decision.Regress, Stage.Sliders)]
    [InlineData("dose-cut.csv", Pathway.Muscle, Stage.Lengthen, Decision.Hold, null)]
    [InlineData("run-down.csv", Pathway.Muscle, Stage.Running, Decision.Hold, null)]
    [InlineData("changed-pathway.csv", Pathway.Tendon, Stage.Isometric, Decision.Hold, null)]
    public void Each_pathways_diary_gets_the_decision_a_physiotherapist_would_expect(string file, Pathway pathway, Stage stage, Decision decision, Stage? moves)
    {
        var result = Plan(file);

        Assert.Equal((pathway, stage, decision, moves), (result.Pathway, result.Stage, result.Decision, result.Moves));
        Assert.NotEmpty(result.Reasons);
    }

    [Fact]
    public void Each_rule_says_why_in_its_diary()
    {
        Assert.StartsWith("Your morning pain has crept up since this stage began", Plan("tendon-creeping.csv").Reasons[0], StringComparison.Ordinal);
        Assert.Contains(Plan("nerve-spreading.csv").Reasons, r => r.Contains("numbness rose to 8/10 and pins and needles reached your foot", StringComparison.Ordinal));
        var cut = Plan("dose-cut.csv");
        Assert.True(cut.DoseCut);
        Assert.Contains(cut.Reasons, r => r.Contains("2 sessions went above it (7 Mar at 4/10, 9 Mar at 4/10), but the next mornings were settled", StringComparison.Ordinal));
        var runDown = Plan("run-down.csv");
        Assert.StartsWith("This has been a run-down week", runDown.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(3, runDown.Ideas.Count);
        // The nerve rows of the first fortnight are history: the tendon rows after them decide.
        var changed = Plan("changed-pathway.csv");
        Assert.Contains(changed.Sessions, s => s.Session.Item == "slump-slider");
        Assert.Equal("Too early to step up: 13 of the 21 days so far. Keep going at the same dose.", Assert.Single(changed.Reasons));
    }

    [Fact]
    public void Steady_and_predictable_says_so_in_plain_words()
    {
        var result = Plan("steady.csv");

        Assert.True(result.Predictability.Predictable(RehabRules.Current));
        Assert.StartsWith("18 days of slider sessions", result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("no flare-up within 48 hours of any session", result.Reasons);
    }

    [Fact]
    public void Erratic_keeps_the_rules_but_the_responses_vary()
    {
        var result = Plan("erratic.csv");

        Assert.DoesNotContain(result.Sessions, s => s.Outcome == SessionOutcome.Broken);
        Assert.InRange(result.Predictability.Score, 0, RehabRules.Current.Predictability.Cutoff.Value - 0.01);
        Assert.StartsWith("The responses have been erratic", Assert.Single(result.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Flaring_names_the_sessions_that_were_followed_by_flare_ups()
    {
        var result = Plan("flaring.csv");

        Assert.Contains(result.Reasons, r => r.StartsWith("18 Mar, slump slider: the next morning at 4/10, above your usual 2/10 and a flare-up 8 hours later", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_early_counts_the_days_so_far()
    {
        var result = Plan("too-early.csv");

        Assert.Equal("Too early to step up: 7 of the 14 days so far. Keep going at the same dose.", Assert.Single(result.Reasons));
        Assert.False(result.Unlocks[0].Met);
    }

    [Fact]
    public void A_red_flag_points_to_urgent_help_first()
    {
        var result = Plan("red-flag.csv");

        Assert.Equal("bladder-bowel-change", Assert.Single(result.Safety.Reasons).Item);
        Assert.StartsWith("You logged new trouble passing urine, leaking, or losing control of your bowels on 18 Mar. Go to an emergency department now", result.Reasons[0], StringComparison.Ordinal);
    }
}
