using Microsoft.Extensions.Time.Testing;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

public sealed class DecisionTests
{
    private static readonly RehabRules Rules = RehabRules.Current;
    private static readonly int RunDays = Rules.Decisions.RunDays.Whole;

    /// <summary>A week of mornings at 2/10, then a slider session each evening and a morning reading after each.</summary>
    private static DiaryBuilder Sliders(int days, decimal during = 2) =>
        new DiaryBuilder().Mornings(-7, days, 2).Sessions(0, days - 1, "slump-slider", during);

    private static PlanResult Decide(IReadOnlyList<DiaryEntry> diary, TimeProvider clock, PlanSettings? settings = null) =>
        PlanEngine.Decide(diary, settings ?? PlanSettings.None, clock);

    [Fact]
    public void A_steady_run_steps_up_on_the_day_it_reaches_the_run_length_and_not_before()
    {
        var diary = Sliders(30).Build();
        var clock = new FakeTimeProvider(At(RunDays - 2, 9));

        var early = Decide(diary, clock);
        clock.Advance(TimeSpan.FromDays(1));
        var ready = Decide(diary, clock);

        Assert.Equal((Stage.Sliders, Decision.Hold, Stage.Sliders), (early.Stage, early.Decision, early.NextStage));
        Assert.Contains(early.Reasons, r => r.StartsWith($"Too early to step up: {RunDays - 1} of the {RunDays} days", StringComparison.Ordinal));
        Assert.Equal((Decision.Progress, Stage.Tensioners), (ready.Decision, ready.NextStage));
        // At 09:00 on the last day, that evening's session is still to come.
        Assert.Equal($"{RunDays} days of slider sessions ({RunDays - 1} sessions) with pain during at most 3/10", ready.Reasons[0]);
        Assert.All(ready.Unlocks, u => Assert.True(u.Met, u.Name));
        Assert.Equal(1, ready.Predictability.Score);
    }

    [Fact]
    public void One_session_that_breaks_a_rule_starts_the_run_again()
    {
        var diary = Sliders(40).Session(8, 19, "slump-slider", 5).Build();
        var clock = new FakeTimeProvider(At(20, 9));

        var held = Decide(diary, clock);
        clock.SetUtcNow(At(9 + RunDays - 1, 9));
        var ready = Decide(diary, clock);

        Assert.Equal(Decision.Hold, held.Decision);
        Assert.Contains(held.Reasons, r => r.StartsWith("The slump slider session on 10 Mar broke a pain rule (pain during 5/10, above your agreed 3/10)", StringComparison.Ordinal));
        Assert.Equal(Decision.Progress, ready.Decision);
    }

