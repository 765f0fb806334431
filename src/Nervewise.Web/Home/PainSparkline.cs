using System.Globalization;
using System.Net;
using System.Text;
using Nervewise.Domain.Diary;

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
        var plot = Height - Top - Bottom;
        double X(int i) => days.Count <= 1 ? Width / 2.0 : 4 + ((Width - 8) * i / (double)(days.Count - 1));
        double Y(decimal pain) => Top + (plot * (1 - ((double)Math.Clamp(pain, 0, 10) / 10)));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"pain-spark\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(Describe(days))}\">");
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
        for (var i = 0; i < days.Count; i++)
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
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].Flares > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{X(i) - 4:0.#},1 h8 l-4,7 z\" fill=\"#a1261b\" />");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
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
