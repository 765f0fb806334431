using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Triggers;

/// <summary>The reviewed numbers of the trigger analysis, read from trigger-rules.json beside this file.</summary>
public sealed record TriggerRules(
    TriggerRules.WindowRules Windows,
    TriggerRules.ReferentRules Referents,
    TriggerRules.FlareRules Flares,
    TriggerRules.DoseRules Doses,
    TriggerRules.FalseDiscoveryRules FalseDiscovery,
    TriggerRules.PowerRules Power,
    TriggerRules.TogetherRules Together,
    TriggerRules.WordingRules Wording)
{
    private static readonly Lazy<TriggerRules> Loaded = new(() => EmbeddedData.ReadJson<TriggerRules>("trigger-rules.json").Checked());

    public static TriggerRules Current => Loaded.Value;

    public sealed record Window(int StartHours, int EndHours, string Label, string Words);

    public sealed record WindowRules(IReadOnlyList<Window> List);

    public sealed record ReferentRules(int StratumDays);

    public sealed record FlareRules(int Minimum, double SameFlareWithinHours);

    /// <summary>One dose level: a spell of at least MinMinutes, a value of at least MinValue, or a value below BelowValue.</summary>
    public sealed record DoseLevel(string Level, int? MinMinutes, decimal? MinValue, decimal? BelowValue, string Words)
    {
        public bool Admits(DiaryEntry entry) =>
            (MinMinutes is not { } minutes || (entry.DurationMinutes ?? 0) >= minutes)
            && (MinValue is not { } min || entry.Value >= min)
            && (BelowValue is not { } below || entry.Value < below);
    }

    public sealed record DoseRules(
        IReadOnlyList<DoseLevel> Activity, IReadOnlyList<DoseLevel> Exercise, IReadOnlyList<DoseLevel> Checkin, IReadOnlyList<DoseLevel> Sleep)
    {
        /// <summary>The levels tested for an entry type; empty for types that are not exposures (pain, flare, symptom, relief).</summary>
        public IReadOnlyList<DoseLevel> For(EntryType type) => type switch
        {
            EntryType.Activity => Activity,
            EntryType.Exercise => Exercise,
            EntryType.Checkin => Checkin,
            EntryType.Sleep => Sleep,
            _ => [],
        };
    }

    public sealed record FalseDiscoveryRules(string Method, double Level, bool TestOnlyIfAttainable);

    public sealed record PowerRules(double TargetEffect, double TypicalExposedShare, double WantedPower);

    public sealed record TogetherRules(int ToleranceMinutes, double Share, int MinimumTimes);

    public sealed record EffectWords(double? Below, string Words);

    public sealed record CertaintyWords(double? MaxQ, string Words);

    public sealed record WordingRules(IReadOnlyList<EffectWords> Effects, IReadOnlyList<CertaintyWords> Certainty, int LeadingExposures, string OpenEnded);

    public bool ByYekutieli => FalseDiscovery.Method == "benjamini-yekutieli";

    /// <summary>A typo in the data file must stop the app at start, not mislead a person later.</summary>
    internal TriggerRules Checked()
    {
        var windows = Windows.List;
        if (windows.Count == 0 || windows[0].StartHours != 0 || windows[^1].EndHours != 48
            || windows.Zip(windows.Skip(1)).Any(p => p.First.EndHours != p.Second.StartHours)
            || windows.Any(w => w.EndHours <= w.StartHours))
        {
            throw new InvalidOperationException("trigger-rules.json: the windows must follow each other without gaps from 0 to 48 hours.");
        }
        if (Referents.StratumDays is < 2 or > 366 || Flares.Minimum < 1 || Flares.SameFlareWithinHours < 0)
        {
            throw new InvalidOperationException("trigger-rules.json: the stratum, the minimum flare-ups or the merge gap is out of range.");
        }
        if (FalseDiscovery.Method is not ("benjamini-hochberg" or "benjamini-yekutieli") || FalseDiscovery.Level is <= 0 or >= 1)
        {
            throw new InvalidOperationException("trigger-rules.json: the false discovery method must be benjamini-hochberg or benjamini-yekutieli, at a level between 0 and 1.");
        }
        if (Power.TargetEffect <= 1 || Power.TypicalExposedShare is <= 0 or >= 1 || Power.WantedPower is <= 0 or >= 1)
        {
            throw new InvalidOperationException("trigger-rules.json: the power assumptions are out of range.");
        }
        var levels = new[] { Doses.Activity, Doses.Exercise, Doses.Checkin, Doses.Sleep };
        if (levels.Any(l => l.Count == 0 || l.Select(d => d.Level).Distinct().Count() != l.Count))
        {
            throw new InvalidOperationException("trigger-rules.json: every exposure type needs dose levels with distinct names.");
        }
        if (Wording.Effects.Count == 0 || Wording.Effects[^1].Below is not null
            || Wording.Certainty.Count == 0 || Wording.Certainty[^1].MaxQ is not null || string.IsNullOrWhiteSpace(Wording.OpenEnded))
        {
            throw new InvalidOperationException("trigger-rules.json: the last effect and certainty wording must be open-ended (null).");
        }
        return this;
    }
}
