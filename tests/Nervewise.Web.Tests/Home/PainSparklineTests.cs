using System.Globalization;
using System.Net;
using System.Text;
using Nervewise.Domain.Diary;
using Nervewise.Web.Home;

namespace Nervewise.Web.Tests.Home;

/// <summary>
/// Today's pain line is written straight into the response (issue 19). It must draw exactly what the first version
/// drew: that version is kept here, and both draw the same diaries to the byte.
/// </summary>
public sealed class PainSparklineTests
{
    public static TheoryData<int, int> Diaries() => new() { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 9 }, { 14, 3 }, { 28, 4 }, { 28, 5 }, { 28, 6 }, { 84, 7 }, { 365, 8 } };

    [Theory]
    [MemberData(nameof(Diaries))]
    public void The_line_is_what_the_first_version_drew(int count, int seed)
    {
        var days = Days(count, seed);

        Assert.Equal(FirstVersion.Render(days), PainSparkline.Render(days));
    }

    private static Timeline.Day[] Days(int count, int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(2025, 12, 30);
        return [.. Enumerable.Range(0, count).Select(i => random.Next(4) == 0
            ? new Timeline.Day(first.AddDays(i), null, null, random.Next(3) == 0 ? 1 : 0)
            : new Timeline.Day(first.AddDays(i), random.Next(3) == 0 ? random.Next(-500, 12001) / 1000m : random.Next(0, 11),
                random.Next(5) == 0 ? null : random.Next(0, 6), random.Next(8) == 0 ? random.Next(1, 4) : 0))];
    }

    /// <summary>The line as first written, word for word.</summary>
    private static class FirstVersion
    {
        private const int Width = 320;
        private const int Height = 64;
        private const int Top = 12;
        private const int Bottom = 4;

        public static string Render(Timeline.Day[] days)
        {
            var plot = Height - Top - Bottom;
            double X(int i) => days.Length <= 1 ? Width / 2.0 : 4 + ((Width - 8) * i / (double)(days.Length - 1));
            double Y(decimal pain) => Top + (plot * (1 - ((double)Math.Clamp(pain, 0, 10) / 10)));
    
            var svg = new StringBuilder();
            svg.Append(CultureInfo.InvariantCulture,
                $"<svg class=\"pain-spark\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(PainSparkline.Describe(days))}\">");
            // Faint lines at 0, 5 and 10 give the scale without labels.
            foreach (var level in new[] { 0m, 5m, 10m })
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<line x1=\"0\" x2=\"{Width}\" y1=\"{Y(level):0.#}\" y2=\"{Y(level):0.#}\" stroke=\"#d5dfe0\" stroke-width=\"1\" />");
            }
            var segment = new List<string>();
            void Flush()
            {
                if (segment.Count > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', segment)}\" fill=\"none\" stroke=\"#0f5b66\" stroke-width=\"2.5\" />");
                }
                else if (segment.Count == 1)
                {
                    var xy = segment[0].Split(',');
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"2.5\" fill=\"#0f5b66\" />");
                }
                segment.Clear();
            }
            for (var i = 0; i < days.Length; i++)
            {
                if (days[i].WorstPain is { } pain)
                {
                    segment.Add(FormattableString.Invariant($"{X(i):0.#},{Y(pain):0.#}"));
                }
                else
                {
                    Flush();
                }
            }
            Flush();
            for (var i = 0; i < days.Length; i++)
            {
                if (days[i].Flares > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{X(i) - 4:0.#},1 h8 l-4,7 z\" fill=\"#a1261b\" />");
                }
            }
            svg.Append("</svg>");
            return svg.ToString();
        }
    }
}
