using Nervewise.Domain.Rehab;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

public sealed class WeeklyPlanTests
{
    private static readonly RehabRules Rules = RehabRules.Current;

    [Theory]
    [InlineData(1, new[] { 0 })]
    [InlineData(2, new[] { 0, 3 })]
    [InlineData(3, new[] { 0, 2, 4 })]
    [InlineData(5, new[] { 0, 1, 2, 4, 5 })]
    [InlineData(7, new[] { 0, 1, 2, 3, 4, 5, 6 })]
    public void Sessions_are_spread_evenly_from_monday(int perWeek, int[] days) =>
        Assert.Equal(days, WeeklyPlan.DaysFor(perWeek));

    [Theory]
    [InlineData("2026-03-02", "2026-03-02")]
    [InlineData("2026-03-05", "2026-03-02")]
    [InlineData("2026-03-08", "2026-03-02")]
    public void A_week_starts_on_monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture),
            WeeklyPlan.MondayOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_slider_week_follows_the_data_file_and_marks_what_was_done()
    {
        var diary = new DiaryBuilder().Session(2, 18, "slump-slider", 2).Session(3, 18, "slr-tensioner", 2).Build();

        var week = WeeklyPlan.For(new PathwayStage(Pathway.Nerve, Stage.Sliders), PlanSettings.None, DateOnly.FromDateTime(At(3, 9).DateTime), diary, Rules);

        Assert.Equal(new DateOnly(2026, 3, 2), week.Monday);
        Assert.Equal(7, week.Days.Count);
        foreach (var item in Rules.For(Pathway.Nerve, Stage.Sliders).Plan)
        {
            Assert.Equal(item.PerWeek, week.Days.Count(d => d.Sessions.Any(s => s.Exercise.Id == item.Exercise)));
        }
        var wednesday = week.On(new DateOnly(2026, 3, 4))!;
        Assert.NotNull(wednesday.Sessions.Single(s => s.Exercise.Id == "slump-slider").Logged);
        Assert.Null(wednesday.Sessions.Single(s => s.Exercise.Id == "slr-slider").Logged);
        Assert.DoesNotContain(week.Days.SelectMany(d => d.Sessions), s => s.Exercise.Id == "slr-tensioner");
    }

    [Fact]
    public void A_persons_own_dose_changes_the_days_and_the_minutes()
    {
        var settings = new PlanSettings(Doses: new Dictionary<string, DoseOverride> { ["slump-tensioner"] = new(Minutes: 8, PerWeek: 2, Reps: 8) });

        var week = WeeklyPlan.For(new PathwayStage(Pathway.Nerve, Stage.Tensioners), settings, new DateOnly(2026, 3, 2), [], Rules);

        var sessions = week.Days.SelectMany(d => d.Sessions).Where(s => s.Exercise.Id == "slump-tensioner").ToList();
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Equal((8, 8, 2, true), (s.Dose.Minutes, s.Dose.Reps!.Value, s.Dose.Sets!.Value, s.OwnDose)));
        Assert.Equal("2 sets of 8, about 8 min, twice a week", sessions[0].Dose.Describe());
    }

    [Fact]
    public void Every_stage_has_a_plan_with_something_to_do_each_week()
    {
        foreach (var step in RehabNames.Pathways.SelectMany(p => RehabNames.StagesOf(p).Select(s => new PathwayStage(p, s))))
        {
            var week = WeeklyPlan.For(step, PlanSettings.None, new DateOnly(2026, 3, 2), [], Rules);
            Assert.True(week.Days.Sum(d => d.Sessions.Count) >= 3, step.ToString());
            Assert.NotEmpty(week.Days[0].Sessions);
        }
    }
}
