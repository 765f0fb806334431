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
                continue;
            }
            _starts.Add(_times.Count);
        }
    }

    public TriggerRules.Window Window { get; }

    public int Count => _starts.Count - 1;

    public ReadOnlySpan<double> Members(int set) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_times)[_starts[set].._starts[set + 1]];

    private bool Observed(double time, DiaryAxis axis) =>
        axis.AllLogged(DiaryAxis.Day(time - Window.EndHours), DiaryAxis.Day(time));

    /// <summary>
    /// Fills <paramref name="sets"/> with the informative sets (some members exposed, some not) for an exposure whose
    /// sorted end times are <paramref name="ends"/>, and returns how many there are.
    /// </summary>
    public int Evaluate(ReadOnlySpan<double> ends, Span<ExactConditional.MatchedSet> sets)
    {
        var count = 0;
        for (var s = 0; s < Count; s++)
        {
            var members = Members(s);
            var exposed = 0;
            var caseExposed = false;
            for (var i = 0; i < members.Length; i++)
            {
                if (Exposed(ends, members[i]))
                {
                    exposed++;
                    caseExposed |= i == 0;
                }
            }
            if (exposed > 0 && exposed < members.Length)
            {
                sets[count++] = new ExactConditional.MatchedSet(exposed, members.Length - exposed, caseExposed);
            }
        }
        return count;
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
