using System.Globalization;
using System.Text;

namespace Nervewise.Web.Diary;

/// <summary>A tiny server-rendered SVG line for a series of values in a known range, oldest first.</summary>
public static class Sparkline
{
    public static string Render(IReadOnlyList<double> values, double max, string label, int width = 120, int height = 32)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"sparkline\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{height - 1}\" x2=\"{width}\" y2=\"{height - 1}\" stroke=\"#d5dfe0\" />");
        if (values.Count > 0)
        {
            double X(int i) => values.Count == 1 ? width / 2.0 : 2 + ((width - 4) * i / (double)(values.Count - 1));
            double Y(double v) => 2 + ((height - 4) * (1 - (Math.Clamp(v, 0, max) / max)));
            var points = string.Join(' ', values.Select((v, i) => FormattableString.Invariant($"{X(i):0.#},{Y(v):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"#0f5b66\" stroke-width=\"2\" />");
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{X(values.Count - 1):0.#}\" cy=\"{Y(values[^1]):0.#}\" r=\"3\" fill=\"#0f5b66\" />");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
