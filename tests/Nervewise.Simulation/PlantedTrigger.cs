using Nervewise.Domain.Diary;

namespace Nervewise.Simulation;

/// <summary>
/// A trigger written into a synthetic diary: while an exposure of at least the given dose ended between
/// <see cref="LagStartHours"/> and <see cref="LagEndHours"/> earlier, flare-ups come <see cref="RateRatio"/> times as often.
/// </summary>
public sealed record PlantedTrigger(
    EntryType Type,
    string Item,
    double LagStartHours,
    double LagEndHours,
    double RateRatio,
    int MinMinutes = 0,
    decimal? MinValue = null,
    decimal? BelowValue = null)
{
    public string Exposure => $"{DiaryVocabulary.Name(Type)}:{Item}";

    public bool Admits(DiaryEntry entry) =>
        entry.Type == Type && entry.Item == Item
        && (entry.DurationMinutes ?? 0) >= MinMinutes
        && (MinValue is not { } min || entry.Value >= min)
        && (BelowValue is not { } below || entry.Value < below);

    /// <summary>Whether a window [start, end) hours overlaps the planted delay.</summary>
    public bool Overlaps(int startHours, int endHours) => startHours < LagEndHours && LagStartHours < endHours;

    public override string ToString() => $"{Exposure} {LagStartHours:0}-{LagEndHours:0} h x{RateRatio:0.#}";

    /// <summary>
    /// The triggers the recall suite plants, one per diary in turn. Their delays match one of the engine's windows;
    /// their doses need not match its levels (only sitting spells of 3 hours or more trigger, the engine's long
    /// level starts at 2 hours).
    /// </summary>
    public static IReadOnlyList<PlantedTrigger> Catalogue(double rateRatio) =>
    [
        new(EntryType.Activity, "sitting", 6, 12, rateRatio, MinMinutes: 180),
        new(EntryType.Exercise, "slr-tensioner", 12, 24, rateRatio, MinMinutes: 30),
        new(EntryType.Sleep, "night", 12, 24, rateRatio, BelowValue: 6),
        new(EntryType.Checkin, "stress", 24, 48, rateRatio, MinValue: 2),
        new(EntryType.Activity, "running", 3, 6, rateRatio),
    ];

    /// <summary>The same triggers with delays that straddle two or three of the engine's windows.</summary>
    public static IReadOnlyList<PlantedTrigger> Misaligned(double rateRatio) =>
    [
        new(EntryType.Activity, "sitting", 4, 10, rateRatio, MinMinutes: 180),
        new(EntryType.Exercise, "slr-tensioner", 8, 20, rateRatio, MinMinutes: 30),
        new(EntryType.Sleep, "night", 8, 20, rateRatio, BelowValue: 6),
        new(EntryType.Checkin, "stress", 18, 36, rateRatio, MinValue: 2),
        new(EntryType.Activity, "running", 2, 8, rateRatio),
    ];

    /// <summary>
    /// Exposures the generator makes move with this one (docs/triggers.md): check-in areas and short nights all follow
    /// the week's stress; long sitting days bring a higher movement concern, fewer walks and fewer runs.
    /// </summary>
    public IReadOnlyList<string> Linked() => Exposure switch
    {
        "checkin:stress" or "checkin:worry" or "checkin:sleep" or "sleep:night" =>
            ["checkin:stress", "checkin:worry", "checkin:sleep", "checkin:movement", "sleep:night"],
        "activity:sitting" => ["checkin:movement", "activity:walking", "activity:running"],
        "activity:running" => ["activity:sitting"],
        _ => [],
    };
}
