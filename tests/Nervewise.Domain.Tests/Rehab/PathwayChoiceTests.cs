using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

/// <summary>Which pathway a person is on (issue 14, section 2), and the stage's exercises made for them (section 3).</summary>
public sealed class PathwayChoiceTests
{
    private static readonly RehabRules Rules = RehabRules.Current;

    private static readonly string[] TendonAnswers = ["sit-bone-pain", "pain-sitting-on-sit-bone", "gradual-onset-load-change", "warms-up-with-activity"];
    private static readonly string[] StrainAnswers = ["sudden-onset-in-activity", "pain-on-contraction", "local-pain-on-stretch", "local-tender-spot"];
    private static readonly string[] NerveAndTendonAnswers = ["pins-and-needles", "numbness", "pain-below-knee", "sit-bone-pain", "pain-sitting-on-sit-bone"];

    internal static AssessmentTaken Taken(DateTimeOffset at, string[] yes, params string[] no)
    {
        var builder = new AssessmentAnswers.Builder();
        foreach (var item in yes)
        {
            builder.Boolean(item, true);
        }
        foreach (var item in no)
        {
            builder.Boolean(item, false);
        }
        return new AssessmentTaken(builder.Build(), at);
    }

    private static PlanResult Decide(IReadOnlyList<DiaryEntry> diary, DateTimeOffset now, AssessmentTaken? assessment, PlanSettings? settings = null) =>
        PlanEngine.Decide(diary, settings ?? PlanSettings.None, now, assessment: assessment);

    [Theory]
    [InlineData(new[] { "sit-bone-pain", "pain-sitting-on-sit-bone", "gradual-onset-load-change", "warms-up-with-activity" }, Pathway.Tendon, Stage.Isometric)]
    [InlineData(new[] { "sudden-onset-in-activity", "pain-on-contraction", "local-pain-on-stretch", "local-tender-spot" }, Pathway.Muscle, Stage.Protect)]
    [InlineData(new[] { "pins-and-needles", "numbness", "pain-below-knee", "burning-shooting" }, Pathway.Nerve, Stage.Settle)]
    public void The_latest_assessments_main_source_picks_the_pathway_when_the_diary_has_no_sessions(string[] yes, Pathway pathway, Stage first)
    {
        var diary = new DiaryBuilder().Mornings(0, 5, 3).Build();

        var result = Decide(diary, At(5, 9), Taken(At(0, 7), yes));

        Assert.Equal((pathway, first), (result.Pathway, result.Stage));
        Assert.Equal(Rules.For(pathway, first).Plan.Select(p => p.Exercise), result.Personal.Items.Select(i => i.Exercise));
        if (pathway == Pathway.Nerve)
        {
            Assert.Null(result.PathwayNote);
        }
        else
        {
            Assert.Equal($"Your assessment on 2 Mar points mainly to {Rules.For(pathway).Name.ToLowerInvariant()}, so your plan follows that pathway.", result.PathwayNote);
        }
    }

    [Fact]
    public void Nerve_with_a_possible_tendon_leaves_out_tensioners_and_stretches_that_load_the_sit_bone_and_says_why()
    {
        var assessment = Taken(At(-8, 7), NerveAndTendonAnswers);
        var judged = AssessmentEngine.Assess(assessment.Answers);
        Assert.Equal(Source.Nerve, judged.PrimarySource);
        Assert.True(judged.Mixed);
        var diary = new DiaryBuilder().Mornings(-7, 20, 2).Sessions(0, 9, "slump-tensioner", 2).Build();

        var result = Decide(diary, At(10, 9), assessment);

        Assert.Equal((Pathway.Nerve, Stage.Tensioners, Decision.Hold), (result.Pathway, result.Stage, result.Decision));
        Assert.StartsWith("While sit-bone tendon is also possible, this step's own exercises are left out", result.Reasons[0], StringComparison.Ordinal);
        var ids = result.Personal.Items.Select(i => i.Exercise).ToList();
        // The step below carries on in their place: the lying slider the tendon allows.
        Assert.Contains("slr-slider", ids);
        Assert.DoesNotContain(ids, id => id.EndsWith("-tensioner", StringComparison.Ordinal));
        Assert.DoesNotContain("slump-slider", ids);
        Assert.DoesNotContain(ids, id => Rules.For(Pathway.Tendon).AvoidWhenSecondary.Contains(id));
        Assert.Contains(Rules.For(Pathway.Tendon).Precautions, result.Personal.Precautions);
        Assert.Contains(result.Personal.Notes, n => n.StartsWith("Some exercises are left out while sit-bone tendon is also possible", StringComparison.Ordinal));

        // The provocation stage leaves out long sitting and splits as well.
        var provocation = PersonalPlan.For(new PathwayStage(Pathway.Nerve, Stage.Provocation), [Pathway.Tendon], diary, assessment, At(10, 9), Rules);
        Assert.DoesNotContain(provocation.Items, i => i.Exercise is "long-sit-progression" or "splits-progression" or "slr-tensioner");
    }

