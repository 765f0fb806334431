using Nervewise.Domain.Diary;

namespace Nervewise.Simulation;

/// <summary>How to make one synthetic diary.</summary>
/// <param name="Days">Days the diary covers.</param>
/// <param name="Flares">Exactly this many flare-ups, at least 6 hours apart.</param>
/// <param name="Planted">A trigger raising the flare-up rate, or none for a null diary.</param>
/// <param name="Seed">The same seed gives the same diary.</param>
/// <param name="DeskWorkWithSitting">Log desk work with every long sitting spell, so the two cannot be told apart.</param>
/// <param name="SkippedDays">Share of days with nothing logged at all.</param>
public sealed record DiaryScenario(int Days, int Flares, PlantedTrigger? Planted, int Seed, bool DeskWorkWithSitting = false, double SkippedDays = 0.04);

/// <summary>
/// Makes a diary of a person with nerve pain: work-day sitting, walks, runs, rehab exercises, check-ins whose
/// worries drift from week to week, nights of varying sleep, and flare-ups that come more in the evening, in bad
/// weeks, and (if a trigger is planted) after the trigger. Exposures are correlated the way lives are: long work
/// days mean less walking, stressed weeks mean shorter nights. Deterministic for a seed.
/// </summary>
public static class SyntheticDiary
{
    private const int StepMinutes = 10;
    private static readonly DateTime Start = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Unspecified);

    public static IReadOnlyList<DiaryEntry> Generate(DiaryScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var random = new Random(scenario.Seed);
        var entries = new List<DiaryEntry>();
        var skipped = new bool[scenario.Days];
        var stress = 1.5;
        for (var day = 0; day < scenario.Days; day++)
        {
            skipped[day] = day > 0 && day < scenario.Days - 1 && random.NextDouble() < scenario.SkippedDays;
            if (day % 7 == 0)
            {
                stress = Math.Clamp(stress + (Normal(random) * 0.9), 0, 4);
            }
            var dayEntries = Day(random, day, stress, scenario.DeskWorkWithSitting);
            if (!skipped[day])
            {
                entries.AddRange(dayEntries);
            }
        }

        var relative = RelativeRate(entries, scenario, skipped, out var stepStart);
        foreach (var time in FlareTimes(random, relative, scenario.Flares))
        {
            var at = stepStart.AddMinutes(time * StepMinutes + random.Next(StepMinutes));
            entries.Add(DiaryEntry.Create(at, EntryType.Flare, DiaryVocabulary.Regions[2 + random.Next(4)], 6 + random.Next(4), 30 + random.Next(150), ""));
        }
        return [.. entries.OrderBy(e => e.Time.UtcDateTime)];
    }

    /// <summary>A diary and its planted trigger as CSV text, for the CLI and web tests.</summary>
    public static string Csv(DiaryScenario scenario) => DiaryCsv.Write(Generate(scenario));

    // Summer time from day 85 to day 295: the offset changes as it does in a real diary.
    private static TimeSpan Offset(int day) => TimeSpan.FromHours(day is >= 85 and < 295 ? 2 : 1);

    private static DateTimeOffset At(int day, double hour) =>
        new(Start.AddDays(day).AddMinutes(Math.Round(hour * 60)), Offset(day));

    /// <summary>The local day and hour of an instant, in the offset of the day it falls on.</summary>
    private static (int Day, double Hour) Local(DateTimeOffset instant)
    {
        var guess = (int)Math.Floor((instant.UtcDateTime - Start).TotalDays + (1 / 24.0));
        var local = (instant.UtcDateTime + Offset(guess) - Start).TotalHours;
        var day = (int)Math.Floor(local / 24);
        return (day, local - (day * 24));
    }

    private static List<DiaryEntry> Day(Random random, int day, double stress, bool deskWorkWithSitting)
    {
        var list = new List<DiaryEntry>();
        var weekday = day % 7 < 5;
        void Spell(EntryType type, string item, double startHour, int minutes, decimal? value) =>
            list.Add(DiaryEntry.Create(At(day, startHour), type, item, value, minutes, ""));

        // Work-day sitting: a long spell on most weekdays, sometimes at weekends; short spells any day.
        var longSitting = random.NextDouble() < (weekday ? 0.55 : 0.2);
        if (longSitting)
        {
            var (start, minutes) = (8 + (random.NextDouble() * 6), 90 + random.Next(330));
            Spell(EntryType.Activity, "sitting", start, minutes, null);
            if (deskWorkWithSitting)
            {
                Spell(EntryType.Activity, "desk-work", start, minutes, 3);
            }
        }
        for (var i = random.Next(3); i > 0; i--)
        {
            Spell(EntryType.Activity, "sitting", 7 + (random.NextDouble() * 14), 15 + random.Next(75), null);
        }
        // Walks: fewer on long sitting days.
        for (var i = random.Next(longSitting ? 2 : 3); i > 0; i--)
        {
            Spell(EntryType.Activity, "walking", 7 + (random.NextDouble() * 13), 10 + random.Next(50), 2 + random.Next(3));
        }
        if (random.NextDouble() < 0.3)
        {
            Spell(EntryType.Activity, "driving", 7 + (random.NextDouble() * 12), 20 + random.Next(70), null);
        }
        if (random.NextDouble() < (longSitting ? 0.1 : 0.25))
        {
            Spell(EntryType.Activity, "running", random.NextDouble() < 0.5 ? 7 : 18, 20 + random.Next(40), 5 + random.Next(4));
        }
        // Rehab exercises.
        if (random.NextDouble() < 0.5)
        {
            Spell(EntryType.Exercise, "slump-slider", 8 + (random.NextDouble() * 12), 8 + random.Next(15), random.Next(4));
        }
        if (random.NextDouble() < 0.3)
        {
            Spell(EntryType.Exercise, "slr-tensioner", 8 + (random.NextDouble() * 12), 10 + random.Next(35), 1 + random.Next(5));
        }
        // A check-in on about 4 evenings in 10: worries drift by week, with day-to-day noise.
        if (random.NextDouble() < 0.4)
        {
            foreach (var (area, shift) in new[] { ("stress", 0.0), ("worry", -0.5), ("sleep", -0.3), ("movement", longSitting ? 0.5 : -0.5) })
            {
                var value = (int)Math.Clamp(Math.Round(stress + shift + (Normal(random) * 0.8)), 0, 4);
                list.Add(DiaryEntry.Create(At(day, 20.5), EntryType.Checkin, area, value, null, ""));
            }
        }
        // The night that starts this evening: shorter when stressed.
        var slept = Math.Clamp(7.2 - (0.35 * stress) + (Normal(random) * 1.1), 3, 10);
        list.Add(DiaryEntry.Create(At(day, 22.5 + random.NextDouble()), EntryType.Sleep, "night", Math.Round((decimal)slept, 1), null, ""));
        // Pain checks through the day.
        for (var i = 1 + random.Next(2); i > 0; i--)
        {
            list.Add(DiaryEntry.Create(At(day, 8 + (random.NextDouble() * 13)), EntryType.Pain, DiaryVocabulary.Regions[1 + random.Next(4)], 1 + random.Next(5), null, ""));
        }
        return list;
    }

    /// <summary>
    /// The flare-up rate in every 10-minute step, relative to a quiet morning: higher in the evening and at night,
    /// higher in bad weeks, zero on days with nothing logged (a flare-up then would go unrecorded), and times the
    /// planted rate ratio while the trigger's delay window is open.
    /// </summary>
    private static double[] RelativeRate(List<DiaryEntry> entries, DiaryScenario scenario, bool[] skipped, out DateTimeOffset stepStart)
    {
        var steps = scenario.Days * 24 * 60 / StepMinutes;
        stepStart = new DateTimeOffset(Start, TimeSpan.FromHours(1));
        var rate = new double[steps];
        var frailty = new Random(scenario.Seed ^ 0x5f3759df);
        var weeks = new double[(scenario.Days / 7) + 2];
        for (var i = 0; i < weeks.Length; i++)
        {
            weeks[i] = Gamma(frailty, 3) / 3;
        }
        for (var step = 0; step < steps; step++)
        {
            var (day, hour) = Local(stepStart.AddMinutes(step * StepMinutes));
            var evening = hour is >= 18 or < 2 ? 2.5 : hour < 7 ? 1.2 : 1.0;
            rate[step] = day < 0 || day >= scenario.Days || skipped[day] ? 0 : evening * weeks[day / 7];
        }
        if (scenario.Planted is { } planted)
        {
            var open = new bool[steps];
            var stepStartValue = stepStart;
            foreach (var end in entries.Where(planted.Admits).Select(e => (e.End - stepStartValue).TotalMinutes / StepMinutes))
            {
                var from = (int)Math.Ceiling(end + (planted.LagStartHours * 60 / StepMinutes));
                var to = (int)Math.Ceiling(end + (planted.LagEndHours * 60 / StepMinutes));
                for (var step = Math.Max(0, from); step < Math.Min(steps, to); step++)
                {
                    open[step] = true;
                }
            }
            for (var step = 0; step < steps; step++)
            {
                rate[step] *= open[step] ? planted.RateRatio : 1;
            }
        }
        return rate;
    }

    /// <summary>Exactly <paramref name="count"/> steps drawn in proportion to the rate, at least 6 hours apart.</summary>
    private static List<int> FlareTimes(Random random, double[] rate, int count)
    {
        var cumulative = new double[rate.Length];
        var total = 0.0;
        for (var i = 0; i < rate.Length; i++)
        {
            total += rate[i];
            cumulative[i] = total;
        }
        const int apart = 6 * 60 / StepMinutes;
        var chosen = new SortedSet<int>();
        for (var attempts = 0; chosen.Count < count && attempts < count * 1000; attempts++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            var step = index >= 0 ? index : ~index;
            if (chosen.GetViewBetween(step - apart, step + apart).Count == 0)
            {
                chosen.Add(step);
            }
        }
        return [.. chosen];
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Gamma with a whole-number shape, mean equal to the shape: bad weeks and good ones.</summary>
    private static double Gamma(Random random, int shape)
    {
        var sum = 0.0;
        for (var i = 0; i < shape; i++)
        {
            sum -= Math.Log(1 - random.NextDouble());
        }
        return sum;
    }
}
