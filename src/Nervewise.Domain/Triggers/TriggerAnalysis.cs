using System.Buffers;
using System.Runtime.InteropServices;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Triggers;

/// <summary>
/// What tends to come before flare-ups in one person's diary, allowing for delays of up to 48 hours: a
/// time-stratified case-crossover analysis with an exact conditional test for each exposure, dose level and delay
/// window, and the false discovery rate controlled across all of them. docs/triggers.md gives the method.
/// </summary>
public static class TriggerAnalysis
{
    /// <summary>The times an exposure at one dose level ended, in hours on the diary's axis, sorted.</summary>
    internal sealed record Series(string Exposure, string Item, TriggerRules.DoseLevel Dose, double[] Ends);

    public static TriggerReport Analyse(IEnumerable<DiaryEntry> entries, TriggerRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        rules ??= TriggerRules.Current;
        // The passes below read the entries as a span (no interface call per entry): a list's or an array's own
        // storage; any other list is copied into a pooled array, so nothing is allocated for it either.
        var list = entries as IReadOnlyList<DiaryEntry> ?? entries.ToList();
        switch (list)
        {
            case List<DiaryEntry> entryList:
                return Sorted(list, CollectionsMarshal.AsSpan(entryList), rules);
            case DiaryEntry[] array:
                return Sorted(list, array, rules);
        }
        var copy = ArrayPool<DiaryEntry>.Shared.Rent(list.Count);
        try
        {
            for (var i = 0; i < list.Count; i++)
            {
                copy[i] = list[i];
            }
            return Sorted(list, copy.AsSpan(0, list.Count), rules);
        }
        finally
        {
            ArrayPool<DiaryEntry>.Shared.Return(copy, clearArray: true);
        }
    }

    /// <summary>A list already in order is used as it is (nothing here changes it); anything else is sorted (stable) first.</summary>
    private static TriggerReport Sorted(IReadOnlyList<DiaryEntry> list, ReadOnlySpan<DiaryEntry> entries, TriggerRules rules) =>
        InOrder(entries) ? AnalyseSorted(entries, rules) : AnalyseSorted(CollectionsMarshal.AsSpan(list.OrderBy(e => e.Time.UtcDateTime).ToList()), rules);

