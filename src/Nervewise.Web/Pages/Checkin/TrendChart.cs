using System.Globalization;
using System.Net;
using System.Text;
using Nervewise.Documents.Time;

namespace Nervewise.Web.Pages.Checkin;

/// <summary>
/// One area's scores over the weeks shown, as a small SVG with its scale: 0, 2 and 4 up the side, the first and
/// last day along the bottom (in the reader's zone), each check-in a dot placed by its date.
/// </summary>
public static class TrendChart
{
    private const int Width = 300, Height = 96, Left = 18, Right = 8, Top = 6, Bottom = 20;

    public static string Render(IReadOnlyList<(DateTimeOffset At, int Score)> points, DateTimeOffset from, DateTimeOffset to, PersonZone zone, string label)
    {
        var span = Math.Max(1, (to - from).TotalSeconds);
        double X(DateTimeOffset at) => Left + ((Width - Left - Right) * Math.Clamp((at - from).TotalSeconds / span, 0, 1));
        double Y(int score) => Top + ((Height - Top - Bottom) * (1 - (score / 4.0)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"trend-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\">");
        foreach (var tick in new[] { 0, 2, 4 })
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" y1=\"{Y(tick):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(tick):0.#}\" stroke=\"#d5dfe0\" />" +
                $"<text x=\"{Left - 5}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5a5f\">{tick}</text>");
        }
        string Day(DateTimeOffset at) => zone.Local(at).ToString("d MMM", CultureInfo.InvariantCulture);
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left}\" y=\"{Height - 5}\" font-size=\"11\" fill=\"#4a5a5f\">{Day(from)}</text>" +
            $"<text x=\"{Width - Right}\" y=\"{Height - 5}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5a5f\">{Day(to)}</text>");
        if (points.Count > 1)
        {
            var line = string.Join(' ', points.Select(p => FormattableString.Invariant($"{X(p.At):0.#},{Y(p.Score):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{line}\" fill=\"none\" stroke=\"#0f5b66\" stroke-width=\"2\" />");
        }
        foreach (var (at, score) in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(at):0.#}\" cy=\"{Y(score):0.#}\" r=\"3.5\" fill=\"#0f5b66\" />");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
