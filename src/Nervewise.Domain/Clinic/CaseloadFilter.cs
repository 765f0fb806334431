using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Clinic;

/// <summary>The ways a clinician narrows their caseload; <see cref="All"/> shows everyone.</summary>
public enum CaseloadFilter
{
    All,
    WarningSigns,
    FlaresThisWeek,
    NoImprovement,
    NotSeen,
}

/// <summary>How a clinician orders their caseload: by need (the default), by name, or the latest entry first.</summary>
public enum CaseloadSort
{
    Need,
    Name,
    LastEntry,
}

/// <summary>
/// Which filters one person falls under. They overlap on purpose: a person with warning signs can also have had a
/// flare-up this week and not be improving, and each filter should find them.
/// </summary>
public sealed record CaseloadFlags(bool WarningSigns, int FlaresThisWeek, bool NoImprovement, bool NotSeen)
{
    /// <summary>
    /// The flags of one person from their diary (at least the last <see cref="Caseload.Rules.NoImprovementWeeks"/>
    /// weeks and a comparison span), their standing, and when this clinician last opened their record (null: never).
    /// </summary>
    public static CaseloadFlags Of(IReadOnlyList<DiaryEntry> entries, Caseload.Standing standing, DateTimeOffset? lastOpened, DateTimeOffset now)
    {
        var rules = Caseload.Current;
        var weekStart = now.AddDays(-(double)rules.FlaresThisWeekDays.Value);
        var flares = entries.Count(e => e.Type == EntryType.Flare && e.Time >= weekStart && e.Time <= now);
        var stuck = Caseload.NotImproving(entries, DateOnly.FromDateTime(now.UtcDateTime), rules) is not null;
        var notSeen = lastOpened is not { } opened || opened < now.AddDays(-(double)rules.NotSeenDays.Value);
        return new(standing.Need == Need.RedFlag, flares, stuck, notSeen);
    }

    public bool Matches(CaseloadFilter filter) => filter switch
    {
        CaseloadFilter.WarningSigns => WarningSigns,
        CaseloadFilter.FlaresThisWeek => FlaresThisWeek > 0,
        CaseloadFilter.NoImprovement => NoImprovement,
        CaseloadFilter.NotSeen => NotSeen,
        _ => true,
    };
}
