using System.Globalization;
using System.Net;
using System.Text;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Tests.Diary;

/// <summary>
/// The timeline's charts were rewritten to write their numbers straight into a pooled builder (issue 19). They must
/// draw exactly what the first version drew: that version is kept here, and both draw the same diaries to the byte.
/// </summary>
public sealed class TimelineChartsTests
{
    public static TheoryData<int, int> Diaries() => new() { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 14, 3 }, { 28, 4 }, { 84, 5 }, { 84, 6 }, { 365, 7 }, { 728, 8 } };

    [Theory]
    [MemberData(nameof(Diaries))]
    public void Both_charts_are_what_the_first_version_drew(int count, int seed)
    {
        var days = Days(count, seed);

        Assert.Equal(FirstVersion.Pain(days), TimelineCharts.Pain(days));
        Assert.Equal(FirstVersion.Reach(days), TimelineCharts.Reach(days));
    }

    [Fact]
    public void A_fixed_diary_draws_these_points()
    {
        var monday = new DateOnly(2026, 11, 23);
        Timeline.Day[] days =
        [
            new(monday, 3.5m, 2, 0), new(monday.AddDays(1), 7, 4, 1), new(monday.AddDays(2), null, null, 1), new(monday.AddDays(3), 2, 0, 0),
        ];

        var pain = TimelineCharts.Pain(days);

        Assert.StartsWith("<svg class=\"timeline\" viewBox=\"0 0 340 150\" role=\"img\" aria-label=\"Worst pain each day, 0 to 10, with flare-ups marked in red\">", pain, StringComparison.Ordinal);
        Assert.Contains("<polyline points=\"30,87.3 130.7,44.6\" fill=\"none\" stroke=\"#0f5b66\" stroke-width=\"2\" />", pain, StringComparison.Ordinal);
        Assert.Contains("<path d=\"M231.3,1 l4,7 h-8 z\" fill=\"#a1261b\"><title>25 Nov: 1 flare-up(s)</title></path>", pain, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"332\" cy=\"105.6\" r=\"2.2\" fill=\"#0f5b66\" />", pain, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", pain, StringComparison.Ordinal);
    }

    private static Timeline.Day[] Days(int count, int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(2025, 12, 30);
        return [.. Enumerable.Range(0, count).Select(i => random.Next(4) == 0
            ? new Timeline.Day(first.AddDays(i), null, null, random.Next(3) == 0 ? 1 : 0)
            : new Timeline.Day(first.AddDays(i), random.Next(3) == 0 ? random.Next(0, 10001) / 1000m : random.Next(0, 11),
                random.Next(5) == 0 ? null : random.Next(0, 6), random.Next(8) == 0 ? random.Next(1, 4) : 0))];
    }

    /// <summary>The charts as first written (issue 7), word for word.</summary>
    private static class FirstVersion
    {
        private const int Width = 340;
        private const int Left = 30;
        private const int Right = 8;

        public static string Pain(IReadOnlyList<Timeline.Day> days) =>
            Chart(days, 150, 10, [0, 5, 10], v => v.ToString(CultureInfo.InvariantCulture),
                d => d.WorstPain is { } p ? (double)p : null, "#0f5b66",
                "Worst pain each day, 0 to 10, with flare-ups marked in red", flares: true);

        public static string Reach(IReadOnlyList<Timeline.Day> days) =>
            Chart(days, 150, 5, [0, 3, 5], v => (5 - v) switch { 0 => "back", 2 => "thigh", 5 => "foot", _ => "" },
                d => d.Reach is { } r ? 5 - r : null, "#6b4fa0",
                "How far down the leg the pain reached each day; higher is closer to the back", flares: false);

        private static string Chart(
            IReadOnlyList<Timeline.Day> days, int height, double max, int[] ticks, Func<int, string> tickLabel,
            Func<Timeline.Day, double?> value, string colour, string title, bool flares)
        {
            const int top = 8, bottom = 20;
            var plotWidth = Width - Left - Right;
            var plotHeight = height - top - bottom;
            double X(int i) => days.Count <= 1 ? Left + (plotWidth / 2.0) : Left + (plotWidth * i / (double)(days.Count - 1));
            double Y(double v) => top + (plotHeight * (1 - (v / max)));

            var svg = new StringBuilder();
            svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
            foreach (var tick in ticks)
            {
                var y = Y(tick);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d5dfe0\" />");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 3}\" y=\"{y + 3.5:0.#}\" text-anchor=\"end\" font-size=\"9\" fill=\"#4a5c62\">{tickLabel(tick)}</text>");
            }
            for (var i = 0; i < days.Count; i += Math.Max(1, days.Count / 4))
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{X(i):0.#}\" y=\"{height - 5}\" text-anchor=\"{(i == 0 ? "start" : "middle")}\" font-size=\"9\" fill=\"#4a5c62\">{days[i].Date:d MMM}</text>");
            }
            var segment = new List<string>();
            void Flush()
            {
                if (segment.Count > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', segment)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" />");
                }
                segment.Clear();
            }
            for (var i = 0; i < days.Count; i++)
            {
                if (value(days[i]) is { } v)
                {
                    segment.Add(FormattableString.Invariant($"{X(i):0.#},{Y(v):0.#}"));
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"2.2\" fill=\"{colour}\" />");
                }
                else
                {
                    Flush();
                }
                if (flares && days[i].Flares > 0)
                {
                    var y = value(days[i]) is { } p ? Y(p) : top + 4;
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<path d=\"M{X(i):0.#},{y - 11:0.#} l4,7 h-8 z\" fill=\"#a1261b\"><title>{days[i].Date:d MMM}: {days[i].Flares} flare-up(s)</title></path>");
                }
            }
            Flush();
            svg.Append("</svg>");
            return svg.ToString();
        }
    }
}
