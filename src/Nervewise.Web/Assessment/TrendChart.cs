using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Nervewise.Domain.Assessment;

namespace Nervewise.Web.Assessment;

/// <summary>
/// How likely each source looked at each assessment, as a small server-rendered SVG line chart. Lines differ
/// in dash as well as colour, so the chart reads without colour and in print.
/// </summary>
public static class TrendChart
{
    private const int Width = 320;
    private const int Height = 160;
    private const int Left = 34;
    private const int Right = 10;
    private const int Top = 10;
    private const int Bottom = 24;

    /// <summary>One assessment; <paramref name="TakenAt"/> already in the reader's zone, since labels show its own date.</summary>
    public sealed record Point(DateTimeOffset TakenAt, AssessmentDocument Result);

    public static readonly IReadOnlyList<(Source Source, string Colour, string Dash)> Lines =
    [
        (Source.Nerve, "#0f5b66", ""),
        (Source.Muscle, "#a1261b", "6 4"),
        (Source.Tendon, "#6b4fa0", "2 3"),
    ];

    public static string Render(IReadOnlyList<Point> points)
    {
        var svg = new StringBuilder();
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => points.Count == 1 ? Left + (plotWidth / 2.0) : Left + (plotWidth * i / (double)(points.Count - 1));
        double Y(double likelihood) => Top + (plotHeight * (1 - likelihood));

        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"trend-title\">");
        svg.Append("<title id=\"trend-title\">How likely each source looked at each assessment (the table below lists each level)</title>");
        foreach (var tick in new[] { 0.0, 0.3, 0.6, 1.0 })
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d5dfe0\" stroke-width=\"1\" />");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"10\" fill=\"#4a5c62\">{tick:P0}</text>");
        }
        for (var i = 0; i < points.Count; i++)
        {
            if (points.Count <= 6 || i == 0 || i == points.Count - 1)
            {
                var label = HtmlEncoder.Default.Encode(points[i].TakenAt.ToString("d MMM", CultureInfo.InvariantCulture));
                // The end labels hang inwards so they are not cut off at the edges.
                var anchor = points.Count == 1 ? "middle" : i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{X(i):0.#}\" y=\"{Height - 6}\" text-anchor=\"{anchor}\" font-size=\"10\" fill=\"#4a5c62\">{label}</text>");
            }
        }
        foreach (var (source, colour, dash) in Lines)
        {
            var name = Names.Of(source);
            var coordinates = points.Select((p, i) =>
                FormattableString.Invariant($"{X(i):0.#},{Y(p.Result.Sources.Single(s => s.Source == name).Likelihood):0.#}")).ToList();
            var dashAttribute = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
            svg.Append(CultureInfo.InvariantCulture,
                $"<polyline points=\"{string.Join(' ', coordinates)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{dashAttribute} />");
            foreach (var c in coordinates)
            {
                var xy = c.Split(',');
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3\" fill=\"{colour}\" />");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