    private static TriggerReport AnalyseSorted(ReadOnlySpan<DiaryEntry> sorted, TriggerRules rules)
    {
        if (sorted.Length == 0)
        {
            return new TriggerReport(0, 0, 0, 0, [], "The diary is empty: nothing to look at yet.", null, [], []);
        }

        var axis = new DiaryAxis(sorted);
        var flares = FlareTimes(sorted, axis, rules);
        var flareRows = FlareRows(sorted);
        var series = ExposureSeries(sorted, axis, rules);
        var together = Together(series, rules);
        var windows = rules.Windows.List;
        var days = axis.LastDay + 1;

        if (series.Count == 0)
        {
            return new TriggerReport(flares.Length, days, axis.DaysLogged, 0, [],
                "Nothing that could come before a flare-up has been logged yet: activities, rehab exercises, check-ins or sleep.",
                null, together.Pairs, []) { FlareRows = flareRows };
        }
        if (flares.Length < rules.Flares.Minimum)
        {
            var needed = Math.Max(rules.Flares.Minimum, FlaresNeeded(series.Count * windows.Count, rules));
            return new TriggerReport(flares.Length, days, axis.DaysLogged, 0, [], TooFew(flares.Length, needed, rules), needed, together.Pairs, []) { FlareRows = flareRows };
        }

        var findings = new List<(Series Series, TriggerRules.Window Window, ExactConditional.Result Estimate, TriggerCounts Counts)>();
        // Per untested exposure: the largest share of counted flare-ups, in any window, with it at every time compared.
        var untested = new Dictionary<string, double>(StringComparer.Ordinal);
        var buffer = new ExactConditional.MatchedSet[flares.Length];
        var scratch = new double[flares.Length + 8];
        var sets = new MatchedSets(flares, axis, rules.Referents.StratumDays);
        foreach (var window in windows)
        {
            sets.Use(window);
            foreach (var exposure in series)
            {
                var tally = sets.Evaluate(exposure.Ends, buffer);
                var informative = buffer.AsSpan(0, tally.Informative);
                // A test that could never be significant is not a test (Gilbert 2005): this depends only on the sets.
                var minimumP = tally.Informative == 0 ? 1 : ExactConditional.MinimumP(informative);
                if (tally.Informative == 0 || (rules.FalseDiscovery.TestOnlyIfAttainable && minimumP > rules.FalseDiscovery.Level))
                {
                    var share = sets.Count == 0 ? 0 : tally.AllExposed / (double)sets.Count;
                    untested[exposure.Exposure] = Math.Max(share, untested.GetValueOrDefault(exposure.Exposure));
                    continue;
                }
                var counts = new TriggerCounts(sets.Count, tally.CasesAfter, tally.ByChance, sets.LeftOutForGaps, sets.LeftOutNoComparison);
                findings.Add((exposure, window, ExactConditional.Estimate(informative, scratch, 0.95, minimumP), counts));
            }
        }

        var q = FalseDiscovery.QValues([.. findings.Select(f => f.Estimate.P)], rules.ByYekutieli);
        var triggers = findings.Select((f, i) => Finding(f.Series, f.Window, f.Estimate, q[i], together.With(f.Series), f.Counts, rules))
            .OrderBy(t => t.Q).ThenBy(t => t.P).ThenBy(t => t.Exposure, StringComparer.Ordinal)
            .ThenBy(t => t.Dose, StringComparer.Ordinal).ThenBy(t => t.LagStartHours)
            .ToList();
        var notChecked = NotCheckedOf(sorted, series, findings.Select(f => f.Series.Exposure).ToHashSet(StringComparer.Ordinal), untested);
        var tooRare = notChecked.Where(n => n.TooRare).Select(n => n.Exposure).ToList();

        var flaresNeeded = FlaresNeeded(Math.Max(1, findings.Count), rules);
        int? more = flaresNeeded > flares.Length ? flaresNeeded : null;
        var message = triggers.Any(t => t.Significant)
            ? null
            : "Nothing stood out clearly yet." + (more is { } n
                ? $" About {n} flare-ups (about {n - flares.Length} more than now) would usually be enough to show something that makes flare-ups {rules.Power.TargetEffect:0.#} times as likely."
                : " With this many flare-ups a strong trigger would usually show, so any trigger is likely to be weak or not in the diary.");
        return new TriggerReport(flares.Length, days, axis.DaysLogged, findings.Count, triggers, message, more, together.Pairs, tooRare)
        {
            FlareRows = flareRows,
            NotChecked = notChecked,
        };
    }

    /// <summary>
    /// Flare-ups needed for the wanted power to find an exposure with the target effect at the typical exposed share,
    /// at the level the false discovery control gives a single finding among <paramref name="tests"/> (one-sided,
    /// normal approximation to the exact test).
    /// </summary>
    public static int FlaresNeeded(int tests, TriggerRules? rules = null)
    {
        rules ??= TriggerRules.Current;
        var level = rules.FalseDiscovery.Level / Math.Max(1, tests) / (rules.ByYekutieli ? FalseDiscovery.Harmonic(tests) : 1);
        var p0 = rules.Power.TypicalExposedShare;
        var theta = rules.Power.TargetEffect;
        var p1 = theta * p0 / ((theta * p0) + 1 - p0);
        var z = (Normal.Quantile(1 - level) * Math.Sqrt(p0 * (1 - p0))) + (Normal.Quantile(rules.Power.WantedPower) * Math.Sqrt(p1 * (1 - p1)));
        return (int)Math.Ceiling(Math.Pow(z / (p1 - p0), 2));
    }

    private static string TooFew(int flares, int needed, TriggerRules rules)
    {
        var have = flares switch
        {
            0 => "There are no flare-ups in this diary yet.",
            1 => "There is 1 flare-up in this diary.",
            _ => $"There are {flares} flare-ups in this diary.",
        };
        return $"{have} At least {rules.Flares.Minimum} are needed before anything can be checked, and about {needed} before something that makes flare-ups {rules.Power.TargetEffect:0.#} times as likely would usually show up: about {needed - flares} more. Until then Nervewise will not guess.";
    }

    private static TriggerFinding Finding(Series series, TriggerRules.Window window, ExactConditional.Result estimate, double q, IReadOnlyList<string> togetherWith, TriggerCounts counts, TriggerRules rules)
    {
        var words = TriggerWording.Exposure(series.Item, series.Dose);
        return new TriggerFinding(
            series.Exposure, series.Dose.Level, words, window.StartHours, window.EndHours,
            estimate.Effect, estimate.CiLow, estimate.CiHigh, estimate.P, q, q <= rules.FalseDiscovery.Level,
            estimate.Sets, estimate.ExposedCases, estimate.ExpectedByChance, togetherWith,
            TriggerWording.Summary(estimate.Effect, q, window, words, togetherWith, rules, openEnded: estimate.CiHigh is null),
            counts);
    }

