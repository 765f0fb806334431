using Nervewise.Domain.Assessment;
using Nervewise.Domain.Home;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Tests.Assessment;

namespace Nervewise.Domain.Tests.Home;

public sealed class FirstWeekTests
{
    private static readonly string[] Calm = ["delayed-unpredictable", "worse-at-night", "distressed-by-pain"];

    private static FirstWeekPlan For(Answers answers)
    {
        var built = answers.Build();
        return FirstWeek.For(AssessmentEngine.Assess(built), built);
    }

    [Fact]
    public void Nerve_pain_that_is_hard_to_predict_starts_by_settling()
    {
        var plan = For(Answers.Yes("pins-and-needles", "pain-below-knee", "delayed-unpredictable"));
        Assert.Equal((FirstWeekKind.Nerve, Stage.Settle), (plan.Kind, plan.Stage));
    }

    [Fact]
    public void Nerve_pain_that_is_fairly_steady_starts_with_general_movement()
    {
        var plan = For(Answers.Yes("pins-and-needles", "pain-below-knee").No(Calm));
        Assert.Equal((FirstWeekKind.Nerve, Stage.GeneralMovement), (plan.Kind, plan.Stage));
    }

    [Fact]
    public void An_unanswered_sign_of_unsettled_pain_keeps_the_first_week_at_settle()
    {
        var plan = For(Answers.Yes("pins-and-needles", "pain-below-knee").No("delayed-unpredictable", "worse-at-night"));
        Assert.Equal(Stage.Settle, plan.Stage);
    }

    [Fact]
    public void Pain_getting_worse_keeps_the_first_week_at_settle()
    {
        var plan = For(Answers.Yes("pins-and-needles", "pain-below-knee").No(Calm).Choice("trend", "worse"));
        Assert.Equal(Stage.Settle, plan.Stage);
    }

    [Theory]
    [InlineData("saddle-numbness")]
    [InlineData("bladder-bowel-change")]
    [InlineData("fever-or-unwell")]
    [InlineData("constant-night-pain")]
    public void Warning_signs_come_first_and_hold_back_the_exercise_plan(string flag)
    {
        var plan = For(Answers.Yes("pins-and-needles", "pain-below-knee", flag).No(Calm));
        Assert.Equal(FirstWeekKind.RedFlags, plan.Kind);
        Assert.Null(plan.Stage);
        Assert.True(plan.HoldsPlan);
    }

    [Fact]
    public void Weakness_that_is_not_getting_worse_means_a_check_and_settling_meanwhile()
    {
        var plan = For(Answers.Yes("weakness", "pins-and-needles").No("progressive-weakness").No(Calm));
        Assert.Equal((FirstWeekKind.CheckFirst, Stage.Settle), (plan.Kind, plan.Stage));
    }

    [Fact]
    public void The_safety_state_decides_over_the_answers_a_checked_sign_lets_the_week_start_and_a_logged_one_holds_it()
    {
        var flagged = Answers.Yes("pins-and-needles", "pain-below-knee", "saddle-numbness").No(Calm).Build();
        var calm = Answers.Yes("pins-and-needles", "pain-below-knee").No(Calm).Build();

        // A professional has checked the warning sign in the answers: the week starts from the sources.
        var checkedSince = FirstWeek.For(AssessmentEngine.Assess(flagged), flagged, Urgency.Routine);
        // Calm answers, but a warning sign logged in the diary since.
        var loggedEmergency = FirstWeek.For(AssessmentEngine.Assess(calm), calm, Urgency.Emergency);
        var loggedWeakness = FirstWeek.For(AssessmentEngine.Assess(calm), calm, Urgency.Soon);

        Assert.Equal((FirstWeekKind.Nerve, Stage.GeneralMovement), (checkedSince.Kind, checkedSince.Stage));
        Assert.True(loggedEmergency.HoldsPlan);
        Assert.Equal((FirstWeekKind.CheckFirst, Stage.Settle), (loggedWeakness.Kind, loggedWeakness.Stage));
    }

    [Fact]
    public void A_strained_muscle_without_nerve_signs_starts_the_strain_pathway_and_says_why()
    {
        var plan = For(Answers.Yes("sudden-onset-in-activity", "bruising", "local-tender-spot")
            .No("pins-and-needles", "numbness", "pain-below-knee"));
        Assert.Equal((FirstWeekKind.Muscle, Pathway.Muscle, Stage.Protect), (plan.Kind, plan.Pathway, plan.Stage));
        Assert.Contains("hamstring strain", plan.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sit_bone_tendon_starts_the_tendon_pathway_with_holds_and_says_why()
    {
        var plan = For(Answers.Yes("sit-bone-pain", "pain-sitting-on-sit-bone", "gradual-onset-load-change", "pain-loaded-hip-bend")
            .No("pins-and-needles", "numbness", "pain-below-knee", "sudden-onset-in-activity"));
        Assert.Equal((FirstWeekKind.Tendon, Pathway.Tendon, Stage.Isometric), (plan.Kind, plan.Pathway, plan.Stage));
        Assert.Contains("tendon", plan.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_questionnaire_is_unclear_and_settles() =>
        Assert.Equal((FirstWeekKind.Unclear, Stage.Settle), (For(Answers.None).Kind, For(Answers.None).Stage));

    [Fact]
    public void The_first_week_rules_name_real_items_and_urgencies()
    {
        var rules = HomeRules.Current.FirstWeek;
        var items = AssessmentQuestionnaire.Current.Items;
        Assert.All(rules.UnsettledSigns.Value, item => Assert.True(items.ContainsKey(item), item));
        var urgencies = Enum.GetNames<Urgency>().Select(n => n.ToLowerInvariant()).ToList();
        Assert.All(rules.HoldPlanAt.Value.Concat(rules.SettleOnlyAt.Value), u => Assert.Contains(u, urgencies));
        var trend = items["trend"].Options.Select(o => o.Code).ToList();
        Assert.All(rules.WorseTrend.Value, code => Assert.Contains(code, trend));
    }

    [Fact]
    public void The_first_week_has_started_once_the_plan_has_a_stage_or_a_session_is_logged()
    {
        var session = Nervewise.Domain.Diary.DiaryEntry.Create(DateTimeOffset.UnixEpoch, Nervewise.Domain.Diary.EntryType.Exercise, "easing-positions", 1, 5, null);
        Assert.False(FirstWeek.Started(PlanSettings.None, []));
        Assert.True(FirstWeek.Started(PlanSettings.None with { Stage = Stage.Settle }, []));
        Assert.True(FirstWeek.Started(PlanSettings.None, [session]));
    }
}
