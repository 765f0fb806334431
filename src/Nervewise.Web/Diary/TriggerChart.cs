using System.Globalization;
using System.Net;
using System.Text;
using Nervewise.Domain.Triggers;

namespace Nervewise.Web.Diary;

/// <summary>
/// Server-rendered SVG: for one exposure, how much more likely a flare-up was in each delay window, with its 95 %
/// interval, on a doubling scale from a quarter to 32 times. Filled dots are findings that passed the false
/// discovery control; hollow ones did not. Every mark stays inside the picture: values beyond the scale sit at its
/// edge with an arrow, and no text is drawn where a dot or a line can be (the "no difference" words are in the
/// paragraph above the chart, not on the line).
/// </summary>
public static class TriggerChart
{
    private const int Width = 340;
    private const int Height = 204;
    private const int Left = 34;
    private const int Right = 10;
    private const int Top = 18;
    private const int Bottom = 44;
    private const double Lowest = 0.25;
    private const double Highest = 32;
    private const int Dot = 5;

    /// <summary>About how wide a label of this many characters is at this font size (sans-serif, average glyph).</summary>
    public static double TextWidth(string text, double fontSize) => (text ?? "").Length * fontSize * 0.6;

    private const double LabelSize = 11;

    public static string ByWindow(LeadingExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var count = exposure.Windows.Count;
        double X(int i) => Left + (plotWidth * (i + 0.5) / count);
        double Y(double ratio)
        {
            var clamped = Math.Clamp(ratio, Lowest, Highest);
            return Top + (plotHeight * (1 - ((Math.Log2(clamped) - Math.Log2(Lowest)) / (Math.Log2(Highest) - Math.Log2(Lowest)))));
        }

        var svg = new StringBuilder();
        var label = $"{TriggerView.Capitalised(exposure.Words)}: how much more likely a flare-up was, by hours after it. {Describe(exposure)}";
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"trigger-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\">");
        foreach (var tick in new[] { 0.25, 0.5, 1, 2, 4, 8, 16, 32 })
        {
            var y = Y(tick);
            var line = tick == 1 ? "stroke=\"#4a5c62\" stroke-width=\"1.5\"" : "stroke=\"#d5dfe0\"";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" {line} />");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 4}\" y=\"{y + 3.5:0.#}\" text-anchor=\"end\" font-size=\"10\" fill=\"#4a5c62\">{Times(tick)}</text>");
        }
        var dots = new StringBuilder();
        var columnWidth = plotWidth / (double)count;
        for (var i = 0; i < count; i++)
        {
            var window = exposure.Windows[i];
            svg.Append(AxisLabel(window.Label, X(i), Height - 26, columnWidth));
            if (exposure.ByWindow[i] is not { } finding)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{X(i):0.#}\" y=\"{Y(1) + 14:0.#}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#4a5c62\">too few</text>");
                continue;
            }
            var high = finding.CiHigh ?? double.PositiveInfinity;
            var colour = finding.Significant ? "#a1261b" : "#0f5b66";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{X(i):0.#}\" x2=\"{X(i):0.#}\" y1=\"{Y(finding.CiLow):0.#}\" y2=\"{(high > Highest ? Top - 4 : Y(high)):0.#}\" stroke=\"{colour}\" stroke-width=\"2\" />");
            if (high > Highest)
            {
                // The interval runs off the top: an arrow above the scale says it goes on.
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{X(i) - 4:0.#},{Top - 4} l4,-6 l4,6\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" />");
            }
            var fill = finding.Significant ? colour : "#ffffff";
            // Dots go on last, above every line, and never closer to an edge than their own size.
            var cy = Math.Clamp(Y(finding.Effect), Top, Top + plotHeight);
            dots.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{X(i):0.#}\" cy=\"{cy:0.#}\" r=\"{Dot}\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2\"><title>{WebUtility.HtmlEncode(Detail(finding))}</title></circle>");
        }
        svg.Append(dots);
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 4}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#4a5c62\">hours after it ended</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// "about 3 times as likely (somewhere between 1.4 and 6.5); 12 of 19 flare-ups came after it, about 6 by chance",
    /// for dot titles and the table read out with the chart: the same counts as the "How sure is this?" fold.
    /// </summary>
    public static string Detail(TriggerFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var rules = TriggerRules.Current;
        var size = finding.CiHigh is { } h
            ? $"{TriggerWording.Effect(finding.Effect, rules)} (somewhere between {Number(finding.CiLow)} and {Number(h)})"
            : $"{rules.Wording.OpenEnded}, at least {Number(finding.CiLow)} times";
        return $"{size}; {finding.Counts.After} of {finding.Counts.Counted} flare-ups came after it, about {finding.Counts.ByChance:0} by chance";
    }

    /// <summary>A label under its column, split onto two lines at a space when one line would reach the next column.</summary>
    private static string AxisLabel(string label, double x, double y, double columnWidth)
    {
        var encoded = WebUtility.HtmlEncode(label);
        var space = label.LastIndexOf(' ');
        if (TextWidth(label, LabelSize) <= columnWidth - 6 || space < 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"middle\" font-size=\"{LabelSize}\" fill=\"#1b2a2f\">{encoded}</text>");
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y - 6:0.#}\" text-anchor=\"middle\" font-size=\"{LabelSize}\" fill=\"#1b2a2f\"><tspan x=\"{x:0.#}\">{WebUtility.HtmlEncode(label[..space])}</tspan><tspan x=\"{x:0.#}\" dy=\"12\">{WebUtility.HtmlEncode(label[(space + 1)..])}</tspan></text>");
    }

    public static string Number(double value) => value switch
    {
        >= 10 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 0.1 => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static string Times(double tick) => tick switch
    {
        0.25 => "¼×",
        0.5 => "½×",
        _ => string.Create(CultureInfo.InvariantCulture, $"{tick:0}×"),
    };

    private static string Describe(LeadingExposure exposure)
    {
        var best = TriggerReport.Best(exposure.ByWindow);
        return best is null ? "" : best.Summary;
    }
}
