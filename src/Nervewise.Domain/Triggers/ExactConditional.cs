using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nervewise.Domain.Triggers;

/// <summary>
/// Exact conditional inference for a binary exposure in matched sets with one case each (conditional logistic
/// regression). In a set of M members of whom m1 were exposed, the chance that the case is an exposed one is
/// m1·θ / (m1·θ + m0), where θ is the odds ratio. Given the sets, the number of exposed cases T is a sum of
/// independent Bernoulli variables (a Poisson-binomial), which gives exact p-values and intervals.
/// </summary>
public static class ExactConditional
{
    /// <summary>One informative set: how many members were exposed and unexposed (the case included), and whether the case was.</summary>
    public readonly record struct MatchedSet(int Exposed, int Unexposed, bool CaseExposed)
    {
        public double Chance(double oddsRatio) => Exposed * oddsRatio / ((Exposed * oddsRatio) + Unexposed);
    }

    public sealed record Result(double Effect, double CiLow, double? CiHigh, double P, double MinimumP, int Sets, int ExposedCases, double ExpectedByChance);

    private const double LogLimit = 25;

    /// <summary>Zeros below count 0 in <see cref="Tail"/>'s scratch: one block of four, and three sets per pass read three places down.</summary>
    private const int Pad = 4;

    /// <summary>One-sided p-value for an increase (θ > 1): P(T ≥ observed) when θ = 1.</summary>
    public static double PValue(ReadOnlySpan<MatchedSet> sets, Span<double> scratch)
    {
        var observed = Observed(sets);
        return UpperTail(sets, 1, observed, scratch);
    }

    /// <summary>The smallest p-value these sets could ever give: every case exposed. Depends on the sets only, never on the flare-ups.</summary>
    public static double MinimumP(ReadOnlySpan<MatchedSet> sets)
    {
        var log = 0.0;
        foreach (var set in sets)
        {
            log += Math.Log(set.Chance(1));
        }
        return Math.Exp(log);
    }

    /// <summary>
    /// The conditional maximum likelihood odds ratio with its exact 95 % interval. When every case or no case was
    /// exposed that estimate is infinite or zero, so the median-unbiased estimate is given instead (Hirji 1989).
    /// An upper limit of infinity is null.
    /// </summary>
    public static Result Estimate(ReadOnlySpan<MatchedSet> sets, Span<double> scratch, double confidence = 0.95) =>
        Estimate(sets, scratch, confidence, MinimumP(sets));

    /// <summary>As above, with <see cref="MinimumP"/> of these sets already worked out (the analysis needs it first).</summary>
    internal static Result Estimate(ReadOnlySpan<MatchedSet> sets, Span<double> scratch, double confidence, double minimum)
    {
        var observed = Observed(sets);
        var n = sets.Length;
        var tail = (1 - confidence) / 2;
        var expected = 0.0;
        foreach (var set in sets)
        {
            expected += set.Chance(1);
        }
        var work = n <= 256 ? stackalloc double[3 * n] : new double[3 * n];
        var counts = new Counts(sets, work);
        var p = observed <= 0 ? 1 : Tail(counts, 1, n - observed, exposedSide: false, scratch);

        var effect = observed == n ? Solve(counts, scratch, Goal.UpperTailIs, n, 0.5)
            : observed == 0 ? Solve(counts, scratch, Goal.LowerTailIs, 0, 0.5)
            : MaximumLikelihood(counts, observed);
        var low = observed == 0 ? 0 : Solve(counts, scratch, Goal.UpperTailIs, observed, tail);
        double? high = observed == n ? null : Solve(counts, scratch, Goal.LowerTailIs, observed, tail);
        return new Result(effect, low, high, p, minimum, n, observed, expected);
    }

