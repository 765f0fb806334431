using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

/// <summary>
/// Every stage of every pathway (shared/spec/cli.md): a steady run of the stage's own exercise steps up to the next
/// stage of the same pathway after that pathway's own run days and sessions, and a flaring one steps back within it.
/// </summary>
public sealed class PathwayStageTests
{
    private static readonly RehabRules Rules = RehabRules.Current;

    /// <summary>Each stage that has sessions of its own (settle is judged on the diary alone), with its pathway.</summary>
    public static TheoryData<Pathway, Stage> LoadingStages()
    {
        var data = new TheoryData<Pathway, Stage>();
        foreach (var pathway in RehabNames.Pathways)
        {
            foreach (var stage in RehabNames.StagesOf(pathway).Where(s => s != Stage.Settle))
            {
                data.Add(pathway, stage);
            }
        }
        return data;
    }

    /// <summary>The exercise that places a diary in the stage: the first of the data file's exercises of it.</summary>
    internal static RehabRules.Exercise Own(Pathway pathway, Stage stage) =>
        Rules.Exercises.First(e => e.PathwayValue == pathway && e.StageValue == stage);

    /// <summary>A week of mornings at 2/10, then one session of the stage's own exercise each evening at 2/10, mornings staying at 2.</summary>
    internal static DiaryBuilder Steady(Pathway pathway, Stage stage, int days)
    {
        var exercise = Own(pathway, stage);
        return new DiaryBuilder().Mornings(-7, days, 2).Sessions(0, days - 1, exercise.Id, 2, exercise.Dose.Minutes);
    }

    private static PlanResult Decide(IReadOnlyList<DiaryEntry> diary, DateTimeOffset now, PlanSettings? settings = null) =>
        PlanEngine.Decide(diary, settings ?? PlanSettings.None, now);

    [Fact]
    public void The_ladders_are_the_contracts()
    {
        Assert.Equal(["protect", "strengthen", "lengthen", "running", "full-training"], RehabNames.StageNames(Pathway.Muscle));
        Assert.Equal(["isometric", "slow-heavy", "energy-storage", "full-training"], RehabNames.StageNames(Pathway.Tendon));
        Assert.Equal(["settle", "general-movement", "sliders", "tensioners", "provocation", "full-training"], RehabNames.StageNames(Pathway.Nerve));
        // The strain and tendon ladders ask for their own run: a strain heals in weeks, a tendon adapts over months.
        Assert.True(Rules.RunDays(Pathway.Muscle) < Rules.RunDays(Pathway.Nerve));
        Assert.True(Rules.RunDays(Pathway.Tendon) > Rules.RunDays(Pathway.Nerve));
    }