    /// <summary>
    /// Exposures logged but never checked, each with how often it was logged and why: an exposure present at every
    /// time compared for most flare-ups (in some window) leaves nothing to compare; anything else was too rare near
    /// the flare-ups. A check-in area
    /// is counted by its own rows, one per check-in.
    /// </summary>
    private static List<NotChecked> NotCheckedOf(
        ReadOnlySpan<DiaryEntry> sorted, List<Series> series, HashSet<string> tested, Dictionary<string, double> alwaysShare)
    {
        var result = new List<NotChecked>();
        foreach (var group in series.Where(s => !tested.Contains(s.Exposure)).GroupBy(s => s.Exposure).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            var type = first.Exposure[..first.Exposure.IndexOf(':', StringComparison.Ordinal)];
            // The item first: it rules out nearly every entry without spelling out a type name (which allocates).
            var logged = 0;
            foreach (var e in sorted)
            {
                logged += e.Item == first.Item && DiaryVocabulary.Name(e.Type) == type ? 1 : 0;
            }
            var name = Capital(TriggerWording.Item(group.Key));
            if (alwaysShare.GetValueOrDefault(group.Key) >= 0.5)
            {
                result.Add(new NotChecked(group.Key, false, logged,
                    $"{name} was logged {Times(logged)}, at the same times nearly every day, so there were no times without it to compare with."));
                continue;
            }
            // The level logged most often: for a check-in, a rating of 2 or more.
            var most = group.MaxBy(s => s.Ends.Length)!;
            var times = Times(logged);
            var words = most.Ends.Length < logged
                ? $"{name} was logged {times}, {TriggerWording.Level(most.Dose)} only {Times(most.Ends.Length)}: too few near the flare-ups to check."
                : $"{name} was logged only {times}: too few near the flare-ups to check.";
            result.Add(new NotChecked(group.Key, true, logged, words));
        }
        return result;
    }

