using System.Globalization;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Reports;
using ScottPlot;

namespace Nervewise.Documents.Charts;

/// <summary>
/// The summary's three charts, drawn with ScottPlot: pain by week with flare-ups, how far down the leg, and the
/// check-in areas. The same plot gives SVG for the page and a vector PDF form for the PDF (ADR 20). Each chart
/// carries a sentence saying what it shows, for screen readers and for anyone who cannot see it.
/// </summary>
public static class SummaryCharts
{
    private static readonly Color Pain = Color.FromHex("#1f5f8b");
    private static readonly Color Flare = Color.FromHex("#c0392b");
    private static readonly Color Reach = Color.FromHex("#6a4c93");
    private static readonly Color Worry = Color.FromHex("#b7791f");

    /// <summary>The charts of a report that has something to draw, in the order the summary shows them.</summary>
    public static IReadOnlyList<Chart> For(AppointmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var charts = new List<Chart>();
        if (report.Weeks.Any(w => w.Worst is not null || w.Flares > 0))
        {
            charts.Add(PainByWeek(report));
        }
        if (report.Weeks.Any(w => w.Furthest is not null))
        {
            charts.Add(HowFarDown(report));
        }
        if (report.CheckinAreas.Count > 0)
        {
            charts.Add(CheckinAreas(report));
        }
        return charts;
    }