    [Theory]
    [MemberData(nameof(LoadingStages))]
    public void A_steady_run_steps_up_to_the_next_stage_of_the_same_pathway_after_its_own_run_days(Pathway pathway, Stage stage)
    {
        var runDays = Rules.RunDays(pathway);
        var needSessions = Rules.MinSessions(pathway);
        var diary = Steady(pathway, stage, runDays + 5).Build();

        // One day short of the pathway's run: too early, whatever the other pathways ask.
        var early = Decide(diary, At(runDays - 2, 9));
        var ready = Decide(diary, At(runDays - 1, 9));

        Assert.Equal((pathway, stage), (early.Pathway, early.Stage));
        Assert.Contains(early.Unlocks, u => u.Name == "Days keeping the pain rules" && u.Progress == $"{runDays - 1} of {runDays} days" && !u.Met);
        Assert.Contains(ready.Unlocks, u => u.Progress == $"{runDays} of {runDays} days" && u.Met);
        Assert.True(runDays - 1 >= needSessions, "the run holds enough sessions");
        if (stage == Stage.FullTraining)
        {
            // The last step of every pathway: keep going, there is nothing above.
            Assert.Equal((Decision.Hold, Stage.FullTraining, (Stage?)null), (ready.Decision, ready.NextStage, ready.Moves));
            Assert.StartsWith("You are on the last step", ready.Reasons[0], StringComparison.Ordinal);
            return;
        }
        Assert.Equal(Decision.Hold, early.Decision);
        Assert.Equal((Decision.Progress, RehabNames.Up(pathway, stage)), (ready.Decision, ready.NextStage));
        Assert.True(RehabNames.Belongs(pathway, ready.NextStage));
        Assert.Equal(RehabNames.Rank(pathway, stage) + 1, RehabNames.Rank(pathway, ready.NextStage));
        Assert.Equal(ready.NextStage, ready.Moves);
        Assert.StartsWith($"{runDays} days of ", ready.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LoadingStages))]
    public void Flare_ups_after_sessions_step_back_within_the_pathway(Pathway pathway, Stage stage)
    {
        // Two flare-ups within 48 hours of the last sessions, each the morning after one.
        var diary = Steady(pathway, stage, 12).Flare(9, 10).Flare(11, 10).Build();

        var result = Decide(diary, At(12, 9));

        Assert.Equal((pathway, stage), (result.Pathway, result.Stage));
        var down = RehabNames.Down(pathway, stage);
        if (down == stage)
        {
            // The first step of the strain and tendon ladders has nothing below it: a smaller dose within it instead.
            Assert.Equal((Decision.Hold, stage, true), (result.Decision, result.NextStage, result.DoseCut));
            Assert.Contains(result.Reasons, r => r.StartsWith("This is the first step, so stay on it with a smaller dose", StringComparison.Ordinal));
            return;
        }
        Assert.Equal((Decision.Regress, down), (result.Decision, result.NextStage));
        Assert.True(RehabNames.Belongs(pathway, down));
        Assert.Contains(result.Reasons, r => r.EndsWith($"Step back to {Rules.For(pathway, down).Name.ToLowerInvariant()} for now, at a dose that keeps the rules.", StringComparison.Ordinal)
            || r.StartsWith($"Step back to {Rules.For(pathway, down).Name.ToLowerInvariant()}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Pathway.Muscle, Stage.Protect)]
    [InlineData(Pathway.Tendon, Stage.Isometric)]
    public void The_first_stage_of_a_pathway_cuts_its_dose_in_the_weekly_plan_when_it_cannot_step_back(Pathway pathway, Stage stage)
    {
        var diary = Steady(pathway, stage, 12).Flare(9, 10).Flare(11, 10).Build();
        var result = Decide(diary, At(12, 9));

        var week = WeeklyPlan.For(result, PlanSettings.None, DateOnly.FromDateTime(At(12, 9).DateTime), diary, Rules);
        var full = WeeklyPlan.For(result.Step, PlanSettings.None, DateOnly.FromDateTime(At(12, 9).DateTime), diary, Rules);

        var cut = week.Days.SelectMany(d => d.Sessions).First(s => s.Exercise.Id == Own(pathway, stage).Id).Dose;
        var plain = full.Days.SelectMany(d => d.Sessions).First(s => s.Exercise.Id == Own(pathway, stage).Id).Dose;
        Assert.True(cut.Minutes < plain.Minutes);
        Assert.True((cut.HoldSeconds ?? 0) < (plain.HoldSeconds ?? 1) || (cut.Reps ?? 0) < (plain.Reps ?? 1));
        Assert.Equal(plain.PerWeek, cut.PerWeek);
    }

    [Fact]
    public void Each_pathways_sessions_count_only_on_their_own_ladder()
    {
        // Tendon holds logged alongside the strain work do not fill the strain's run, nor the other way round.
        var diary = Steady(Pathway.Muscle, Stage.Strengthen, 10).Build();

        var result = Decide(diary, At(10, 9));

        Assert.Equal((Pathway.Muscle, Stage.Strengthen, Decision.Progress, Stage.Lengthen), (result.Pathway, result.Stage, result.Decision, result.NextStage));
        Assert.Equal(Rules.DefaultPainLevel(Pathway.Muscle), result.AgreedPainLevel);
    }

    [Theory]
    [InlineData(Pathway.Tendon, Stage.EnergyStorage, "romanian-deadlift")]
    [InlineData(Pathway.Muscle, Stage.Running, "nordic-curl")]
    [InlineData(Pathway.Muscle, Stage.Strengthen, "hamstring-isometric")]
    [InlineData(Pathway.Nerve, Stage.Provocation, "slr-tensioner")]
    public void A_last_day_of_only_a_maintenance_exercise_is_not_read_as_a_step_back(Pathway pathway, Stage stage, string maintenance)
    {
        var exercise = Own(pathway, stage);
        var lighter = Rules.FindExercise(maintenance)!;
        var diary = new DiaryBuilder().Mornings(-7, 20, 2).Sessions(0, 9, exercise.Id, 2, exercise.Dose.Minutes)
            .Session(10, 18, maintenance, 2, lighter.Dose.Minutes).Build();
        // Two days of the lower stage's work only are a step back.
        var twice = new DiaryBuilder().Mornings(-7, 20, 2).Sessions(0, 9, exercise.Id, 2, exercise.Dose.Minutes)
            .Sessions(10, 11, maintenance, 2, lighter.Dose.Minutes).Build();

        Assert.Equal(new PathwayStage(pathway, stage), StageMap.Latest(diary, Rules));
        Assert.Equal(new PathwayStage(pathway, lighter.StageValue), StageMap.Latest(twice, Rules));
    }
}
