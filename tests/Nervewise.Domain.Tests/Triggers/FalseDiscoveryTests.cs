using Nervewise.Domain.Triggers;

namespace Nervewise.Domain.Tests.Triggers;

public class FalseDiscoveryTests
{
    [Fact]
    public void Benjamini_hochberg_q_values_match_the_hand_worked_ones()
    {
        // Sorted: 0.01 (rank 1), 0.03 (2), 0.04 (3), 0.5 (4); m·p/rank = 0.04, 0.06, 0.0533, 0.5;
        // then the running minimum from the top: 0.04, 0.0533, 0.0533, 0.5.
        var q = FalseDiscovery.QValues([0.01, 0.04, 0.03, 0.5]);

        Assert.Equal([0.04, 0.16 / 3, 0.16 / 3, 0.5], q, new Tolerance(1e-12));
    }

    [Fact]
    public void Benjamini_yekutieli_multiplies_by_the_harmonic_sum()
    {
        var bh = FalseDiscovery.QValues([0.001, 0.02, 0.5]);
        var by = FalseDiscovery.QValues([0.001, 0.02, 0.5], yekutieli: true);

        // 1 + 1/2 + 1/3 = 11/6.
        Assert.Equal(bh.Select(q => Math.Min(1, q * 11 / 6)), by, new Tolerance(1e-12));
    }

    [Fact]
    public void Q_values_never_fall_below_p_nor_rise_above_one()
    {
        double[] p = [0.9, 0.2, 0.0001, 0.7, 0.049];
        var q = FalseDiscovery.QValues(p);

        Assert.All(p.Zip(q), pair => Assert.InRange(pair.Second, pair.First, 1));
    }

    private sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= within;

        public int GetHashCode(double obj) => 0;
    }
}
