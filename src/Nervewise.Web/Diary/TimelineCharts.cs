using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.ObjectPool;
using Nervewise.Domain.Diary;

namespace Nervewise.Web.Diary;

/// <summary>Server-rendered SVG for the timeline: pain by day with flare-ups, and how far down the leg it reached.</summary>
public static class TimelineCharts
{
    private const int Width = 340;
    private const int Left = 30;
    private const int Right = 8;
    private const int Top = 8;
    private const int Bottom = 20;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // A year of days is about 50,000 characters; builders that grew past that are let go rather than kept.
    private static readonly ObjectPool<StringBuilder> Builders =
        new DefaultObjectPoolProvider().CreateStringBuilderPool(16 * 1024, 128 * 1024);

    private sealed record Look(int Height, double Max, int[] Ticks, string[] TickLabels, string Colour, string Opening, bool Flares);

    private static readonly Look PainLook = new(150, 10, [0, 5, 10], ["0", "5", "10"], "#0f5b66",
        Opening(150, "Worst pain each day, 0 to 10, with flare-ups marked in red"), Flares: true);

    /// <summary>Reach drawn upside down: higher on the chart is closer to the back, which is good news.</summary>
    private static readonly Look ReachLook = new(150, 5, [0, 3, 5], ["foot", "thigh", "back"], "#6b4fa0",
        Opening(150, "How far down the leg the pain reached each day; higher is closer to the back"), Flares: false);

    public static string Pain(IReadOnlyList<Timeline.Day> days) => Chart(days, PainLook);

    /// <summary>Reach drawn upside down: higher on the chart is closer to the back, which is good news.</summary>
    public static string Reach(IReadOnlyList<Timeline.Day> days) => Chart(days, ReachLook);

    private static string Opening(int height, string title) => string.Create(Invariant,
        $"<svg class=\"timeline\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");

    private static double? Value(Timeline.Day day, Look look) => look.Flares
        ? day.WorstPain is { } p ? (double)p : null
        : day.Reach is { } r ? 5 - r : null;

    private static string Chart(IReadOnlyList<Timeline.Day> days, Look look)
    {
        var svg = Builders.Get();
        try
        {
            Draw(svg, days, look);
            return svg.ToString();
        }
        finally
        {
            Builders.Return(svg);
        }
    }

    // Every number is written into the builder as it is formatted (no string per point), with the same "0.#" rounding
    // and invariant culture as before, so the page is the same to the byte.
    private static void Draw(StringBuilder svg, IReadOnlyList<Timeline.Day> days, Look look)
    {
        var height = look.Height;
        const int plotWidth = Width - Left - Right;
        var plotHeight = height - Top - Bottom;
        var count = days.Count;
        double X(int i) => count <= 1 ? Left + (plotWidth / 2.0) : Left + (plotWidth * i / (double)(count - 1));
        double Y(double v) => Top + (plotHeight * (1 - (v / look.Max)));

        svg.Append(look.Opening);
        for (var t = 0; t < look.Ticks.Length; t++)
        {
            var y = Y(look.Ticks[t]);
            svg.Append(Invariant, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d5dfe0\" />");
            svg.Append(Invariant, $"<text x=\"{Left - 3}\" y=\"{y + 3.5:0.#}\" text-anchor=\"end\" font-size=\"9\" fill=\"#4a5c62\">");
            svg.Append(look.TickLabels[t]).Append("</text>");
        }
        for (var i = 0; i < count; i += Math.Max(1, count / 4))
        {
            svg.Append(Invariant,
                $"<text x=\"{X(i):0.#}\" y=\"{height - 5}\" text-anchor=\"{(i == 0 ? "start" : "middle")}\" font-size=\"9\" fill=\"#4a5c62\">{days[i].Date:d MMM}</text>");
        }
        // Gaps stay gaps: a day with nothing logged is not a day without pain. A run of days with values is drawn as
        // one line once it ends (after its dots, as before), its points written again from the days themselves.
        var runLength = 0;
        void Flush(int end)
        {
            if (runLength > 1)
            {
                svg.Append("<polyline points=\"");
                for (var j = end - runLength; j < end; j++)
                {
                    if (j > end - runLength)
                    {
                        svg.Append(' ');
                    }
                    svg.Append(Invariant, $"{X(j):0.#},{Y(Value(days[j], look)!.Value):0.#}");
                }
                svg.Append(Invariant, $"\" fill=\"none\" stroke=\"{look.Colour}\" stroke-width=\"2\" />");
            }
            runLength = 0;
        }
        for (var i = 0; i < count; i++)
        {
            var day = days[i];
            var value = Value(day, look);
            if (value is { } v)
            {
                runLength++;
                svg.Append(Invariant, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"2.2\" fill=\"{look.Colour}\" />");
            }
            else
            {
                Flush(i);
            }
            if (look.Flares && day.Flares > 0)
            {
                var y = value is { } p ? Y(p) : Top + 4;
                svg.Append(Invariant,
                    $"<path d=\"M{X(i):0.#},{y - 11:0.#} l4,7 h-8 z\" fill=\"#a1261b\"><title>{day.Date:d MMM}: {day.Flares} flare-up(s)</title></path>");
            }
        }
        Flush(count);
        svg.Append("</svg>");
    }
}