    /// <summary>
    /// The sets' exposed and unexposed counts as doubles side by side, and room for their chances at one odds ratio:
    /// the chances of all sets are then worked out four at a time, each as <see cref="MatchedSet.Chance"/> does it.
    /// </summary>
    private readonly ref struct Counts
    {
        private readonly Span<double> _exposed;
        private readonly Span<double> _unexposed;

        public Counts(ReadOnlySpan<MatchedSet> sets, Span<double> work)
        {
            var n = sets.Length;
            _exposed = work[..n];
            _unexposed = work[n..(2 * n)];
            Chances = work[(2 * n)..(3 * n)];
            for (var i = 0; i < n; i++)
            {
                _exposed[i] = sets[i].Exposed;
                _unexposed[i] = sets[i].Unexposed;
            }
        }

        public int Length => _exposed.Length;

        public Span<double> Chances { get; }

        /// <summary>Fills <see cref="Chances"/> with each set's chance at <paramref name="oddsRatio"/> (or one minus it).</summary>
        public Span<double> Fill(double oddsRatio, bool complement)
        {
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var odds = Vector256.Create(oddsRatio);
                var one = Vector256.Create(1.0);
                for (; i + 4 <= Length; i += 4)
                {
                    var weighted = Vector256.Create<double>(_exposed[i..]) * odds;
                    var chance = weighted / (weighted + Vector256.Create<double>(_unexposed[i..]));
                    (complement ? one - chance : chance).CopyTo(Chances[i..]);
                }
            }
            for (; i < Length; i++)
            {
                var weighted = _exposed[i] * oddsRatio;
                var chance = weighted / (weighted + _unexposed[i]);
                Chances[i] = complement ? 1 - chance : chance;
            }
            return Chances;
        }
    }

    private static int Observed(ReadOnlySpan<MatchedSet> sets)
    {
        var observed = 0;
        foreach (var set in sets)
        {
            observed += set.CaseExposed ? 1 : 0;
        }
        return observed;
    }

    /// <summary>Solves Σ chance(θ) = observed by Newton's method on log θ; the sum rises with θ, so it converges.</summary>
    private static double MaximumLikelihood(Counts sets, int observed)
    {
        double lo = -LogLimit, hi = LogLimit, b = 0;
        for (var i = 0; i < 100; i++)
        {
            double sum = 0, slope = 0;
            var theta = Math.Exp(b);
            foreach (var c in sets.Fill(theta, complement: false))
            {
                sum += c;
                slope += c * (1 - c);
            }
            var f = sum - observed;
            if (Math.Abs(f) < 1e-10)
            {
                break;
            }
            if (f > 0)
            {
                hi = b;
            }
            else
            {
                lo = b;
            }
            var next = slope > 0 ? b - (f / slope) : (lo + hi) / 2;
            b = next <= lo || next >= hi ? (lo + hi) / 2 : next;
        }
        return Math.Exp(b);
    }

    private enum Goal
    {
        UpperTailIs,
        LowerTailIs,
    }

    /// <summary>Both goals as a function that rises with log θ: P(T ≥ t) rises with θ, P(T ≤ t) falls.</summary>
    private static double Rising(Counts sets, Span<double> scratch, Goal goal, int t, double target, double logOdds) =>
        goal == Goal.UpperTailIs
            ? (t <= 0 ? 1 : Tail(sets, Math.Exp(logOdds), sets.Length - t, exposedSide: false, scratch)) - target
            : target - (t >= sets.Length ? 1 : Tail(sets, Math.Exp(logOdds), t, exposedSide: true, scratch));

    /// <summary>Finds the odds ratio at which a tail probability equals the target (Illinois false position on log θ, bracketed).</summary>
    private static double Solve(Counts sets, Span<double> scratch, Goal goal, int t, double target)
    {
        double a = -LogLimit, b = LogLimit;
        double fa = Rising(sets, scratch, goal, t, target, a), fb = Rising(sets, scratch, goal, t, target, b);
        if (fa >= 0)
        {
            return Math.Exp(a);
        }
        if (fb <= 0)
        {
            return Math.Exp(b);
        }
        var side = 0;
        for (var i = 0; i < 100 && b - a > 1e-6; i++)
        {
            var c = ((a * fb) - (b * fa)) / (fb - fa);
            var fc = Rising(sets, scratch, goal, t, target, c);
            if (Math.Abs(fc) <= 1e-7 * target)
            {
                return Math.Exp(c);
            }
            if (fc < 0)
            {
                (a, fa) = (c, fc);
                if (side == -1)
                {
                    fb /= 2;
                }
                side = -1;
            }
            else
            {
                (b, fb) = (c, fc);
                if (side == 1)
                {
                    fa /= 2;
                }
                side = 1;
            }
        }
        return Math.Exp((a + b) / 2);
    }

    /// <summary>P(T ≥ t) at odds ratio θ: the lower tail of the unexposed count, n − T ≤ n − t.</summary>
    public static double UpperTail(ReadOnlySpan<MatchedSet> sets, double oddsRatio, int t, Span<double> scratch) =>
        t <= 0 ? 1 : Tail(new Counts(sets, new double[3 * sets.Length]), oddsRatio, sets.Length - t, exposedSide: false, scratch);

    /// <summary>P(T ≤ t) at odds ratio θ.</summary>
    public static double LowerTail(ReadOnlySpan<MatchedSet> sets, double oddsRatio, int t, Span<double> scratch) =>
        t >= sets.Length ? 1 : Tail(new Counts(sets, new double[3 * sets.Length]), oddsRatio, t, exposedSide: true, scratch);

    /// <summary>
    /// P(count ≤ limit) for the count of exposed cases (or of unexposed ones), by dynamic programming over the
    /// sets that keeps only counts up to the limit: O(n · limit) time, limit + 8 doubles of scratch. This is where the
    /// analysis spends its time, so the update runs four counts at once; each count gets exactly the same two
    /// products and one sum as one at a time would (no fused multiply-add), so the answers are the same to the bit.
    /// The counts sit <see cref="Pad"/> places into the scratch, above zeros: count 0 then takes the same update as
    /// the others (its stay product plus zero, which is the product itself), so every set is whole blocks of four,
    /// with no count-at-a-time remainder. A top block may run past the highest count kept; what it writes there
    /// only ever feeds places above it, and a place is zeroed before it first counts.
    /// </summary>
    private static double Tail(Counts sets, double oddsRatio, int limit, bool exposedSide, Span<double> scratch)
    {
        if (limit < 0)
        {
            return 0;
        }
        if (scratch.Length < limit + (2 * Pad))
        {
            scratch = new double[limit + (2 * Pad)];
        }
        scratch[..Pad].Clear();
        scratch[Pad] = 1;
        ref var d0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(scratch), Pad);
        // Every set's chance first, four at a time: the divisions then no longer wait on the update, nor it on them.
        var chances = sets.Fill(oddsRatio, complement: !exposedSide);
        var top = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Three sets per pass (then two, then one): a block works out the first set's counts at its own places
            // and the two below, from the counts before any of them, then the second set's at its places and one
            // below, then the third's; the same products and sums as one set after the other, fewer passes over the
            // counts. Places above the old top are zeroed first, so a set's count above its own highest works out as
            // zero times its stay plus zero times its chance: zero, as a fresh place would be.
            for (; i + 2 < chances.Length; i += 3)
            {
                double q1 = chances[i], q2 = chances[i + 1], q3 = chances[i + 2];
                var stay1 = Vector256.Create(1 - q1);
                var chance1 = Vector256.Create(q1);
                var stay2 = Vector256.Create(1 - q2);
                var chance2 = Vector256.Create(q2);
                var stay3 = Vector256.Create(1 - q3);
                var chance3 = Vector256.Create(q3);
                for (var step = 0; step < 3 && top < limit; step++)
                {
                    top++;
                    Unsafe.Add(ref d0, top) = 0;
                }
                for (var k = top & ~3; k >= 0; k -= 4)
                {
                    ref var at = ref Unsafe.Add(ref d0, k);
                    var same = Vector256.LoadUnsafe(ref at);
                    var below = Vector256.LoadUnsafe(ref Unsafe.Subtract(ref at, 1));
                    var twoBelow = Vector256.LoadUnsafe(ref Unsafe.Subtract(ref at, 2));
                    var threeBelow = Vector256.LoadUnsafe(ref Unsafe.Subtract(ref at, 3));
                    var first = (same * stay1) + (below * chance1);
                    var firstBelow = (below * stay1) + (twoBelow * chance1);
                    var firstTwoBelow = (twoBelow * stay1) + (threeBelow * chance1);
                    var second = (first * stay2) + (firstBelow * chance2);
                    var secondBelow = (firstBelow * stay2) + (firstTwoBelow * chance2);
                    ((second * stay3) + (secondBelow * chance3)).StoreUnsafe(ref at);
                }
            }
            for (; i + 1 < chances.Length; i += 2)
            {
                double q1 = chances[i], q2 = chances[i + 1];
                var stay1 = Vector256.Create(1 - q1);
                var chance1 = Vector256.Create(q1);
                var stay2 = Vector256.Create(1 - q2);
                var chance2 = Vector256.Create(q2);
                for (var step = 0; step < 2 && top < limit; step++)
                {
                    top++;
                    Unsafe.Add(ref d0, top) = 0;
                }
                // Downwards: each block reads only counts below it that are not yet updated.
                for (var k = top & ~3; k >= 0; k -= 4)
                {
                    ref var at = ref Unsafe.Add(ref d0, k);
                    var same = Vector256.LoadUnsafe(ref at);
                    var below = Vector256.LoadUnsafe(ref Unsafe.Subtract(ref at, 1));
                    var twoBelow = Vector256.LoadUnsafe(ref Unsafe.Subtract(ref at, 2));
                    var first = (same * stay1) + (below * chance1);
                    var firstBelow = (below * stay1) + (twoBelow * chance1);
                    ((first * stay2) + (firstBelow * chance2)).StoreUnsafe(ref at);
                }
            }
        }
        for (; i < chances.Length; i++)
        {
            var q = chances[i];
            var stay = 1 - q;
            if (top < limit)
            {
                top++;
                Unsafe.Add(ref d0, top) = 0;
            }
            if (Vector256.IsHardwareAccelerated)
            {
                var stays = Vector256.Create(stay);
                var qs = Vector256.Create(q);
                for (var k = top & ~3; k >= 0; k -= 4)
                {
                    ref var at = ref Unsafe.Add(ref d0, k);
                    var same = Vector256.LoadUnsafe(ref at);
                    var below = Vector256.LoadUnsafe(ref Unsafe.Subtract(ref at, 1));
                    ((same * stays) + (below * qs)).StoreUnsafe(ref at);
                }
            }
            else
            {
                for (var k = top; k >= 0; k--)
                {
                    Unsafe.Add(ref d0, k) = (Unsafe.Add(ref d0, k) * stay) + (Unsafe.Add(ref d0, k - 1) * q);
                }
            }
        }
        var sum = 0.0;
        foreach (var d in scratch.Slice(Pad, top + 1))
        {
            sum += d;
        }
        return Math.Min(1, sum);
    }
}
