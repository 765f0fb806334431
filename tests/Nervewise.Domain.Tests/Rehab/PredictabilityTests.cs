using Microsoft.Extensions.Time.Testing;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

public sealed class PredictabilityTests
{
    private static readonly RehabRules Rules = RehabRules.Current;

    private static PredictabilityScore Of(DiaryBuilder diary, FakeTimeProvider clock) =>
        Predictability.OfSessions(PainRules.Check(diary.Build(), 5, clock.GetUtcNow(), Rules), Rules);

    [Fact]
    public void The_same_dose_giving_the_same_response_is_fully_predictable()
    {
        var diary = new DiaryBuilder().Mornings(-7, 10, 2).Sessions(0, 7, "slr-slider", 2);

        var score = Of(diary, new FakeTimeProvider(At(10, 9)));

        Assert.Equal(new PredictabilityScore(1, 8, 8), score);
    }

    [Fact]
    public void Responses_within_a_point_of_the_middle_count_as_the_same()
    {
        var diary = new DiaryBuilder().Mornings(-7, 10, 2);
        decimal[] during = [2, 3, 1, 2, 3, 2, 5, 2];
        for (var day = 0; day < during.Length; day++)
        {
            diary.Session(day, 18, "slump-slider", during[day]);
        }

        var score = Of(diary, new FakeTimeProvider(At(10, 9)));

        Assert.Equal((8, 7), (score.Basis, score.AsExpected));
        Assert.Equal(0.88, score.Score);
    }

    [Fact]
    public void A_next_morning_unlike_the_others_is_unexpected()
    {
        var diary = new DiaryBuilder().Mornings(-7, -1, 2).Sessions(0, 5, "slump-slider", 2);
        int[] mornings = [2, 2, 5, 2, 2, 2];
        for (var day = 0; day < mornings.Length; day++)
        {
            diary.Pain(day + 1, 8, mornings[day]);
        }

        var score = Of(diary, new FakeTimeProvider(At(9, 9)));

        Assert.Equal((6, 5), (score.Basis, score.AsExpected));
    }

    [Fact]
    public void A_flare_up_after_a_dose_that_usually_passes_quietly_is_unexpected()
    {
        var diary = new DiaryBuilder().Mornings(-7, 20, 2).Session(0, 18, "slump-slider", 2).Session(4, 18, "slump-slider", 2)
            .Session(8, 18, "slump-slider", 2).Flare(9, 10);

        var score = Of(diary, new FakeTimeProvider(At(14, 9)));

        Assert.Equal((3, 2), (score.Basis, score.AsExpected));
    }

    [Fact]
    public void Different_exercises_and_lengths_are_different_doses_and_single_doses_are_not_compared()
    {
        var diary = new DiaryBuilder().Mornings(-7, 10, 2)
            .Session(0, 18, "slump-slider", 0, minutes: 5).Session(1, 18, "slump-slider", 3, minutes: 20)
            .Session(2, 18, "slr-slider", 1, minutes: 5);

        var score = Of(diary, new FakeTimeProvider(At(10, 9)));

        Assert.Equal(PredictabilityScore.None, score);
        Assert.False(score.Enough(Rules));
    }

    [Fact]
    public void Sessions_whose_48_hours_have_not_passed_are_left_out()
    {
        var diary = new DiaryBuilder().Mornings(-7, 10, 2).Sessions(0, 5, "slump-slider", 2);
        var clock = new FakeTimeProvider(At(5, 19));

        Assert.Equal(4, Of(diary, clock).Basis);
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(6, Of(diary, clock).Basis);
    }

    [Fact]
    public void In_the_settle_stage_alike_days_are_predictable_and_flare_days_are_not()
    {
        var calm = new DiaryBuilder().Mornings(0, 9, 3).Pain(4, 20, 4).Build();
        var flaring = new DiaryBuilder().Mornings(0, 9, 3).Flare(2, 20).Flare(6, 20).Build();

        var alike = Predictability.OfDays(calm, At(0, 0), At(10, 0), Rules);
        var erratic = Predictability.OfDays(flaring, At(0, 0), At(10, 0), Rules);

        Assert.Equal(new PredictabilityScore(1, 10, 10), alike);
        Assert.Equal((10, 8), (erratic.Basis, erratic.AsExpected));
    }
}
