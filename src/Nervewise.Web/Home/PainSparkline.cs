using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Home;

/// <summary>
/// The home page's small pain line: worst pain each day (0 to 10), gaps where nothing was logged, a red mark above
/// each day with a flare-up. Server-rendered SVG with presentation attributes only, so the strict CSP holds.
/// </summary>
public static class PainSparkline
{
    private const int Width = 320;
    private const int Height = 64;
    private const int Top = 12;
    private const int Bottom = 4;

    public static string Render(IReadOnlyList<Timeline.Day> days)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Draw(writer, days);
        return writer.ToString();
    }

    /// <summary>The chart for a page: drawn straight into the response as it is written, with no string made.</summary>
    public static IHtmlContent Html(IReadOnlyList<Timeline.Day> days) => new Drawing(days);

    private sealed class Drawing(IReadOnlyList<Timeline.Day> days) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Draw(writer, days);
    }

    private static readonly decimal[] Levels = [0m, 5m, 10m];

    // Numbers go through SvgNumber: the "0.#" text of the first version to the byte, without a string per point.
    private static void Draw(TextWriter w, IReadOnlyList<Timeline.Day> days)
    {
        var plot = Height - Top - Bottom;
        double X(int i) => days.Count <= 1 ? Width / 2.0 : 4 + ((Width - 8) * i / (double)(days.Count - 1));
        double Y(decimal pain) => Top + (plot * (1 - ((double)Math.Clamp(pain, 0, 10) / 10)));

        w.Write(string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"pain-spark\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(Describe(days))}\">"));
        // Faint lines at 0, 5 and 10 give the scale without labels.
        foreach (var level in Levels)
        {
            w.Write("<line x1=\"0\" x2=\"");
            SvgNumber.Write(w, Width);
            w.Write("\" y1=\"");
            SvgNumber.Write(w, Y(level));
            w.Write("\" y2=\"");
            SvgNumber.Write(w, Y(level));
            w.Write("\" stroke=\"#d5dfe0\" stroke-width=\"1\" />");
        }
        // A run of logged days is one line; a day alone is a dot.
        var run = 0;
        void Flush(int end)
        {
            if (run > 1)
            {
                w.Write("<polyline points=\"");
                for (var j = end - run; j < end; j++)
                {
                    if (j > end - run)
                    {
                        w.Write(' ');
                    }
                    SvgNumber.Write(w, X(j));
                    w.Write(',');
                    SvgNumber.Write(w, Y(days[j].WorstPain!.Value));
                }
                w.Write("\" fill=\"none\" stroke=\"#0f5b66\" stroke-width=\"2.5\" />");
            }
            else if (run == 1)
            {
                w.Write("<circle cx=\"");
                SvgNumber.Write(w, X(end - 1));
                w.Write("\" cy=\"");
                SvgNumber.Write(w, Y(days[end - 1].WorstPain!.Value));
                w.Write("\" r=\"2.5\" fill=\"#0f5b66\" />");
            }
            run = 0;
        }
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].WorstPain is not null)
            {
                run++;
            }
            else
            {
                Flush(i);
            }
        }
        Flush(days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].Flares > 0)
            {
                w.Write("<path d=\"M");
                SvgNumber.Write(w, X(i) - 4);
                w.Write(",1 h8 l-4,7 z\" fill=\"#a1261b\" />");
            }
        }
        w.Write("</svg>");
    }

    /// <summary>The chart in words, for screen readers and as its caption's base.</summary>
    public static string Describe(IReadOnlyList<Timeline.Day> days)
    {
        var logged = days.Where(d => d.WorstPain is not null).ToList();
        var flares = days.Sum(d => d.Flares);
        var flareText = flares == 1 ? "1 flare-up" : $"{flares} flare-ups";
        if (logged.Count == 0)
        {
            return $"No pain logged in the last {days.Count} days. {flareText}.";
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"Worst pain each day over the last {days.Count} days: highest {logged.Max(d => d.WorstPain):0.#}, lowest {logged.Min(d => d.WorstPain):0.#}, latest {logged[^1].WorstPain:0.#} out of 10. {flareText}, marked in red.");
    }
}
