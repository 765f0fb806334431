using System.Diagnostics;
using System.Globalization;
using Nervewise.Domain.Triggers;

namespace Nervewise.Benchmarks;

/// <summary>
/// The exact test alone, for comparing two builds of it on a busy machine: 200 random lists of matched sets of the
/// speed run's kind (about 33 informative sets of up to seven members), each estimated many times; the fastest time
/// of each is the least disturbed, and their sum is printed in microseconds.
/// </summary>
internal static class ExactRun
{
    public static void Print(int repeats, TextWriter output)
    {
        var random = new Random(19);
        var lists = new List<ExactConditional.MatchedSet[]>();
        for (var l = 0; l < 200; l++)
        {
            var sets = new ExactConditional.MatchedSet[random.Next(10, 56)];
            for (var s = 0; s < sets.Length; s++)
            {
                var members = random.Next(2, 8);
                var exposed = random.Next(1, members);
                sets[s] = new(exposed, members - exposed, random.NextDouble() < (exposed + 0.5) / members);
            }
            lists.Add(sets);
        }
        var scratch = new double[64];
        var fastest = new double[lists.Count];
        Array.Fill(fastest, double.MaxValue);
        var sink = 0.0;
        for (var r = 0; r < repeats; r++)
        {
            for (var l = 0; l < lists.Count; l++)
            {
                var start = Stopwatch.GetTimestamp();
                sink += ExactConditional.Estimate(lists[l], scratch).CiLow;
                fastest[l] = Math.Min(fastest[l], Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT exact_fastest_us={fastest.Sum():0.0} (sum of CI lows {sink / repeats:R})"));
    }
}
