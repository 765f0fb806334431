using System.Globalization;
using System.Net;
using System.Text;
using Nervewise.Domain.Diary;

namespace Nervewise.Web.Diary;

/// <summary>Server-rendered SVG for the timeline: pain by day with flare-ups, and how far down the leg it reached.</summary>
public static class TimelineCharts
{
    private const int Width = 340;
    private const int Left = 30;
    private const int Right = 8;

    public static string Pain(IReadOnlyList<Timeline.Day> days) =>
        Chart(days, 150, 10, [0, 5, 10], v => v.ToString(CultureInfo.InvariantCulture),
            d => d.WorstPain is { } p ? (double)p : null, "#0f5b66",
            "Worst pain each day, 0 to 10, with flare-ups marked in red", flares: true);

    /// <summary>Reach drawn upside down: higher on the chart is closer to the back, which is good news.</summary>
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
        // Gaps stay gaps: a day with nothing logged is not a day without pain.
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
