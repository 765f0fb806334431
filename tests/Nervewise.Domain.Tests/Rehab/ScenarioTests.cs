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
