using Nervewise.Domain.CheckIns;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

/// <summary>
/// The rules of issue 14, section 3, each with a diary that makes its decision; the four cases the physiotherapist's
/// review disputed come first, as the issue words them.
/// </summary>
public sealed class ReviewRuleTests
{
    private static readonly RehabRules Rules = RehabRules.Current;

    private static PlanResult Decide(IReadOnlyList<DiaryEntry> diary, DateTimeOffset now, PlanSettings? settings = null) =>
        PlanEngine.Decide(diary, settings ?? PlanSettings.None, now);

    /// <summary>
    /// Mornings that creep from 2 towards 6 over four weeks, each one within a point of the rolling usual level the
    /// next-morning rule compares with (so no single morning breaks it), with a session of the exercise each evening.
    /// </summary>
    internal static DiaryBuilder Creeping(string exercise, int minutes, int days = 28, int every = 1)
    {
        var diary = new DiaryBuilder().Mornings(-7, -1, 2);
        var mornings = new List<DiaryEntry>(diary.Build());
        for (var day = 0; day <= days; day++)
        {
            var usual = PainRules.UsualLevel(mornings, At(day, 8), Rules) ?? 2;
            var target = 2 + (4m * day / days);
            // Half points, never more than a point above the usual level.
            var value = Math.Floor(Math.Min(target, usual + 1) * 2) / 2;
            diary.Pain(day, 8, value);
            mornings.Add(DiaryEntry.Create(At(day, 8), EntryType.Pain, "posterior-thigh", value, null, null));
            if (day < days && day % every == 0)
            {
                diary.Session(day, 18, exercise, 2, minutes);
            }
        }
        return diary;
    }

