using Microsoft.Extensions.Time.Testing;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

public sealed class PainRuleTests
{
    private static readonly RehabRules Rules = RehabRules.Current;

    private static SessionCheck CheckOnly(IReadOnlyList<DiaryEntry> diary, TimeProvider clock, int agreed = 3) =>
        Assert.Single(PainRules.Check(diary, agreed, clock.GetUtcNow(), Rules));

    [Theory]
    [InlineData(3, 3, RuleState.Kept)]
    [InlineData(3.5, 3, RuleState.Broken)]
    [InlineData(4, 3, RuleState.Broken)]
    [InlineData(4, 4, RuleState.Kept)]
    [InlineData(0, 0, RuleState.Kept)]
    public void Pain_during_may_reach_the_agreed_level_but_not_pass_it(double during, int agreed, RuleState expected)
    {
        var diary = new DiaryBuilder().Session(0, 18, "slump-slider", (decimal)during).Build();
        var clock = new FakeTimeProvider(At(0, 19));

        Assert.Equal(expected, CheckOnly(diary, clock, agreed).During);
    }

    [Fact]
    public void The_flare_rule_waits_48_hours_after_the_session_ends_then_is_kept()
    {
        var diary = new DiaryBuilder().Session(0, 18, "slr-slider", 2, minutes: 10).Build();
        var clock = new FakeTimeProvider(At(2, 18, 9));

        Assert.Equal(RuleState.Waiting, CheckOnly(diary, clock).Flare);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(RuleState.Kept, CheckOnly(diary, clock).Flare);
    }

    [Fact]
    public void A_flare_up_within_48_hours_breaks_the_rule_as_soon_as_it_is_logged()
    {
        var diary = new DiaryBuilder().Session(0, 18, "slump-slider", 2).Flare(1, 14).Build();
        var clock = new FakeTimeProvider(At(1, 13));

        Assert.Equal(RuleState.Waiting, CheckOnly(diary, clock).Flare);
        clock.Advance(TimeSpan.FromHours(2));
        var check = CheckOnly(diary, clock);
        Assert.Equal(RuleState.Broken, check.Flare);
        Assert.Equal(SessionOutcome.Broken, check.Outcome);
        Assert.Equal(At(1, 14), check.FlareUp!.Time);
    }

    [Fact]
    public void A_flare_up_after_the_48_hours_does_not_count_against_the_session()
    {
        var diary = new DiaryBuilder().Session(0, 18, "slump-slider", 2).Flare(2, 19).Build();
        var clock = new FakeTimeProvider(At(3, 12));

        Assert.Equal(RuleState.Kept, CheckOnly(diary, clock).Flare);
    }

    [Fact]
    public void The_next_morning_waits_until_noon_then_is_unknown_without_a_reading()
    {
        var diary = new DiaryBuilder().Mornings(-5, -1, 2).Session(0, 18, "slump-slider", 2).Build();
        var clock = new FakeTimeProvider(At(1, 7));

        Assert.Equal(RuleState.Waiting, CheckOnly(diary, clock).Morning);
        clock.SetUtcNow(At(1, 12, 1));
        var check = CheckOnly(diary, clock);
        Assert.Equal(RuleState.Unknown, check.Morning);
        Assert.Equal(2, check.UsualLevel);
    }

    [Theory]
    [InlineData(1, RuleState.Kept)]
    [InlineData(3, RuleState.Kept)]
    [InlineData(4, RuleState.Broken)]
    public void By_the_next_morning_the_pain_is_back_within_a_point_of_its_usual_level(int morning, RuleState expected)
    {
        var diary = new DiaryBuilder().Mornings(-5, -1, 2).Session(0, 18, "slump-slider", 2).Pain(1, 8, morning).Build();
        var clock = new FakeTimeProvider(At(3, 9));

        var check = CheckOnly(diary, clock);

        Assert.Equal(expected, check.Morning);
        Assert.Equal(morning, check.NextMorning);
    }

    [Fact]
    public void The_worst_reading_of_the_next_morning_counts_and_afternoon_readings_do_not()
    {
        var diary = new DiaryBuilder().Mornings(-5, -1, 2)
            .Session(0, 18, "slump-slider", 2).Pain(1, 7, 2).Pain(1, 11, 5, "calf").Pain(1, 15, 8).Build();
        var clock = new FakeTimeProvider(At(3, 9));

        var check = CheckOnly(diary, clock);

        Assert.Equal(5, check.NextMorning);
        Assert.Equal(RuleState.Broken, check.Morning);
    }

    [Fact]
    public void A_session_that_ends_after_midnight_is_checked_that_same_morning()
    {
        var diary = new DiaryBuilder().Mornings(-5, -1, 2).Session(1, 0, "slump-slider", 2, minute: 30).Pain(1, 9, 2).Build();
        var clock = new FakeTimeProvider(At(3, 9));

        Assert.Equal(RuleState.Kept, CheckOnly(diary, clock).Morning);
    }

    [Fact]
    public void The_usual_level_is_the_median_morning_and_falls_back_to_every_reading_then_to_unknown()
    {
        var mornings = new DiaryBuilder().Pain(-3, 8, 2).Pain(-2, 8, 6).Pain(-1, 8, 3).Pain(-1, 21, 9).Build();
        var evenings = new DiaryBuilder().Pain(-3, 20, 4).Pain(-2, 20, 6).Pain(-1, 8, 1).Build();
        var few = new DiaryBuilder().Pain(-2, 8, 4).Pain(-1, 20, 6).Build();
        var old = new DiaryBuilder().Mornings(-30, -16, 5).Build();

        Assert.Equal(3, PainRules.UsualLevel(mornings, At(0, 18), Rules));
        Assert.Equal(4, PainRules.UsualLevel(evenings, At(0, 18), Rules));
        Assert.Null(PainRules.UsualLevel(few, At(0, 18), Rules));
        Assert.Null(PainRules.UsualLevel(old, At(0, 18), Rules));
    }

    [Fact]
    public void Without_a_usual_level_the_morning_cannot_be_checked_and_the_session_is_unconfirmed()
    {
        var diary = new DiaryBuilder().Session(0, 18, "slump-slider", 2).Pain(1, 8, 2).Build();
        var clock = new FakeTimeProvider(At(3, 9));

        var check = CheckOnly(diary, clock);

        Assert.Equal(RuleState.Unknown, check.Morning);
        Assert.Equal(SessionOutcome.Unconfirmed, check.Outcome);
    }

    [Fact]
    public void Entries_after_now_are_not_seen()
    {
        var diary = new DiaryBuilder().Session(0, 18, "slump-slider", 2).Flare(1, 10).Session(1, 18, "slump-slider", 2).Build();
        var clock = new FakeTimeProvider(At(1, 9));

        var check = CheckOnly(diary, clock);

        Assert.Equal(RuleState.Waiting, check.Flare);
        Assert.Equal(SessionOutcome.Waiting, check.Outcome);
    }
}
