namespace Nervewise.Domain.Triggers;

/// <summary>Adjusted p-values (q-values) that control the false discovery rate across a family of tests.</summary>
public static class FalseDiscovery
{
    /// <summary>
    /// Benjamini–Hochberg step-up q-values: q of the i-th smallest p is the smallest m·p(j)/j over j ≥ i, capped at 1.
    /// With <paramref name="yekutieli"/> each is multiplied by 1 + 1/2 + … + 1/m, which holds under any dependence.
    /// </summary>
    public static double[] QValues(IReadOnlyList<double> pValues, bool yekutieli = false)
    {
        var m = pValues.Count;
        var q = new double[m];
        if (m == 0)
        {
            return q;
        }
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var factor = yekutieli ? Harmonic(m) : 1.0;
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, pValues[index] * m * factor / rank);
            q[index] = Math.Min(1, running);
        }
        return q;
    }

    public static double Harmonic(int m)
    {
        var sum = 0.0;
        for (var k = 1; k <= m; k++)
        {
            sum += 1.0 / k;
        }
        return sum;
    }
}