    [Theory]
    [InlineData(Pathway.Nerve, "slump-slider", 5, 1, Stage.Sliders)]
    [InlineData(Pathway.Tendon, "romanian-deadlift", 15, 2, Stage.SlowHeavy)]
    [InlineData(Pathway.Muscle, "l-extender", 5, 1, Stage.Lengthen)]
    public void Morning_pain_creeping_from_2_to_6_over_four_weeks_each_day_within_a_point_of_the_usual_level_does_not_progress(
        Pathway pathway, string exercise, int minutes, int every, Stage stage)
    {
        var diary = Creeping(exercise, minutes, every: every).Build();
        var now = At(28, 9);

        var result = Decide(diary, now);

        // The case of the review: every next morning kept the rule, yet the pain has crept up.
        Assert.All(result.Sessions.Where(s => s.Morning != RuleState.Waiting), s => Assert.Equal(RuleState.Kept, s.Morning));
        Assert.True(diary.Last(e => e.Type == EntryType.Pain).Value >= 5.5m);
        Assert.Equal((pathway, stage), (result.Pathway, result.Stage));
        Assert.NotEqual(Decision.Progress, result.Decision);
        Assert.Equal((Decision.Regress, RehabNames.Down(pathway, stage)), (result.Decision, result.NextStage));
        Assert.Contains(result.Reasons, r => r.StartsWith("Your morning pain has crept up since this stage began", StringComparison.Ordinal)
            && r.Contains("against 2/10 when it started", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rise_of_one_point_since_the_stage_began_holds_a_run_that_would_step_up()
    {
        var diary = new DiaryBuilder().Mornings(-7, -1, 2).Mornings(0, 6, 2).Mornings(7, 20, 3).Sessions(0, 19, "slump-slider", 2).Build();

        var result = Decide(diary, At(20, 9));

        Assert.Equal((Decision.Hold, Stage.Sliders, (Stage?)null), (result.Decision, result.NextStage, result.Moves));
        Assert.StartsWith("Your morning pain has crept up since this stage began: about 3/10 on most days this week, against 2/10", result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(result.Reasons, r => r.StartsWith("Otherwise you would be ready for the next step", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_strain_stage_is_compared_with_the_week_before_it_began()
    {
        // A strain stage runs 7 days: the rise is measured against the week before it, not only after two weeks in it.
        var days = Rules.RunDays(Pathway.Muscle);
        var diary = new DiaryBuilder().Mornings(-7, -1, 2).Mornings(0, days, 3).Sessions(0, days - 1, "bridge", 2, 10).Build();

        var result = Decide(diary, At(days, 9));

        Assert.Equal((Pathway.Muscle, Stage.Strengthen, Decision.Hold), (result.Pathway, result.Stage, result.Decision));
        Assert.Contains(result.Reasons, r => r.StartsWith("Your morning pain has crept up", StringComparison.Ordinal));
    }

    [Fact]
    public void A_diary_without_morning_readings_is_judged_on_each_days_pain()
    {
        var diary = new DiaryBuilder();
        for (var day = -7; day <= 20; day++)
        {
            diary.Pain(day, 21, day < 7 ? 2 : 5);
        }
        diary.Sessions(0, 19, "slump-slider", 2);

        var result = Decide(diary.Build(), At(20, 22));

        Assert.Equal(Decision.Regress, result.Decision);
        Assert.Contains(result.Reasons, r => r.StartsWith("Your pain has crept up since this stage began: about 5/10", StringComparison.Ordinal));
    }

    /// <summary>
    /// Tensioner sessions each evening with the usual numbness of 2/10 before the stage; after some sessions numbness
    /// rises to 8/10 and pins and needles reach the foot. Mornings stay at the usual level and nothing is logged as a flare.
    /// </summary>
    private static DiaryBuilder Spreading(params int[] spreadAfter)
    {
        var diary = new DiaryBuilder().Mornings(-7, 14, 2).Sessions(-7, -1, "slump-slider", 2).Sessions(0, 13, "slump-tensioner", 2);
        for (var day = -7; day < 0; day++)
        {
            diary.Symptom(day, 21, "numbness", 2);
        }
        foreach (var day in spreadAfter)
        {
            diary.Symptom(day, 20, "numbness", 8).Symptom(day, 20, "pins-and-needles", 6, "pins and needles down into the foot");
        }
        return diary;
    }

    [Fact]
    public void Numbness_rising_to_8_and_pins_and_needles_reaching_the_foot_after_every_tensioner_session_steps_back()
    {
        var diary = Spreading([.. Enumerable.Range(0, 14)]).Build();

        var result = Decide(diary, At(14, 9));

        // The pain rules alone are kept: pain during 2/10, mornings at the usual level, no flare-up.
        Assert.DoesNotContain(result.Sessions, s => s.Outcome == SessionOutcome.Broken);
        Assert.Equal((Stage.Tensioners, Decision.Regress, Stage.Sliders), (result.Stage, result.Decision, result.NextStage));
        Assert.Contains(result.Reasons, r => r.StartsWith("After the slump tensioner session on 15 Mar, numbness rose to 8/10 and pins and needles reached your foot, further down the leg than usual",
            StringComparison.Ordinal));
        Assert.Contains("Nerve symptoms that spread or grow after sessions mean the load is ahead of the nerve: step back for now.", result.Reasons);
    }

    [Fact]
    public void One_session_followed_by_spreading_symptoms_holds_and_older_ones_are_history()
    {
        var once = Decide(Spreading(12).Build(), At(14, 9));
        var before = Decide(Spreading(2, 4).Build(), At(14, 9));

        Assert.Equal((Decision.Hold, Stage.Tensioners), (once.Decision, once.NextStage));
        Assert.Contains("Symptoms that spread or grow after a session are a sign to stay at this step until they settle.", once.Reasons);
        // Two spreading sessions more than four sessions ago no longer hold the plan: a steady fortnight steps up.
        Assert.Equal(Decision.Progress, before.Decision);
    }

    [Fact]
    public void Pain_reaching_further_down_the_leg_after_sessions_counts_as_spreading_each_episode_once()
    {
        // Slow heavy tendon work each evening; pain reaches the calf after one session and the back of the knee after the next.
        var diary = new DiaryBuilder().Mornings(-7, 14, 2).Sessions(-7, -1, "tendon-isometric", 2, 15).Sessions(0, 13, "tendon-curl", 2, 15)
            .Pain(11, 21, 3, "calf");
        var once = Decide(diary.Build(), At(14, 9));
        var twice = Decide(diary.Pain(12, 21, 3, "back-of-knee").Build(), At(14, 9));

        Assert.Equal((Pathway.Tendon, Stage.SlowHeavy, Decision.Hold), (once.Pathway, once.Stage, once.Decision));
        Assert.Contains("After the slow heavy curl session on 13 Mar, pain reached your calf, further down the leg than usual.", once.Reasons);
        Assert.Equal((Decision.Regress, Stage.Isometric), (twice.Decision, twice.NextStage));
        Assert.Contains("After the slow heavy curl session on 14 Mar, pain reached the back of your knee, further down the leg than usual.", twice.Reasons);
    }

    [Fact]
    public void Symptoms_that_stay_at_their_usual_level_and_place_do_not_hold()
    {
        // Numbness at its usual 3/10 logged after every session, pain staying in the thigh: a steady fortnight steps up.
        var diary = new DiaryBuilder().Mornings(-7, 20, 2).Sessions(0, 19, "slump-slider", 2);
        for (var day = -7; day < 20; day++)
        {
            diary.Symptom(day, 21, "numbness", 3).Pain(day, 21, 2, "posterior-thigh");
        }

        Assert.Equal(Decision.Progress, Decide(diary.Build(), At(20, 9)).Decision);
    }

    /// <summary>A week of mornings at 2/10 and a slider session each evening at 2/10, or at the pain given for some days.</summary>
    private static DiaryBuilder Sliders(int days, params (int Day, decimal Pain)[] other)
    {
        var diary = new DiaryBuilder().Mornings(-7, days, 2);
        for (var day = 0; day < days; day++)
        {
            diary.Session(day, 18, "slump-slider", other.Where(o => o.Day == day).Select(o => o.Pain).DefaultIfEmpty(2).First());
        }
        return diary;
    }

    [Fact]
    public void Two_sessions_at_4_against_an_agreed_3_with_a_normal_next_morning_and_no_flare_cut_the_dose_within_the_stage()
    {
        var diary = Sliders(14, (9, 4), (11, 4)).Build();
        var now = At(13, 9);

        var result = Decide(diary, now);

        Assert.Equal(3, result.AgreedPainLevel);
        Assert.Equal((Stage.Sliders, Decision.Hold, Stage.Sliders, true), (result.Stage, result.Decision, result.NextStage, result.DoseCut));
        Assert.Null(result.Moves);
        var reason = Assert.Single(result.Reasons, r => r.Contains("fewer repetitions", StringComparison.Ordinal));
        Assert.StartsWith("Your agreed pain level during sessions is 3/10, and 2 sessions went above it (11 Mar at 4/10, 13 Mar at 4/10), " +
            "but the next mornings were settled and no flare-up followed. So do a little less within this stage", reason, StringComparison.Ordinal);
        Assert.Contains("about 30% fewer repetitions, shorter holds and a smaller range of movement", reason, StringComparison.Ordinal);

        // The week's sessions carry the smaller dose: 70 % of the repetitions, the same days.
        var week = WeeklyPlan.For(result, PlanSettings.None, DateOnly.FromDateTime(now.DateTime), diary, Rules);
        var slider = week.Days.SelectMany(d => d.Sessions).First(s => s.Exercise.Id == "slump-slider");
        Assert.Equal(7, slider.Dose.Reps);
        Assert.Equal(Rules.DoseAt(Pathway.Nerve, Stage.Sliders, "slump-slider").PerWeek, slider.Dose.PerWeek);
    }

    [Fact]
    public void Sessions_above_the_agreed_level_followed_by_worse_mornings_step_back_instead()
    {
        var diary = Sliders(14, (9, 4), (11, 4)).Pain(10, 9, 5).Pain(12, 9, 5).Build();

        var result = Decide(diary, At(13, 9));

        Assert.Equal((Decision.Regress, Stage.GeneralMovement, false), (result.Decision, result.NextStage, result.DoseCut));
    }

    [Fact]
    public void The_dose_stays_cut_for_a_few_sessions_then_builds_back()
    {
        var diary = Sliders(30, (9, 4)).Build();

        var soon = Decide(diary, At(11, 9));
        var later = Decide(diary, At(16, 9));

        Assert.True(soon.DoseCut);
        Assert.False(later.DoseCut);
        Assert.Equal(Decision.Hold, later.Decision);
    }

    [Fact]
    public void Four_days_rated_4_for_illness_stress_and_sleep_with_four_hour_nights_hold_with_the_check_ins_ideas()
    {
        var diary = Sliders(20);
        for (var day = 16; day <= 19; day++)
        {
            diary.Checkin(day, 20, "illness", 4).Checkin(day, 20, "stress", 4).Checkin(day, 20, "sleep", 4).Sleep(day, 4);
        }
        var steady = Decide(Sliders(20).Build(), At(20, 9));

        var result = Decide(diary.Build(), At(20, 9));

        Assert.Equal(Decision.Progress, steady.Decision);
        Assert.Equal((Decision.Hold, Stage.Sliders, (Stage?)null), (result.Decision, result.NextStage, result.Moves));
        Assert.StartsWith("This has been a run-down week: your check-ins on 4 days rated ", result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("4 nights were shorter than 6 hours", result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("That is not a step back.", result.Reasons[0], StringComparison.Ordinal);
        var areas = CheckinContent.Current.Areas.Where(a => a.AreaId is "illness" or "stress" or "sleep").ToList();
        Assert.Equal(3, result.Ideas.Count);
        Assert.All(result.Ideas, idea => Assert.Contains(areas, a => a.Ideas.Contains(idea)));
    }

    [Fact]
    public void A_run_down_week_holds_the_step_up_from_settling_too()
    {
        var calm = new DiaryBuilder().Mornings(0, 9, 3);
        var runDown = new DiaryBuilder().Mornings(0, 9, 3).Checkin(7, 20, "stress", 4).Checkin(8, 20, "illness", 3);

        Assert.Equal(Decision.Progress, Decide(calm.Build(), At(9, 9)).Decision);
        var result = Decide(runDown.Build(), At(9, 9));
        Assert.Equal((Stage.Settle, Decision.Hold), (result.Stage, result.Decision));
        Assert.NotEmpty(result.Ideas);
    }

    [Fact]
    public void One_bad_day_or_old_short_nights_are_not_a_run_down_week()
    {
        var diary = Sliders(20).Checkin(18, 20, "stress", 4).Sleep(5, 4).Sleep(6, 4).Sleep(7, 4).Build();

        var result = Decide(diary, At(20, 9));

        Assert.Equal(Decision.Progress, result.Decision);
        Assert.Empty(result.Ideas);
    }
}
