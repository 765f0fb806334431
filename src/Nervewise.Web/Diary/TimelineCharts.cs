using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
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

    private sealed record Look(int Height, double Max, int[] Ticks, string[] TickLabels, string Colour, string Opening, bool Flares)
    {
        public string CircleEnd { get; } = $"\" r=\"2.2\" fill=\"{Colour}\" />";

        public string PolylineEnd { get; } = $"\" fill=\"none\" stroke=\"{Colour}\" stroke-width=\"2\" />";
    }

    private static readonly string LineStart = string.Create(Invariant, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"");
    private static readonly string TickTextStart = string.Create(Invariant, $"\" stroke=\"#d5dfe0\" /><text x=\"{Left - 3}\" y=\"");

    private static readonly Look PainLook = new(150, 10, [0, 5, 10], ["0", "5", "10"], "#0f5b66",
        Opening(150, "Worst pain each day, 0 to 10, with flare-ups marked in red"), Flares: true);

    /// <summary>Reach drawn upside down: higher on the chart is closer to the back, which is good news.</summary>
    private static readonly Look ReachLook = new(150, 5, [0, 3, 5], ["foot", "thigh", "back"], "#6b4fa0",
        Opening(150, "How far down the leg the pain reached each day; higher is closer to the back"), Flares: false);

    public static string Pain(IReadOnlyList<Timeline.Day> days) => Text(days, PainLook);

    /// <summary>Reach drawn upside down: higher on the chart is closer to the back, which is good news.</summary>
    public static string Reach(IReadOnlyList<Timeline.Day> days) => Text(days, ReachLook);

    /// <summary>The pain chart for a page: drawn straight into the response as it is written, with no string made.</summary>
    public static IHtmlContent PainHtml(IReadOnlyList<Timeline.Day> days) => new Drawing(days, PainLook);

    /// <summary>The reach chart for a page, drawn straight into the response.</summary>
    public static IHtmlContent ReachHtml(IReadOnlyList<Timeline.Day> days) => new Drawing(days, ReachLook);

    private sealed class Drawing(IReadOnlyList<Timeline.Day> days, Look look) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Draw(writer, days, look);
    }

    private static string Opening(int height, string title) => string.Create(Invariant,
        $"<svg class=\"timeline\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");

    private static double? Value(Timeline.Day day, Look look) => look.Flares
        ? day.WorstPain is { } p ? (double)p : null
        : day.Reach is { } r ? 5 - r : null;

    // The chart as a string, for tests that compare it with the first version; pages use the drawings above.
    private static string Text(IReadOnlyList<Timeline.Day> days, Look look)
    {
        using var writer = new StringWriter(Invariant);
        Draw(writer, days, look);
        return writer.ToString();
    }

    // "d MMM" in the invariant culture, without parsing the format for each label.
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static void WriteDate(TextWriter w, DateOnly date)
    {
        SvgNumber.Write(w, date.Day);
        w.Write(' ');
        w.Write(Months[date.Month - 1]);
    }

    // Every number is written as it is formatted (no string per point), with the same "0.#" rounding and invariant
    // culture as the first version (SvgNumber), so the page is the same to the byte.
    private static void Draw(TextWriter w, IReadOnlyList<Timeline.Day> days, Look look)
    {
        var height = look.Height;
        const int plotWidth = Width - Left - Right;
        var plotHeight = height - Top - Bottom;
        var count = days.Count;
        double X(int i) => count <= 1 ? Left + (plotWidth / 2.0) : Left + (plotWidth * i / (double)(count - 1));
        double Y(double v) => Top + (plotHeight * (1 - (v / look.Max)));

        w.Write(look.Opening);
        for (var t = 0; t < look.Ticks.Length; t++)
        {
            var y = Y(look.Ticks[t]);
            w.Write(LineStart);
            SvgNumber.Write(w, y);
            w.Write("\" y2=\"");
            SvgNumber.Write(w, y);
            w.Write(TickTextStart);
            SvgNumber.Write(w, y + 3.5);
            w.Write("\" text-anchor=\"end\" font-size=\"9\" fill=\"#4a5c62\">");
            w.Write(look.TickLabels[t]);
            w.Write("</text>");
        }
        for (var i = 0; i < count; i += Math.Max(1, count / 4))
        {
            w.Write("<text x=\"");
            SvgNumber.Write(w, X(i));
            w.Write("\" y=\"");
            SvgNumber.Write(w, height - 5);
            w.Write(i == 0 ? "\" text-anchor=\"start\" font-size=\"9\" fill=\"#4a5c62\">" : "\" text-anchor=\"middle\" font-size=\"9\" fill=\"#4a5c62\">");
            WriteDate(w, days[i].Date);
            w.Write("</text>");
        }
        // Gaps stay gaps: a day with nothing logged is not a day without pain. A run of days with values is drawn as
        // one line once it ends (after its dots, as before), its points written again from the days themselves.
        var runLength = 0;
        void Flush(int end)
        {
            if (runLength > 1)
            {
                w.Write("<polyline points=\"");
                for (var j = end - runLength; j < end; j++)
                {
                    if (j > end - runLength)
                    {
                        w.Write(' ');
                    }
                    SvgNumber.Write(w, X(j));
                    w.Write(',');
                    SvgNumber.Write(w, Y(Value(days[j], look)!.Value));
                }
                w.Write(look.PolylineEnd);
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
                w.Write("<circle cx=\"");
                SvgNumber.Write(w, X(i));
                w.Write("\" cy=\"");
                SvgNumber.Write(w, Y(v));
                w.Write(look.CircleEnd);
            }
            else
            {
                Flush(i);
            }
            if (look.Flares && day.Flares > 0)
            {
                var y = value is { } p ? Y(p) : Top + 4;
                w.Write("<path d=\"M");
                SvgNumber.Write(w, X(i));
                w.Write(',');
                SvgNumber.Write(w, y - 11);
                w.Write(" l4,7 h-8 z\" fill=\"#a1261b\"><title>");
                WriteDate(w, day.Date);
                w.Write(": ");
                SvgNumber.Write(w, day.Flares);
                w.Write(" flare-up(s)</title></path>");
            }
        }
        Flush(count);
        w.Write("</svg>");
    }
}
