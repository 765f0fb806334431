namespace Nervewise.Domain.Triggers;

/// <summary>
/// The case-crossover sets for one window: each flare-up (the case) with the same clock time on every other day of
/// its fixed block (the referents). A time belongs only if every day from the window's far edge to the time itself
/// has an entry, so unknown days never pass for days without exposure. Times are hours on the diary's axis;
/// each set's case comes first.
/// </summary>
internal sealed class MatchedSets
{
    private readonly List<double> _times = [];
    private readonly List<int> _starts = [0];

    public MatchedSets(ReadOnlySpan<double> flares, DiaryAxis axis, TriggerRules.Window window, int stratumDays)
    {
        Window = window;
        foreach (var flare in flares)
        {
            if (!Observed(flare, axis))
            {
                LeftOutForGaps++;
                continue;
            }
            var day = DiaryAxis.Day(flare);
            var firstDay = day / stratumDays * stratumDays;
            var before = _times.Count;
            _times.Add(flare);
            for (var other = firstDay; other < firstDay + stratumDays; other++)
            {
                var referent = flare + ((other - day) * 24.0);
                if (other != day && Observed(referent, axis))
                {
                    _times.Add(referent);
                }
            }
            if (_times.Count - before < 2)
            {
                // A flare-up with no comparison day says nothing.
                _times.RemoveRange(before, _times.Count - before);
                LeftOutNoComparison++;
                continue;
            }
            _starts.Add(_times.Count);
        }
        // Every member time once, in order, so an exposure is checked against all of them in one walk (Evaluate).
        var keys = _times.ToArray();
        var at = new int[keys.Length];
        for (var i = 0; i < at.Length; i++)
        {
            at[i] = i;
        }
        Array.Sort(keys, at);
        _member = new int[keys.Length];
        var unique = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[unique - 1])
            {
                keys[unique++] = keys[i];
            }
            _member[at[i]] = unique - 1;
        }
        _sorted = keys[..unique];
        _exposed = new bool[unique];
    }

    private readonly double[] _sorted;
    private readonly int[] _member;
    private readonly bool[] _exposed;

    public TriggerRules.Window Window { get; }

    public int Count => _starts.Count - 1;

    /// <summary>Flare-ups left out because a day the window touches has nothing logged.</summary>
    public int LeftOutForGaps { get; }

    /// <summary>Flare-ups left out because no other day of their block could be compared with them.</summary>
    public int LeftOutNoComparison { get; }

    /// <summary>
    /// Every counted flare-up for one exposure, the informative ones and the rest: how many followed the exposure, how
    /// many would have by chance (its share of each set's times), and how many sets had it at every time.
    /// </summary>
    public readonly record struct Tally(int Informative, int CasesAfter, double ByChance, int AllExposed);

    public ReadOnlySpan<double> Members(int set) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_times)[_starts[set].._starts[set + 1]];

    private bool Observed(double time, DiaryAxis axis) =>
        axis.AllLogged(DiaryAxis.Day(time - Window.EndHours), DiaryAxis.Day(time));

    /// <summary>
    /// Fills <paramref name="sets"/> with the informative sets (some members exposed, some not) for an exposure whose
    /// sorted end times are <paramref name="ends"/>, and returns how many there are with the counts over every set.
    /// </summary>
    public Tally Evaluate(ReadOnlySpan<double> ends, Span<ExactConditional.MatchedSet> sets)
    {
        MarkExposed(ends);
        var count = 0;
        var casesAfter = 0;
        var byChance = 0.0;
        var allExposed = 0;
        for (var s = 0; s < Count; s++)
        {
            var members = _member.AsSpan(_starts[s].._starts[s + 1]);
            var exposed = 0;
            var caseExposed = false;
            for (var i = 0; i < members.Length; i++)
            {
                if (_exposed[members[i]])
                {
                    exposed++;
                    caseExposed |= i == 0;
                }
            }
            casesAfter += caseExposed ? 1 : 0;
            byChance += exposed / (double)members.Length;
            allExposed += exposed == members.Length ? 1 : 0;
            if (exposed > 0 && exposed < members.Length)
            {
                sets[count++] = new ExactConditional.MatchedSet(exposed, members.Length - exposed, caseExposed);
            }
        }
        return new Tally(count, casesAfter, byChance, allExposed);
    }

    /// <summary>
    /// <see cref="Exposed"/> for every member time at once: both window edges move forward with the time, so one
    /// pointer into the ends walks forward instead of a search per time. The same comparisons decide, so the same answers.
    /// </summary>
    private void MarkExposed(ReadOnlySpan<double> ends)
    {
        var lo = 0;
        for (var j = 0; j < _sorted.Length; j++)
        {
            var time = _sorted[j];
            var earliest = time - Window.EndHours;
            var latest = time - Window.StartHours;
            while (lo < ends.Length && ends[lo] <= earliest)
            {
                lo++;
            }
            _exposed[j] = lo < ends.Length && ends[lo] <= latest;
        }
    }

    /// <summary>Whether an exposure ended between the window's start and end hours before <paramref name="time"/>.</summary>
    public bool Exposed(ReadOnlySpan<double> ends, double time)
    {
        var earliest = time - Window.EndHours;
        var latest = time - Window.StartHours;
        // The first end strictly after the earliest edge.
        int lo = 0, hi = ends.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ends[mid] <= earliest)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo < ends.Length && ends[lo] <= latest;
    }
}
