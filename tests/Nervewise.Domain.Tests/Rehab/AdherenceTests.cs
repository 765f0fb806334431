using Nervewise.Domain.Rehab;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

/// <summary>Issue 17: "Sessions last week 0 of 7" while the person had logged sliders five times.</summary>
public sealed class AdherenceTests
{
    private static readonly RehabRules Rules = RehabRules.Current;

    private static DateOnly OwnDate(DateTimeOffset time) => DateOnly.FromDateTime(time.DateTime);

    [Fact]
    public void Sessions_the_plan_does_not_hold_are_counted_and_named()
    {
        // The first run pins settle (easing positions daily); the person went on to sliders by themselves.
        var diary = new DiaryBuilder().Sessions(0, 4, "slump-slider", 2).Build();
        var week = WeeklyPlan.For(new PathwayStage(Pathway.Nerve, Stage.Settle), PlanSettings.None, new DateOnly(2026, 3, 2), diary, Rules);

        var counted = Adherence.Of(week, diary, OwnDate);

        Assert.Equal((5, 0, 7), (counted.Logged, counted.OfPlan, counted.Planned));
        Assert.Equal([new WeekSessions.Outside("slump-slider", 5)], counted.OutsidePlan);
    }

    [Fact]
    public void Planned_sessions_count_once_a_day_up_to_the_times_planned()
    {
        var diary = new DiaryBuilder()
            .Session(0, 9, "slump-slider", 2).Session(0, 18, "slump-slider", 2) // twice on Monday: one planned day
            .Sessions(1, 6, "slr-slider", 2) // six days of a five-a-week exercise
            .Build();
        var week = WeeklyPlan.For(new PathwayStage(Pathway.Nerve, Stage.Sliders), PlanSettings.None, new DateOnly(2026, 3, 4), diary, Rules);

        var counted = Adherence.Of(week, diary, OwnDate);

        Assert.Equal((8, 1 + 5, 13), (counted.Logged, counted.OfPlan, counted.Planned));
        Assert.Empty(counted.OutsidePlan);
    }

    [Fact]
    public void A_session_belongs_to_the_week_of_the_persons_own_day()
    {
        // Sunday 8 March, 23:30 at UTC+1 is already Monday 9 March in Auckland (UTC+13).
        var diary = new DiaryBuilder().Session(6, 23, "easing-positions", 0, minute: 30).Build();
        var week = WeeklyPlan.For(new PathwayStage(Pathway.Nerve, Stage.Settle), PlanSettings.None, new DateOnly(2026, 3, 2), diary, Rules);

        Assert.Equal(1, Adherence.Of(week, diary, OwnDate).Logged);
        Assert.Equal(0, Adherence.Of(week, diary, t => DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(13)).DateTime)).Logged);
    }
}