    [Fact]
    public void Nerve_with_a_possible_tendon_does_not_step_up_into_tensioners_it_would_leave_empty()
    {
        var assessment = Taken(At(-8, 7), NerveAndTendonAnswers);
        var diary = new DiaryBuilder().Mornings(-7, 30, 2).Sessions(0, 29, "slr-slider", 2).Build();

        var alone = Decide(diary, At(29, 9), null);
        var mixed = Decide(diary, At(29, 9), assessment);

        Assert.Equal((Stage.Sliders, Decision.Progress, Stage.Tensioners), (alone.Stage, alone.Decision, alone.NextStage));
        Assert.Equal((Stage.Sliders, Decision.Hold, (Stage?)null), (mixed.Stage, mixed.Decision, mixed.Moves));
        Assert.StartsWith("You would be ready for nerve tensioners, but while sit-bone tendon is also possible", mixed.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_assessment_with_another_main_source_moves_the_person_and_says_so_keeping_the_history()
    {
        var diary = new DiaryBuilder().Mornings(-7, 20, 2).Sessions(0, 12, "slump-slider", 2).Build();

        var moved = Decide(diary, At(14, 9), Taken(At(13, 7), TendonAnswers));
        var older = Decide(diary, At(14, 9), Taken(At(-10, 7), TendonAnswers));

        Assert.Equal((Pathway.Tendon, Stage.Isometric), (moved.Pathway, moved.Stage));
        Assert.Equal("Your assessment on 15 Mar points mainly to sit-bone tendon rather than nerve pain, so your plan has moved to the sit-bone tendon pathway. " +
            "Your earlier sessions stay in your diary.", moved.PathwayNote);
        Assert.Equal(Decision.Hold, moved.Decision);
        Assert.Contains(moved.Sessions, s => s.Session.Item == "slump-slider");
        // An assessment older than the sessions does not override what the person has done since.
        Assert.Equal((Pathway.Nerve, Stage.Sliders, (string?)null), (older.Pathway, older.Stage, older.PathwayNote));
    }

    [Fact]
    public void A_pathway_chosen_by_the_person_or_clinician_wins_over_the_assessment_and_the_diary()
    {
        var diary = new DiaryBuilder().Mornings(-7, 20, 2).Sessions(0, 12, "slump-slider", 2).Build();

        var chosen = Decide(diary, At(14, 9), Taken(At(13, 7), TendonAnswers), new PlanSettings(Pathway: Pathway.Muscle));
        var staged = Decide(diary, At(14, 9), Taken(At(13, 7), TendonAnswers), new PlanSettings(Stage.SlowHeavy, Pathway: Pathway.Tendon));

        Assert.Equal((Pathway.Muscle, Stage.Protect), (chosen.Pathway, chosen.Stage));
        Assert.Null(chosen.PathwayNote);
        Assert.Equal((Pathway.Tendon, Stage.SlowHeavy, false), (staged.Pathway, staged.Stage, staged.StageFromDiary));
        Assert.StartsWith("No heavy lifting sessions logged at this stage yet", staged.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_diary_holding_exercises_of_an_earlier_pathway_is_not_an_error_the_latest_rows_decide()
    {
        // Three weeks of nerve sliders, then a tendon pathway from day 21: the tendon rows decide, the nerve ones are history.
        var diary = new DiaryBuilder().Mornings(-7, 50, 2).Sessions(0, 20, "slump-slider", 2)
            .Sessions(21, 41, "tendon-isometric", 2, 15).Build();

        var result = Decide(diary, At(41, 9), null);

        Assert.Equal((Pathway.Tendon, Stage.Isometric, Decision.Progress, Stage.SlowHeavy), (result.Pathway, result.Stage, result.Decision, result.NextStage));
        Assert.Equal(At(21, 18), result.StageSince);
        Assert.StartsWith($"{Rules.RunDays(Pathway.Tendon)} days of ", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_provocation_stage_brings_back_the_persons_own_aggravating_activities()
    {
        // Driving and dancing came before the flare-ups; running never did.
        var diary = new DiaryBuilder().Mornings(-7, 30, 2).Sessions(0, 20, "long-sit-progression", 2)
            .Activity(-20, 9, "driving", 120).Flare(-19, 9, 6, "calf")
            .Activity(-15, 19, "dancing", 90).Flare(-14, 20, 6, "calf")
            .Activity(-12, 9, "driving", 90).Flare(-12, 18, 6, "calf")
            .Activity(-5, 7, "running", 30).Build();

        var result = Decide(diary, At(3, 9), null);
        var plan = PersonalPlan.For(new PathwayStage(Pathway.Nerve, Stage.Provocation), [], diary, null, At(3, 9), Rules);

        Assert.Equal((Pathway.Nerve, Stage.Provocation), (result.Pathway, result.Stage));
        Assert.Equal(["long-sit-progression", "splits-progression"], result.Personal.Items.Select(i => i.Exercise).Take(2));
        Assert.DoesNotContain(result.Personal.Items, i => i.Exercise == "stride-progression");
        Assert.Contains(plan.Notes, n => n.StartsWith("Chosen from what comes before your flare-ups and what you said is worst: driving, dancing", StringComparison.Ordinal));
    }

    [Fact]
    public void The_provocation_stage_reads_the_assessment_answers_and_a_runner_gets_strides_not_splits()
    {
        var runner = new DiaryBuilder().Mornings(-7, 10, 2)
            .Activity(-10, 7, "running", 40).Flare(-9, 20, 6, "calf").Activity(-6, 7, "sprinting", 20).Flare(-5, 20, 6, "calf").Build();
        var answered = Taken(At(-3, 7), ["sitting-bending-worst"]);

        var plan = PersonalPlan.For(new PathwayStage(Pathway.Nerve, Stage.Provocation), [], runner, answered, At(2, 9), Rules);
        var nothingKnown = PersonalPlan.For(new PathwayStage(Pathway.Nerve, Stage.Provocation), [], [], null, At(2, 9), Rules);

        var ids = plan.Items.Select(i => i.Exercise).ToList();
        Assert.Equal("stride-progression", ids[0]);
        Assert.Contains(ids, id => id is "long-sit-progression" or "forward-bend-progression");
        Assert.DoesNotContain("splits-progression", ids);
        Assert.Equal(Rules.Provocations.Default, nothingKnown.Items.Select(i => i.Exercise).Intersect(Rules.Exercises.Where(e => e.StageValue == Stage.Provocation).Select(e => e.Id)));
        Assert.Contains(nothingKnown.Notes, n => n.StartsWith("Your diary and answers don't yet show which positions stir the pain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Pathway.Muscle, "return-to-sport")]
    [InlineData(Pathway.Tendon, "tendon-return-to-sport")]
    [InlineData(Pathway.Nerve, "full-training")]
    public void Full_training_names_the_persons_own_sport(Pathway pathway, string exercise)
    {
        var diary = new DiaryBuilder().Mornings(-7, 10, 2).Sessions(0, 9, exercise, 2, 45)
            .Activity(1, 19, "football", 90, 7).Activity(4, 19, "football", 90, 7).Activity(6, 10, "walking", 40).Activity(7, 10, "walking", 40)
            .Activity(8, 10, "walking", 40).Build();

        var result = Decide(diary, At(10, 9), null);

        Assert.Equal((pathway, Stage.FullTraining), (result.Pathway, result.Stage));
        Assert.Equal("football", result.Personal.Sport);
        Assert.Contains("Full training means your own sport: football, at a dose that keeps the pain rules.", result.Personal.Notes);
    }
}
