using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nervewise.Domain.Triggers;

/// <summary>
/// The case-crossover sets for one window: each flare-up (the case) with the same clock time on every other day of
/// its fixed block (the referents). A time belongs only if every day from the window's far edge to the time itself
/// has an entry, so unknown days never pass for days without exposure. Times are hours on the diary's axis;
/// each set's case comes first. The candidate times are the same for every window (only which of them are observed
/// differs), so they are made and sorted once, and one instance is refilled window by window (<see cref="Use"/>).
/// </summary>
internal sealed class MatchedSets
{
    private readonly DiaryAxis _axis;
    // Per flare-up, its candidate times: the flare-up first, then its block's other days in order.
    private readonly double[] _candidates;
    private readonly int[] _candidateStarts;
    // Every candidate time once, in order, and where each candidate sits among them.
    private readonly double[] _sorted;
    private readonly int _unique;
    private readonly int[] _place;
    private readonly bool[] _exposed;
    // The window's sets: places of their members (case first), set s from _starts[s] to _starts[s + 1].
    private readonly int[] _member;
    private readonly int[] _starts;

    public MatchedSets(ReadOnlySpan<double> flares, DiaryAxis axis, int stratumDays)
    {
        _axis = axis;
        var times = new double[flares.Length * stratumDays];
        _candidateStarts = new int[flares.Length + 1];
        var count = 0;
        for (var f = 0; f < flares.Length; f++)
        {
            var flare = flares[f];
            var day = DiaryAxis.Day(flare);
            var firstDay = day / stratumDays * stratumDays;
            times[count++] = flare;
            for (var other = firstDay; other < firstDay + stratumDays; other++)
            {
                if (other != day)
                {
                    times[count++] = flare + ((other - day) * 24.0);
                }
            }
            _candidateStarts[f + 1] = count;
        }
        // Every flare-up has exactly one candidate per day of its block, so count fills the array.
        _candidates = times;
        var keys = times.AsSpan(0, count).ToArray();
        var at = new int[count];
        for (var i = 0; i < count; i++)
        {
            at[i] = i;
        }
        Array.Sort(keys, at);
        _place = new int[count];
        var unique = 0;
        for (var i = 0; i < count; i++)
        {
            if (i == 0 || keys[i] != keys[unique - 1])
            {
                keys[unique++] = keys[i];
            }
            _place[at[i]] = unique - 1;
        }
        _sorted = keys;
        _unique = unique;
        _exposed = new bool[unique];
        _member = new int[count];
        _starts = new int[flares.Length + 1];
        Window = null!;
    }

    public TriggerRules.Window Window { get; private set; }

    public int Count { get; private set; }

    /// <summary>Flare-ups left out because a day the window touches has nothing logged.</summary>
    public int LeftOutForGaps { get; private set; }

    /// <summary>Flare-ups left out because no other day of their block could be compared with them.</summary>
    public int LeftOutNoComparison { get; private set; }

    /// <summary>Makes the sets for <paramref name="window"/>, replacing the last window's.</summary>
    public void Use(TriggerRules.Window window)
    {
        Window = window;
        Count = 0;
        LeftOutForGaps = 0;
        LeftOutNoComparison = 0;
        var used = 0;
        for (var f = 0; f + 1 < _candidateStarts.Length; f++)
        {
            var from = _candidateStarts[f];
            if (!Observed(_candidates[from]))
            {
                LeftOutForGaps++;
                continue;
            }
            var before = used;
            _member[used++] = _place[from];
            for (var i = from + 1; i < _candidateStarts[f + 1]; i++)
            {
                if (Observed(_candidates[i]))
                {
                    _member[used++] = _place[i];
                }
            }
            if (used - before < 2)
            {
                // A flare-up with no comparison day says nothing.
                used = before;
                LeftOutNoComparison++;
                continue;
            }
            _starts[++Count] = used;
        }
    }

    /// <summary>
    /// Every counted flare-up for one exposure, the informative ones and the rest: how many followed the exposure, how
    /// many would have by chance (its share of each set's times), and how many sets had it at every time.
    /// </summary>
    public readonly record struct Tally(int Informative, int CasesAfter, double ByChance, int AllExposed);

    private bool Observed(double time) =>
        _axis.AllLogged(DiaryAxis.Day(time - Window.EndHours), DiaryAxis.Day(time));

    /// <summary>
    /// Fills <paramref name="sets"/> with the informative sets (some members exposed, some not) for an exposure whose
    /// sorted end times are <paramref name="ends"/>, and returns how many there are with the counts over every set.
    /// </summary>
    public Tally Evaluate(ReadOnlySpan<double> ends, Span<ExactConditional.MatchedSet> sets)
    {
        MarkExposed(ends);
        // Unchecked reads: every member index is below _starts[Count], within _member, and every place is below
        // _unique, within _exposed (both made in the constructor and Use). This loop is most of a tally's time.
        ref var exposedAt = ref MemoryMarshal.GetArrayDataReference(_exposed);
        ref var member = ref MemoryMarshal.GetArrayDataReference(_member);
        var count = 0;
        var casesAfter = 0;
        var byChance = 0.0;
        var allExposed = 0;
        var from = 0;
        for (var s = 0; s < Count; s++)
        {
            // The starts run from _starts[1] (_starts[0] is always 0): one read per set, members from..to.
            var to = _starts[s + 1];
            var caseExposed = Unsafe.Add(ref exposedAt, Unsafe.Add(ref member, from));
            var exposed = caseExposed ? 1 : 0;
            for (var i = from + 1; i < to; i++)
            {
                exposed += Unsafe.Add(ref exposedAt, Unsafe.Add(ref member, i)) ? 1 : 0;
            }
            var size = to - from;
            from = to;
            casesAfter += caseExposed ? 1 : 0;
            byChance += exposed / (double)size;
            allExposed += exposed == size ? 1 : 0;
            if (exposed > 0 && exposed < size)
            {
                sets[count++] = new ExactConditional.MatchedSet(exposed, size - exposed, caseExposed);
            }
        }
        return new Tally(count, casesAfter, byChance, allExposed);
    }

    /// <summary>
    /// <see cref="Exposed"/> for every candidate time at once: both window edges move forward with the time, so one
    /// pointer into the ends walks forward instead of a search per time. The same comparisons decide, so the same answers.
    /// </summary>
    private void MarkExposed(ReadOnlySpan<double> ends)
    {
        var lo = 0;
        var sorted = _sorted.AsSpan(0, _unique);
        var exposed = _exposed;
        double endHours = Window.EndHours, startHours = Window.StartHours;
        for (var j = 0; j < sorted.Length; j++)
        {
            var time = sorted[j];
            var earliest = time - endHours;
            var latest = time - startHours;
            while (lo < ends.Length && ends[lo] <= earliest)
            {
                lo++;
            }
            exposed[j] = lo < ends.Length && ends[lo] <= latest;
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
