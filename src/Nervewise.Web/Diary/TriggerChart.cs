using System.Globalization;
using System.Net;
using System.Text;
using Nervewise.Domain.Triggers;

namespace Nervewise.Web.Diary;

/// <summary>
/// Server-rendered SVG: for one exposure, how much more likely a flare-up was in each delay window, with its 95 %
/// interval, on a doubling scale from a quarter to 16 times. Filled dots are findings that passed the false
/// discovery control; hollow ones did not.
/// </summary>
public static class TriggerChart
{
    private const int Width = 340;
    private const int Height = 190;
    private const int Left = 34;
    private const int Right = 10;
    private const int Top = 10;
    private const int Bottom = 36;
    private const double Lowest = 0.25;
    private const double Highest = 16;

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
        foreach (var tick in new[] { 0.25, 0.5, 1, 2, 4, 8, 16 })
        {
            var y = Y(tick);
            var line = tick == 1 ? "stroke=\"#4a5c62\" stroke-width=\"1.5\"" : "stroke=\"#d5dfe0\"";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" {line} />");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 4}\" y=\"{y + 3.5:0.#}\" text-anchor=\"end\" font-size=\"10\" fill=\"#4a5c62\">{Times(tick)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Width - Right}\" y=\"{Y(1) - 4:0.#}\" text-anchor=\"end\" font-size=\"10\" fill=\"#4a5c62\">no difference</text>");
        for (var i = 0; i < count; i++)
        {
            var window = exposure.Windows[i];
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{X(i):0.#}\" y=\"{Height - 20}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1b2a2f\">{WebUtility.HtmlEncode(window.Label)}</text>");
            if (exposure.ByWindow[i] is not { } finding)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{X(i):0.#}\" y=\"{Y(1) + 14:0.#}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#4a5c62\">too few</text>");
                continue;
            }
            var high = finding.CiHigh ?? double.PositiveInfinity;
            var colour = finding.Significant ? "#a1261b" : "#0f5b66";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{X(i):0.#}\" x2=\"{X(i):0.#}\" y1=\"{Y(finding.CiLow):0.#}\" y2=\"{Y(high):0.#}\" stroke=\"{colour}\" stroke-width=\"2\" />");
            if (high > Highest)
            {
                // The interval runs off the top: an arrow says it goes on.
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{X(i) - 4:0.#},{Top + 6} l4,-6 l4,6\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" />");
            }
            var fill = finding.Significant ? colour : "#ffffff";
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(finding.Effect):0.#}\" r=\"5\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2\"><title>{WebUtility.HtmlEncode(Detail(finding))}</title></circle>");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 4}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#4a5c62\">hours after it ended</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>"about 3 times (1.4 to 6.5)", for titles and the table beside the chart.</summary>
    public static string Detail(TriggerFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var high = finding.CiHigh is { } h ? Number(h) : "no upper limit";
        return $"{Number(finding.Effect)} times as likely (95 % interval {Number(finding.CiLow)} to {high}); {finding.FlaresAfter} of {finding.FlaresCompared} flare-ups came after it, about {finding.ExpectedByChance:0.#} by chance";
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
        _ => $"{tick:0}×",
    };

    private static string Describe(LeadingExposure exposure)
    {
        var best = exposure.ByWindow.Where(f => f is not null).OrderBy(f => f!.Q).ThenBy(f => f!.P).FirstOrDefault();
        return best is null ? "" : best.Summary;
    }
}
