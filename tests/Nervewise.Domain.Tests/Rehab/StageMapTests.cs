using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;

namespace Nervewise.Domain.Tests.Rehab;

public sealed class StageMapTests
{
    private static readonly RehabRules Rules = RehabRules.Current;

    [Theory]
    [InlineData("general-movement", Stage.GeneralMovement)]
    [InlineData("slump-slider", Stage.Sliders)]
    [InlineData("femoral-slider", Stage.Sliders)]
    [InlineData("slr-tensioner", Stage.Tensioners)]
    [InlineData("tibial-tensioner", Stage.Tensioners)]
    [InlineData("splits-progression", Stage.Provocation)]
    [InlineData("long-sit-progression", Stage.Provocation)]
    [InlineData("easing-positions", Stage.Settle)]
    [InlineData("full-training", Stage.FullTraining)]
    public void Exercises_belong_to_the_stage_the_contract_names(string item, Stage stage) =>
        Assert.Equal(new PathwayStage(Pathway.Nerve, stage), StageMap.Of(item, Rules));

    [Theory]
    [InlineData("hamstring-isometric", Pathway.Muscle, Stage.Protect)]
    [InlineData("bridge", Pathway.Muscle, Stage.Strengthen)]
    [InlineData("hamstring-curl", Pathway.Muscle, Stage.Strengthen)]
    [InlineData("nordic-curl", Pathway.Muscle, Stage.Lengthen)]
    [InlineData("l-extender", Pathway.Muscle, Stage.Lengthen)]
    [InlineData("l-diver", Pathway.Muscle, Stage.Lengthen)]
    [InlineData("l-glider", Pathway.Muscle, Stage.Lengthen)]
    [InlineData("return-to-running", Pathway.Muscle, Stage.Running)]
    [InlineData("tendon-isometric", Pathway.Tendon, Stage.Isometric)]
    [InlineData("tendon-curl", Pathway.Tendon, Stage.SlowHeavy)]
    [InlineData("romanian-deadlift", Pathway.Tendon, Stage.SlowHeavy)]
    [InlineData("hops", Pathway.Tendon, Stage.EnergyStorage)]
    [InlineData("tendon-running", Pathway.Tendon, Stage.EnergyStorage)]
    public void Strain_and_tendon_exercises_belong_to_the_stage_the_contract_names(string item, Pathway pathway, Stage stage) =>
        Assert.Equal(new PathwayStage(pathway, stage), StageMap.Of(item, Rules));

    [Fact]
    public void The_latest_rows_decide_the_pathway_and_rows_of_an_earlier_pathway_are_history()
    {
        var diary = new DiaryBuilder().Sessions(0, 9, "slump-slider", 2).Sessions(10, 14, "tendon-isometric", 2)
            .Session(15, 18, "tendon-curl", 2).Build();

        Assert.Equal(new PathwayStage(Pathway.Tendon, Stage.SlowHeavy), StageMap.Latest(diary, Rules));
        Assert.Equal(DiaryBuilder.At(15, 18), StageMap.Since(diary, new PathwayStage(Pathway.Tendon, Stage.SlowHeavy), Rules));
        Assert.Null(StageMap.Since(diary, new PathwayStage(Pathway.Nerve, Stage.Sliders), Rules));
    }

    [Fact]
    public void An_exercise_of_no_stage_is_left_out()
    {
        Assert.Null(StageMap.Of("foam-rolling", Rules));
        var diary = new DiaryBuilder().Session(0, 18, "foam-rolling", 2).Build();
        Assert.Equal(Stage.Settle, StageMap.FromDiary(diary, Rules));
    }

    [Fact]
    public void No_exercise_rows_means_settle()
    {
        var diary = new DiaryBuilder().Mornings(0, 5, 4).Flare(3, 20).Build();

        Assert.Equal(Stage.Settle, StageMap.FromDiary(diary, Rules));
        Assert.Null(StageMap.Since(diary, new PathwayStage(Pathway.Nerve, Stage.Settle), Rules));
    }

    [Fact]
    public void The_highest_stage_of_the_last_day_with_exercise_counts_so_a_warm_up_walk_does_not_lower_it()
    {
        var diary = new DiaryBuilder().Session(0, 18, "slump-tensioner", 2)
            .Session(1, 17, "slump-slider", 1).Session(1, 18, "general-movement", 1, minutes: 20).Build();

        Assert.Equal(Stage.Sliders, StageMap.FromDiary(diary, Rules));
    }

    [Fact]
    public void After_stepping_back_the_stage_starts_again_from_its_first_session_since()
    {
        var diary = new DiaryBuilder().Sessions(0, 9, "slump-slider", 2).Sessions(10, 14, "slr-tensioner", 4)
            .Sessions(15, 20, "slr-slider", 2).Session(16, 12, "general-movement", 1, minutes: 20).Build();

        Assert.Equal(Stage.Sliders, StageMap.FromDiary(diary, Rules));
        Assert.Equal(DiaryBuilder.At(15, 18), StageMap.Since(diary, new PathwayStage(Pathway.Nerve, Stage.Sliders), Rules));
    }

    [Fact]
    public void Every_exercise_of_the_plan_file_is_a_diary_exercise_that_the_contract_places_in_its_stage()
    {
        foreach (var exercise in Rules.Exercises)
        {
            Assert.Empty(DiaryEntry.Check(EntryType.Exercise, exercise.Id, 0, exercise.Dose.Minutes, null));
            Assert.Equal(new PathwayStage(exercise.PathwayValue, exercise.StageValue), StageMap.Of(exercise.Id, Rules));
            Assert.True(StageMap.ByName(exercise.Id) is null || StageMap.ByName(exercise.Id) == exercise.StageValue, exercise.Id);
            Assert.True(RehabNames.Belongs(exercise.PathwayValue, exercise.StageValue), exercise.Id);
        }
        Assert.Equal(Rules.Exercises.Select(e => e.Id).Order(), DiaryVocabulary.CommonExercises.Order());
    }
}