    private static string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        _ => $"{count} times",
    };

    /// <summary>Flare rows by start, with rows within the merge gap of the one before counted as the same flare-up.</summary>
    internal static double[] FlareTimes(ReadOnlySpan<DiaryEntry> sorted, DiaryAxis axis, TriggerRules rules)
    {
        var times = new List<double>();
        var last = double.NegativeInfinity;
        foreach (var entry in sorted)
        {
            if (entry.Type != EntryType.Flare)
            {
                continue;
            }
            var hours = axis.Hours(entry.Time);
            if (hours - last > rules.Flares.SameFlareWithinHours)
            {
                times.Add(hours);
            }
            last = hours;
        }
        return [.. times];
    }

    /// <summary>Every exposure (type:item) at every dose level it reaches, by the time it ended.</summary>
    internal static List<Series> ExposureSeries(ReadOnlySpan<DiaryEntry> sorted, DiaryAxis axis, TriggerRules rules)
    {
        // Entries grouped by exposure in diary order (a counting sort by group, no list per group); the groups then
        // in order of name and item (each key once).
        var ids = new Dictionary<(EntryType Type, string Item), int>();
        var groupOf = new int[sorted.Length];
        var sizes = new List<int>();
        for (var e = 0; e < sorted.Length; e++)
        {
            var entry = sorted[e];
            if (rules.Doses.For(entry.Type).Count == 0)
            {
                groupOf[e] = -1;
                continue;
            }
            if (!ids.TryGetValue((entry.Type, entry.Item), out var id))
            {
                ids.Add((entry.Type, entry.Item), id = sizes.Count);
                sizes.Add(0);
            }
            groupOf[e] = id;
            sizes[id]++;
        }
        var starts = new int[sizes.Count + 1];
        for (var g = 0; g < sizes.Count; g++)
        {
            starts[g + 1] = starts[g] + sizes[g];
        }
        var members = new int[starts[^1]];
        var next = starts[..^1];
        for (var e = 0; e < sorted.Length; e++)
        {
            if (groupOf[e] >= 0)
            {
                members[next[groupOf[e]]++] = e;
            }
        }
        var keys = new (string Name, EntryType Type, string Item, int Id)[ids.Count];
        var k = 0;
        foreach (var (key, id) in ids)
        {
            keys[k++] = (DiaryVocabulary.Name(key.Type), key.Type, key.Item, id);
        }
        Array.Sort(keys, static (x, y) =>
        {
            var byName = string.CompareOrdinal(x.Name, y.Name);
            return byName != 0 ? byName : string.CompareOrdinal(x.Item, y.Item);
        });

        var series = new List<Series>();
        var ends = new double[members.Length];
        foreach (var (name, type, item, id) in keys)
        {
            var group = members.AsSpan(starts[id]..starts[id + 1]);
            string? exposure = null;
            foreach (var level in rules.Doses.For(type))
            {
                var count = 0;
                foreach (var e in group)
                {
                    if (level.Admits(sorted[e]))
                    {
                        ends[count++] = axis.Hours(sorted[e].End);
                    }
                }
                if (count > 0)
                {
                    var times = ends[..count];
                    // Equal hours are the same double (never -0), so an unstable sort gives what Order() gave.
                    Array.Sort(times);
                    series.Add(new Series(exposure ??= $"{name}:{item}", item, level, times));
                }
            }
        }
        return series;
    }

    internal sealed record TogetherResult(IReadOnlyList<TogetherPair> Pairs, IReadOnlyList<(Series A, Series B)> Series)
    {
        /// <summary>The exposures a series was logged with nearly every time.</summary>
        public IReadOnlyList<string> With(Series series) =>
            [.. Series.Where(p => p.A == series || p.B == series).Select(p => (p.A == series ? p.B : p.A).Exposure).Distinct()];
    }

    /// <summary>
    /// Pairs of series of different exposures that end within the tolerance of each other at least the given share of
    /// times, both ways round: whatever one shows, the other shows too. Each pair of exposures is named once.
    /// </summary>
    internal static TogetherResult Together(IReadOnlyList<Series> series, TriggerRules rules)
    {
        var tolerance = rules.Together.ToleranceMinutes / 60.0;
        var candidates = new List<Series>();
        foreach (var s in series)
        {
            if (s.Ends.Length >= rules.Together.MinimumTimes)
            {
                candidates.Add(s);
            }
        }
        var matched = new List<(Series, Series)>();
        var pairs = new List<TogetherPair>();
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                var (a, b) = (candidates[i], candidates[j]);
                if (a.Exposure == b.Exposure
                    || Share(a.Ends, b.Ends, tolerance) < rules.Together.Share || Share(b.Ends, a.Ends, tolerance) < rules.Together.Share)
                {
                    continue;
                }
                matched.Add((a, b));
                if (!pairs.Any(p => p.First == a.Exposure && p.Second == b.Exposure))
                {
                    var words = (A: TriggerWording.Exposure(a.Item, a.Dose), B: TriggerWording.Exposure(b.Item, b.Dose));
                    pairs.Add(new TogetherPair(a.Exposure, b.Exposure,
                        $"{Capital(words.A)} and {words.B} were logged together nearly every time, so the diary cannot tell which of them matters."));
                }
            }
        }
        return new TogetherResult(pairs, matched);
    }

    private static double Share(double[] ends, double[] others, double tolerance)
    {
        // Both are sorted, so the first other at or after end − tolerance only moves forward: one walk, not a search
        // per end. It is the element the binary search found (or one equal to it), so the same comparison decides.
        var matched = 0;
        var from = 0;
        foreach (var end in ends)
        {
            var low = end - tolerance;
            while (from < others.Length && others[from] < low)
            {
                from++;
            }
            if (from < others.Length && others[from] <= end + tolerance)
            {
                matched++;
            }
        }
        return matched / (double)ends.Length;
    }

    /// <summary>Diaries mostly arrive in order already; a stable sort would then change nothing, so it is skipped.</summary>
    private static bool InOrder(ReadOnlySpan<DiaryEntry> entries)
    {
        for (var i = 1; i < entries.Length; i++)
        {
            // UtcTicks are what the UtcDateTimes compare.
            if (entries[i].Time.UtcTicks < entries[i - 1].Time.UtcTicks)
            {
                return false;
            }
        }
        return true;
    }

    private static int FlareRows(ReadOnlySpan<DiaryEntry> sorted)
    {
        var count = 0;
        foreach (var entry in sorted)
        {
            count += entry.Type == EntryType.Flare ? 1 : 0;
        }
        return count;
    }

    private static string Capital(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