    [Fact]
    public void The_agreed_pain_level_is_the_persons_own_when_a_clinician_sets_one()
    {
        var diary = Sliders(20, during: 4).Build();
        var clock = new FakeTimeProvider(At(19, 9));

        var byDefault = Decide(diary, clock);
        var agreedFour = Decide(diary, clock, new PlanSettings(AgreedPainLevel: 4));

        // Above the agreed 3/10 but settled every next morning: a smaller dose within the stage, not a step back.
        Assert.Equal((Decision.Hold, Stage.Sliders, true), (byDefault.Decision, byDefault.NextStage, byDefault.DoseCut));
        Assert.Equal(3, byDefault.AgreedPainLevel);
        Assert.Equal(Decision.Progress, agreedFour.Decision);
        Assert.Contains("at most 4/10", agreedFour.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Two_of_the_last_four_sessions_breaking_rules_steps_back_and_one_only_holds()
    {
        var one = Sliders(20).Session(16, 19, "slump-slider", 5).Build();
        // A flare-up the morning after back-to-back sessions falls within 48 hours of both.
        var two = Sliders(20).Flare(17, 10).Build();
        var clock = new FakeTimeProvider(At(20, 9));

        var held = Decide(one, clock);
        var back = Decide(two, clock);

        Assert.Equal(Decision.Hold, held.Decision);
        Assert.Equal((Decision.Regress, Stage.GeneralMovement), (back.Decision, back.NextStage));
        Assert.StartsWith("2 of the last 4 sessions were followed by a worse morning or a flare-up", back.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(back.Reasons, r => r.Contains("a flare-up 16 hours later", StringComparison.Ordinal));
        Assert.Contains(PlanWording.SteppingBackIsNormal, back.Reasons);
    }

    [Fact]
    public void Trouble_older_than_the_lookback_does_not_step_back()
    {
        var diary = Sliders(40).Flare(3, 10).Flare(5, 10).Build();
        var clock = new FakeTimeProvider(At(30, 9));

        Assert.Equal(Decision.Progress, Decide(diary, clock).Decision);
    }

    [Fact]
    public void A_red_flag_wins_over_a_perfect_run_until_someone_has_checked_it()
    {
        var diary = Sliders(20).Symptom(18, 9, "saddle-numbness").Build();
        var clock = new FakeTimeProvider(At(19, 9));

        var flagged = Decide(diary, clock);
        var checkedSince = Decide(Sliders(20).Symptom(18, 9, "saddle-numbness").Checked(18, 15).Build(), clock);

        Assert.Equal((Decision.SeekHelp, Stage.Sliders), (flagged.Decision, flagged.NextStage));
        Assert.StartsWith("You logged numbness between your legs: around your genitals, bottom or inner thighs on 20 Mar. Go to an emergency department now", flagged.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(PlanWording.PauseForHelp(Nervewise.Domain.Assessment.Urgency.Emergency), flagged.Reasons[^1]);
        Assert.Equal(Decision.Progress, checkedSince.Decision);
    }

    [Fact]
    public void A_red_flag_logged_with_no_intensity_does_not_count()
    {
        var diary = Sliders(40).Symptom(35, 9, "fever-or-unwell", 0).Build();
        var clock = new FakeTimeProvider(At(36, 9));

        var result = Decide(diary, clock);

        Assert.Empty(result.Safety.Reasons);
        Assert.NotEqual(Decision.SeekHelp, result.Decision);
    }

    [Fact]
    public void A_red_flag_never_expires_with_time_only_a_check_clears_it()
    {
        // A bladder change 34 days ago, never checked: still seek help (the plan used to forget it after 28 days).
        var neverChecked = Decide(Sliders(40).Symptom(2, 9, "bladder-bowel-change").Build(), new FakeTimeProvider(At(36, 9)));
        var cleared = Decide(Sliders(40).Symptom(2, 9, "bladder-bowel-change").Checked(3, 9).Build(), new FakeTimeProvider(At(36, 9)));
        var raisedAgain = Decide(Sliders(40).Symptom(2, 9, "bladder-bowel-change").Checked(3, 9).Symptom(35, 8, "bladder-bowel-change").Build(),
            new FakeTimeProvider(At(36, 9)));

        Assert.Equal(Decision.SeekHelp, neverChecked.Decision);
        Assert.Equal(Nervewise.Domain.Assessment.Urgency.Emergency, neverChecked.Safety.Urgency);
        Assert.NotEqual(Decision.SeekHelp, cleared.Decision);
        Assert.Equal(Decision.SeekHelp, raisedAgain.Decision);
    }

    [Fact]
    public void Weakness_logged_after_the_last_check_holds_the_plan_until_it_is_checked()
    {
        var checkedBefore = Sliders(40).Symptom(-5, 9, "weakness", 3).Checked(-4, 9).Build();
        var loggedSince = Sliders(40).Symptom(-5, 9, "weakness", 3).Checked(-4, 9).Symptom(35, 9, "weakness", 3).Build();
        var clock = new FakeTimeProvider(At(36, 9));

        Assert.NotEqual(Decision.SeekHelp, Decide(checkedBefore, clock).Decision);
        var result = Decide(loggedSince, clock);
        Assert.Equal((Decision.SeekHelp, Nervewise.Domain.Assessment.Urgency.Soon), (result.Decision, result.Safety.Urgency));
        Assert.StartsWith("You logged your leg or foot feels weak, and it is not getting worse on 6 Apr. Book a physiotherapist or doctor", result.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(PlanWording.PauseForHelp(Nervewise.Domain.Assessment.Urgency.Soon), result.Reasons[^1]);
    }

    [Fact]
    public void Nerve_signs_in_both_legs_with_weakness_are_an_emergency()
    {
        var diary = Sliders(10).Symptom(8, 9, "both-legs").Symptom(8, 10, "weakness", 4).Build();
        var clock = new FakeTimeProvider(At(9, 9));

        var result = Decide(diary, clock);

        Assert.Equal(Nervewise.Domain.Assessment.Urgency.Emergency, result.Safety.Reasons[0].Urgency);
        Assert.Contains("emergency department", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Erratic_responses_hold_even_when_every_rule_is_kept()
    {
        var diary = new DiaryBuilder().Mornings(-7, 20, 2);
        for (var day = 0; day < 20; day++)
        {
            diary.Session(day, 18, "slump-slider", day % 2 == 0 ? 0 : 3);
        }
        var clock = new FakeTimeProvider(At(20, 9));

        var result = Decide(diary.Build(), clock);

        Assert.Equal(Decision.Hold, result.Decision);
        Assert.True(result.Predictability.Score < Rules.Predictability.Cutoff.Value);
        Assert.Contains(result.Reasons, r => r.StartsWith("The responses have been erratic", StringComparison.Ordinal));
    }

    [Fact]
    public void Sessions_without_next_morning_answers_hold_and_say_why()
    {
        var diary = new DiaryBuilder().Mornings(-7, -1, 2).Sessions(0, 19, "slump-slider", 2).Build();
        var clock = new FakeTimeProvider(At(20, 9));

        var result = Decide(diary, clock);

        Assert.Equal(Decision.Hold, result.Decision);
        Assert.Contains(result.Reasons, r => r.Contains("no next-morning pain answer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_break_of_more_than_a_week_starts_the_run_again()
    {
        var diary = new DiaryBuilder().Mornings(-7, 40, 2).Sessions(0, 9, "slump-slider", 2).Sessions(20, 27, "slump-slider", 2).Build();
        var clock = new FakeTimeProvider(At(19, 9));

        var idle = Decide(diary, clock);
        clock.SetUtcNow(At(28, 9));
        var resumed = Decide(diary, clock);

        Assert.Contains(idle.Reasons, r => r.StartsWith("No slider session since 11 Mar", StringComparison.Ordinal));
        Assert.False(idle.Unlocks.Single(u => u.Name.StartsWith("A session in the last", StringComparison.Ordinal)).Met);
        Assert.Equal(Decision.Hold, resumed.Decision);
        Assert.Contains(resumed.Reasons, r => r.StartsWith("Too early to step up: 9 of the 14 days", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stage_set_by_the_person_or_clinician_counts_only_sessions_since_then()
    {
        var diary = Sliders(20).Sessions(10, 19, "slump-tensioner", 2).Build();
        var clock = new FakeTimeProvider(At(20, 9));

        var fromDiary = Decide(diary, clock);
        var set = Decide(diary, clock, new PlanSettings(Stage.Tensioners, StageSince: At(15, 0)));

        Assert.Equal(Stage.Tensioners, fromDiary.Stage);
        Assert.True(fromDiary.StageFromDiary);
        Assert.Equal(At(10, 18), fromDiary.StageSince);
        Assert.False(set.StageFromDiary);
        Assert.Contains(set.Unlocks, u => u.Name == "Tensioner sessions in that time" && u.Progress == "5 of 6");
    }

    [Fact]
    public void An_empty_diary_is_in_the_settle_stage_and_says_how_to_begin()
    {
        var result = PlanEngine.Decide([], PlanSettings.None, new FakeTimeProvider(At(0, 9)));

        Assert.Equal((Stage.Settle, Decision.Hold, Stage.Settle), (result.Stage, result.Decision, result.NextStage));
        Assert.StartsWith("Nothing in the diary yet", result.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(0, result.Predictability.Basis);
    }

    [Fact]
    public void A_calm_predictable_week_moves_from_settle_to_general_movement_and_a_flare_holds_it()
    {
        var calm = new DiaryBuilder().Mornings(0, 9, 3).Build();
        var flared = new DiaryBuilder().Mornings(0, 9, 3).Flare(7, 20).Build();
        var clock = new FakeTimeProvider(At(9, 9));

        var moving = Decide(calm, clock);
        var settling = Decide(flared, clock);

        Assert.Equal((Stage.Settle, Decision.Progress, Stage.GeneralMovement), (moving.Stage, moving.Decision, moving.NextStage));
        Assert.Equal(Decision.Hold, settling.Decision);
        Assert.StartsWith("A flare-up on 9 Mar: keep settling for now", settling.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_stage_holds_with_encouragement_instead_of_a_next_step()
    {
        var diary = new DiaryBuilder().Mornings(-7, 20, 2).Sessions(0, 19, "full-training", 3, minutes: 45).Build();
        var clock = new FakeTimeProvider(At(20, 9));

        var result = Decide(diary, clock);

        Assert.Equal((Stage.FullTraining, Decision.Hold, Stage.FullTraining), (result.Stage, result.Decision, result.NextStage));
        Assert.StartsWith("You are on the last step", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_decision_gives_reasons_and_a_next_stage_one_step_at_most_away()
    {
        var diaries = new[]
        {
            Sliders(3).Build(), Sliders(20).Build(), Sliders(20).Flare(15, 10).Flare(17, 10).Build(),
            Sliders(20).Symptom(18, 9, "bladder-bowel-change").Build(), new DiaryBuilder().Mornings(0, 3, 5).Build(),
        };
        foreach (var diary in diaries)
        {
            var result = Decide(diary, new FakeTimeProvider(At(20, 9)));
            Assert.NotEmpty(result.Reasons);
            Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
            Assert.InRange(result.NextStage - result.Stage, -1, 1);
            Assert.InRange(result.Predictability.Score, 0, 1);
        }
    }
}