    private static Chart PainByWeek(AppointmentReport report)
    {
        var weeks = report.Weeks;
        var withPain = weeks.Select((w, i) => (w, i)).Where(x => x.w.AverageWorst is not null).ToList();
        var flares = weeks.Sum(w => w.Flares);
        var said = withPain.Count == 0
            ? $"No pain scores in these weeks; {Count(flares, "flare-up")}."
            : $"Average worst pain by week, out of 10: {Score(withPain[0].w.AverageWorst)} in the week of {Day(withPain[0].w.Monday)}, "
              + $"{Score(withPain[^1].w.AverageWorst)} in the week of {Day(withPain[^1].w.Monday)}; highest {Score(weeks.Max(w => w.Worst))}. "
              + $"{Count(flares, "flare-up")} in all.";
        return new Chart("pain", "Pain by week, with flare-ups", said, (plot, width) =>
        {
            var bars = plot.Add.Bars(
                [.. weeks.Select((_, i) => (double)i)],
                [.. weeks.Select(w => (double)w.Flares)]);
            bars.Color = Flare.WithAlpha(0.55);
            bars.LegendText = "Flare-ups (right scale)";
            bars.Axes.YAxis = plot.Axes.Right;
            foreach (var bar in bars.Bars)
            {
                bar.Size = 0.5;
                bar.LineWidth = 0;
            }
            var xs = withPain.Select(x => (double)x.i).ToArray();
            var average = plot.Add.Scatter(xs, withPain.Select(x => (double)x.w.AverageWorst!.Value).ToArray(), Pain);
            average.LegendText = "Average worst pain";
            average.LineWidth = 2;
            average.MarkerSize = 6;
            var worst = plot.Add.ScatterPoints(xs, withPain.Select(x => (double)x.w.Worst!.Value).ToArray(), Pain);
            worst.LegendText = "Worst pain";
            worst.MarkerShape = MarkerShape.OpenCircle;
            worst.MarkerSize = 6;
            // Room above 10 for the key, inside the chart; the flare-up bars stay in the lower part.
            plot.Axes.SetLimitsY(0, 13.5, plot.Axes.Left);
            plot.Axes.SetLimitsY(0, Math.Max(3, weeks.Max(w => w.Flares)) * 1.6, plot.Axes.Right);
            plot.Axes.Left.SetTicks([0, 2, 4, 6, 8, 10], ["0", "2", "4", "6", "8", "10"]);
            plot.Axes.Left.Label.Text = "Pain (0 to 10)";
            plot.Axes.Right.Label.Text = "Flare-ups";
            plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            WeekTicks(plot, weeks, width);
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Alignment.UpperCenter);
        });
    }

    private static Chart HowFarDown(AppointmentReport report)
    {
        var points = report.Weeks.Select((w, i) => (w, i)).Where(x => x.w.Furthest is not null).ToList();
        var said = $"How far down the leg the pain reached each week: the {points[0].w.Reach} in the week of {Day(points[0].w.Monday)}, "
            + $"the {points[^1].w.Reach} in the week of {Day(points[^1].w.Monday)}. Higher on the chart is nearer the back: good news.";
        return new Chart("reach", "How far down the leg", said, (plot, width) =>
        {
            var line = plot.Add.Scatter(
                points.Select(x => (double)x.i).ToArray(), points.Select(x => (double)x.w.Furthest!.Value).ToArray(), Reach);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            // Low back at the top, foot at the bottom, as on a body: a line that climbs is pain retreating.
            plot.Axes.SetLimitsY(Timeline.ReachNames.Count - 0.5, -0.5);
            plot.Axes.Left.SetTicks(
                [.. Timeline.ReachNames.Select((_, i) => (double)i)],
                [.. Timeline.ReachNames.Select(Capital)]);
            WeekTicks(plot, report.Weeks, width);
        });
    }

    private static Chart CheckinAreas(AppointmentReport report)
    {
        var areas = report.CheckinAreas;
        var top = areas.MaxBy(a => a.Average)!;
        var said = $"Check-in areas over {Count(report.Checkins, "check-in")}, on a 0 (no concern) to 4 (a big concern) scale: "
            + $"highest on average {top.Label}, {Score(top.Average)}. "
            + string.Join("; ", areas.Select(a => $"{a.Label} {Score(a.Average)}, latest {a.Latest}")) + ".";
        return new Chart("checkins", "Check-in areas", said, (plot, width) =>
        {
            // The first area at the top, as the check-in asks them.
            var positions = areas.Select((_, i) => (double)(areas.Count - 1 - i)).ToArray();
            var bars = plot.Add.Bars(positions, [.. areas.Select(a => (double)a.Average)]);
            bars.Horizontal = true;
            bars.Color = Worry.WithAlpha(0.7);
            foreach (var bar in bars.Bars)
            {
                bar.Size = 0.6;
                bar.LineWidth = 0;
            }
            var latest = plot.Add.ScatterPoints(areas.Select(a => (double)a.Latest).ToArray(), positions, Colors.Black);
            latest.MarkerShape = MarkerShape.FilledDiamond;
            latest.MarkerSize = 7;
            plot.Axes.Left.SetTicks(positions, [.. areas.Select(a => a.Label)]);
            plot.Axes.SetLimitsX(0, 4.2);
            plot.Axes.SetLimitsY(-0.6, areas.Count - 0.4);
            plot.Axes.Bottom.SetTicks([0, 1, 2, 3, 4], ["0", "1", "2", "3", "4"]);
            // The key in the axis title: a legend box would cover bars or take the room of three areas.
            plot.Axes.Bottom.Label.Text = "Bar: average, diamond: latest (0 to 4)";
        });
    }

    private static void WeekTicks(Plot plot, IReadOnlyList<AppointmentReport.Week> weeks, double width)
    {
        // A label every week when there is room (about 48 points each), fewer so that they never overlap.
        var room = Math.Max(2, (int)((width - 90) / 48));
        var every = Math.Max(1, (int)Math.Ceiling(weeks.Count / (double)room));
        var shown = weeks.Select((w, i) => (w, i)).Where(x => x.i % every == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. shown.Select(x => (double)x.i)], [.. shown.Select(x => Day(x.w.Monday))]);
        plot.Axes.SetLimitsX(-0.6, weeks.Count - 0.4);
        plot.Axes.Bottom.Label.Text = "Week of";
    }

    private static string Day(DateOnly date) => date.ToString("d MMM", CultureInfo.InvariantCulture);

    private static string Score(decimal? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "none";

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
