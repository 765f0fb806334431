using Nervewise.Domain.Triggers;
using Set = Nervewise.Domain.Triggers.ExactConditional.MatchedSet;

namespace Nervewise.Domain.Tests.Triggers;

public class ExactConditionalTests
{
    private static readonly double[] Scratch = new double[64];

    // Two matched sets, worked by hand.
    //   Set A: the case and 1 referent; the case was exposed, the referent not (m1 = 1, m0 = 1).
    //   Set B: the case and 2 referents; one referent was exposed, the case not (m1 = 1, m0 = 2).
    // The chance that a set's case is an exposed member is m1·θ / (m1·θ + m0): θ/(θ+1) for A, θ/(θ+2) for B.
    private static readonly Set[] Pair = [new(1, 1, CaseExposed: true), new(1, 2, CaseExposed: false)];

    [Fact]
    public void The_conditional_estimate_matches_the_hand_worked_value()
    {
        // One exposed case (T = 1), so the conditional likelihood is highest where the expected count is 1:
        //   θ/(θ+1) + θ/(θ+2) = 1  →  θ(θ+2) + θ(θ+1) = (θ+1)(θ+2)  →  2θ² + 3θ = θ² + 3θ + 2  →  θ² = 2  →  θ = √2.
        var result = ExactConditional.Estimate(Pair, Scratch);

        Assert.Equal(Math.Sqrt(2), result.Effect, 1e-6);
        Assert.Equal(1, result.ExposedCases);
        // Expected exposed cases at θ = 1: 1/2 + 1/3.
        Assert.Equal(5.0 / 6, result.ExpectedByChance, 1e-12);
    }

    [Fact]
    public void The_exact_p_value_and_interval_match_the_hand_worked_values()
    {
        var result = ExactConditional.Estimate(Pair, Scratch);

        // P(T ≥ 1 | θ = 1) = 1 − P(no case exposed) = 1 − (1/2)(2/3) = 2/3.
        Assert.Equal(2.0 / 3, result.P, 1e-12);
        // Lower limit: P(T ≥ 1; θ) = 0.025  →  1 − (1/(θ+1))(2/(θ+2)) = 0.025  →  (θ+1)(θ+2) = 2/0.975
        //   →  θ² + 3θ + 2 − 2/0.975 = 0  →  θ = (−3 + √(9 − 4(2 − 2/0.975))) / 2.
        var low = (-3 + Math.Sqrt(9 - (4 * (2 - (2 / 0.975))))) / 2;
        Assert.Equal(low, result.CiLow, 1e-5);
        // Upper limit: P(T ≤ 1; θ) = 0.025  →  P(T = 2) = θ/(θ+1) · θ/(θ+2) = 0.975
        //   →  0.025θ² − 2.925θ − 1.95 = 0  →  θ = (2.925 + √(2.925² + 4·0.025·1.95)) / 0.05.
        var high = (2.925 + Math.Sqrt((2.925 * 2.925) + (4 * 0.025 * 1.95))) / 0.05;
        Assert.NotNull(result.CiHigh);
        Assert.Equal(high, result.CiHigh!.Value, high * 1e-5);
    }

    [Fact]
    public void Identical_sets_give_the_closed_form_which_equals_mantel_haenszel()
    {
        // Four sets of 4 members, 2 exposed in each (p = θ/(θ+1)); 3 of the 4 cases exposed.
        // CMLE: 4θ/(θ+1) = 3 → θ = 3. Mantel–Haenszel for matched sets: Σ(case exposed · unexposed referents / N)
        // over Σ(case unexposed · exposed referents / N) = (3 · 2/4) / (1 · 2/4) = 3.
        Set[] sets = [new(2, 2, true), new(2, 2, true), new(2, 2, true), new(2, 2, false)];

        var result = ExactConditional.Estimate(sets, Scratch);

        Assert.Equal(3, result.Effect, 1e-6);
        Assert.Equal(MantelHaenszel(sets), result.Effect, 1e-6);
    }

    [Fact]
    public void When_every_case_was_exposed_the_estimate_is_median_unbiased_and_the_interval_open_above()
    {
        // Both cases exposed, each in a set of 2 with one exposed. The median-unbiased estimate solves
        //   P(T = 2; θ) = (θ/(θ+1))² = 1/2  →  θ/(θ+1) = √0.5  →  θ = √0.5 / (1 − √0.5) = √2 + 1 ≈ 2.414.
        Set[] sets = [new(1, 1, true), new(1, 1, true)];

        var result = ExactConditional.Estimate(sets, Scratch);

        Assert.Equal(Math.Sqrt(0.5) / (1 - Math.Sqrt(0.5)), result.Effect, 1e-5);
        Assert.Null(result.CiHigh);
        Assert.Equal(0.25, result.P, 1e-12);
        Assert.Equal(0.25, result.MinimumP, 1e-12);
    }

