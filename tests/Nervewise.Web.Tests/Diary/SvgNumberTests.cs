using System.Globalization;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Tests.Diary;

/// <summary>The charts' number writer must give the framework's "0.#" text to the byte, ties and odd values included.</summary>
public sealed class SvgNumberTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(0.04)]
    [InlineData(0.05)]
    [InlineData(0.25)]
    [InlineData(12.25)]
    [InlineData(99.45)]
    [InlineData(99.44999999999999)]
    [InlineData(181)]
    [InlineData(-0.04)]
    [InlineData(-3)]
    [InlineData(-12.35)]
    [InlineData(1e6)]
    [InlineData(123456789.95)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Writes_what_the_framework_writes(double value) => AssertSame(value);

    [Fact]
    public void Every_tenth_hundredth_and_thousandth_below_a_thousand()
    {
        for (var i = 0; i <= 1_000_000; i++)
        {
            AssertSame(i / 1000.0);
            AssertSame(i / 100.0);
        }
    }

    [Fact]
    public void Chart_coordinates_for_every_span_and_value()
    {
        for (var count = 2; count <= 730; count++)
        {
            for (var i = 0; i < count; i++)
            {
                AssertSame(30 + (302 * i / (double)(count - 1)));
                AssertSame(4 + (312 * i / (double)(count - 1)));
            }
        }
        for (var v = 0; v <= 10_000; v++)
        {
            AssertSame(8 + (122 * (1 - (v / 1000.0 / 10))));
            AssertSame(8 + (122 * (1 - (v / 1000.0 / 10))) - 11);
            AssertSame(12 + (48 * (1 - (v / 1000.0 / 10))));
        }
    }

    [Fact]
    public void Random_values()
    {
        var random = new Random(19);
        for (var i = 0; i < 1_000_000; i++)
        {
            AssertSame(random.NextDouble() * 1000);
            AssertSame(Math.Round(random.NextDouble() * 1000, 2));
        }
    }

    private static void AssertSame(double value)
    {
        var expected = value.ToString("0.#", CultureInfo.InvariantCulture);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SvgNumber.Write(writer, value);
        if (writer.ToString() != expected)
        {
            Assert.Fail($"{value:R}: wrote {writer}, the framework {expected}");
        }
    }
}
