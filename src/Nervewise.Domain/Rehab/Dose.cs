using System.Globalization;

namespace Nervewise.Domain.Rehab;

/// <summary>How much of an exercise: minutes a session (what the diary logs), sets, reps or holds, and sessions a week.</summary>
public sealed record Dose(int Minutes, int? Sets, int? Reps, int? HoldSeconds, int PerWeek)
{
    /// <summary>A smaller dose within the stage: fewer repetitions, shorter holds and minutes, the same days.</summary>
    public Dose Cut(double share)
    {
        static int? Scale(int? value, double share) => value is { } v ? Math.Max(1, (int)Math.Round(v * share, MidpointRounding.AwayFromZero)) : null;
        return this with { Minutes = Scale(Minutes, share)!.Value, Reps = Scale(Reps, share), HoldSeconds = Scale(HoldSeconds, share) };
    }

    /// <summary>Plain words: "3 sets of 10, about 5 min, 5 times a week".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Sets is { } sets && Reps is { } reps)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{sets} {(sets == 1 ? "set" : "sets")} of {reps}"));
        }
        else if (Sets is { } holds && HoldSeconds is { } seconds)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{holds} {(holds == 1 ? "hold" : "holds")} of {seconds} seconds"));
        }
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"about {Minutes} min"));
        parts.Add(Frequency(PerWeek));
        return string.Join(", ", parts);
    }

    public static string Frequency(int perWeek) => perWeek switch
    {
        7 => "every day",
        1 => "once a week",
        2 => "twice a week",
        _ => string.Create(CultureInfo.InvariantCulture, $"{perWeek} times a week"),
    };

    /// <summary>Each field outside the data file's limits, named as the API names it.</summary>
    public IReadOnlyList<string> Check(RehabRules.Limits limits)
    {
        var problems = new List<string>();
        void Range(string field, int? value, IReadOnlyList<int> range)
        {
            if (value is { } v && !InRange(v, range))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field} must be from {range[0]} to {range[1]}, not {v}"));
            }
        }
        Range("minutes", Minutes, limits.Minutes);
        Range("sets", Sets, limits.Sets);
        Range("reps", Reps, limits.Reps);
        Range("holdSeconds", HoldSeconds, limits.HoldSeconds);
        Range("perWeek", PerWeek, limits.PerWeek);
        return problems;
    }

    internal static bool InRange(int value, IReadOnlyList<int> range) => range.Count == 2 && value >= range[0] && value <= range[1];
}

/// <summary>A person's own dose for one exercise, set by them or their clinician; empty fields keep the plan's dose.</summary>
public sealed record DoseOverride(int? Minutes = null, int? Sets = null, int? Reps = null, int? HoldSeconds = null, int? PerWeek = null)
{
    public bool IsEmpty => Minutes is null && Sets is null && Reps is null && HoldSeconds is null && PerWeek is null;

    public Dose ApplyTo(Dose dose) => new(
        Minutes ?? dose.Minutes, Sets ?? dose.Sets, Reps ?? dose.Reps, HoldSeconds ?? dose.HoldSeconds, PerWeek ?? dose.PerWeek);

    public IReadOnlyList<string> Check(RehabRules.Limits limits) =>
        new Dose(Minutes ?? limits.Minutes[0], Sets, Reps, HoldSeconds, PerWeek ?? limits.PerWeek[0]).Check(limits);

    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, int? value)
        {
            if (value is { } v)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {v}"));
            }
        }
        Add("minutes", Minutes);
        Add("sets", Sets);
        Add("reps", Reps);
        Add("holdSeconds", HoldSeconds);
        Add("perWeek", PerWeek);
        return parts.Count == 0 ? "plan's dose" : string.Join(", ", parts);
    }
}