    [Fact]
    public void The_tails_agree_with_counting_every_outcome()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var sets = Enumerable.Range(0, 1 + random.Next(9))
                .Select(_ => new Set(1 + random.Next(5), 1 + random.Next(20), random.Next(2) == 0)).ToArray();
            var theta = Math.Exp((random.NextDouble() * 4) - 2);
            var exact = BruteForce(sets, theta);
            for (var t = 0; t <= sets.Length; t++)
            {
                Assert.Equal(exact.Skip(t).Sum(), ExactConditional.UpperTail(sets, theta, t, Scratch), 1e-12);
                Assert.Equal(exact.Take(t + 1).Sum(), ExactConditional.LowerTail(sets, theta, t, Scratch), 1e-12);
            }
        }
    }

    [Fact]
    public void Under_no_effect_the_p_value_is_never_below_its_level_more_often_than_the_level()
    {
        // Validity of the exact test: draw the cases from the null itself, many times.
        var random = new Random(11);
        var sets = Enumerable.Range(0, 30).Select(_ => new Set(1 + random.Next(8), 2 + random.Next(20), false)).ToArray();
        var rejections = 0;
        const int trials = 4000;
        for (var trial = 0; trial < trials; trial++)
        {
            var drawn = sets.Select(s => s with { CaseExposed = random.NextDouble() < s.Chance(1) }).ToArray();
            rejections += ExactConditional.PValue(drawn, Scratch) <= 0.05 ? 1 : 0;
        }
        Assert.InRange(rejections / (double)trials, 0.0, 0.05);
    }

    [Fact]
    public void The_tails_are_the_same_to_the_bit_as_one_set_at_a_time()
    {
        // The tail updates several counts and sets at once; every count must still get the same products and sums.
        var random = new Random(5);
        for (var length = 1; length <= 40; length++)
        {
            var sets = new Set[length];
            for (var s = 0; s < length; s++)
            {
                var members = random.Next(2, 9);
                var exposed = random.Next(1, members);
                sets[s] = new Set(exposed, members - exposed, random.Next(2) == 0);
            }
            foreach (var theta in new[] { Math.Exp(-25), 0.3, 1, 2.5, Math.Exp(25) })
            {
                for (var t = 0; t <= length; t++)
                {
                    Assert.Equal(OneAtATime(sets, theta, length - t, complement: true), ExactConditional.UpperTail(sets, theta, t, Scratch));
                    Assert.Equal(OneAtATime(sets, theta, t, complement: false), ExactConditional.LowerTail(sets, theta, t, Scratch));
                }
            }
        }
    }

    /// <summary>P(count ≤ limit) one set and one count at a time, as the tail was first written.</summary>
    private static double OneAtATime(Set[] sets, double theta, int limit, bool complement)
    {
        if (limit < 0 || limit >= sets.Length)
        {
            return limit < 0 ? 0 : 1;
        }
        var dist = new double[limit + 1];
        dist[0] = 1;
        var top = 0;
        foreach (var set in sets)
        {
            var weighted = set.Exposed * theta;
            var chance = weighted / (weighted + set.Unexposed);
            var q = complement ? 1 - chance : chance;
            var stay = 1 - q;
            if (top < limit)
            {
                top++;
                dist[top] = 0;
            }
            for (var k = top; k > 0; k--)
            {
                dist[k] = (dist[k] * stay) + (dist[k - 1] * q);
            }
            dist[0] *= stay;
        }
        var sum = 0.0;
        foreach (var d in dist.AsSpan(0, top + 1))
        {
            sum += d;
        }
        return Math.Min(1, sum);
    }

    /// <summary>Mantel–Haenszel odds ratio for 1:M matched sets (Rothman, Modern Epidemiology), the closed form.</summary>
    private static double MantelHaenszel(IEnumerable<Set> sets)
    {
        double top = 0, bottom = 0;
        foreach (var s in sets)
        {
            var n = s.Exposed + s.Unexposed;
            if (s.CaseExposed)
            {
                top += s.Unexposed / (double)n;
            }
            else
            {
                bottom += s.Exposed / (double)n;
            }
        }
        return top / bottom;
    }

    /// <summary>P(T = t) for t = 0..n by adding up every one of the 2^n outcomes.</summary>
    private static double[] BruteForce(Set[] sets, double theta)
    {
        var probability = new double[sets.Length + 1];
        for (var mask = 0; mask < 1 << sets.Length; mask++)
        {
            var p = 1.0;
            var count = 0;
            for (var i = 0; i < sets.Length; i++)
            {
                var exposed = (mask & (1 << i)) != 0;
                var chance = sets[i].Chance(theta);
                p *= exposed ? chance : 1 - chance;
                count += exposed ? 1 : 0;
            }
            probability[count] += p;
        }
        return probability;
    }
}
