using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace Nervewise.Documents.Charts;

/// <summary>
/// One chart: an id, a title, a sentence saying what it shows, and how to draw it. Drawn fresh each time, since a
/// ScottPlot <see cref="Plot"/> is neither small nor safe to share between requests.
/// </summary>
public sealed partial class Chart(string id, string title, string description, Action<Plot, double> draw)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    /// <summary>What the chart shows, in words: the SVG's label and the PDF figure's alternative text.</summary>
    public string Description { get; } = description;

    /// <summary>
    /// The chart as an SVG element for a page: scalable (a viewBox, no fixed size), labelled for screen readers
    /// with its description. Its text is ours (dates, area names, numbers), never anything a person typed.
    /// </summary>
    public string Svg(int width, int height)
    {
        using var plot = Plot(width);
        var xml = plot.GetSvgXml(width, height);
        var start = xml.IndexOf("<svg", StringComparison.Ordinal);
        var close = xml.IndexOf('>', start);
        var attributes = string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" class=\"chart\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(Description)}\">");
        var renamed = new Dictionary<string, string>();
        return ClipIds().Replace(attributes + xml[(close + 1)..], match =>
            renamed.TryGetValue(match.Value, out var name) ? name : renamed[match.Value] = $"{Id}-clip-{renamed.Count + 1}");
    }

    /// <summary>The chart as a one-page vector PDF of the given size in points, for PDFsharp to place as a form.</summary>
    public byte[] Pdf(double width, double height)
    {
        using var plot = Plot(width);
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output))
        {
            using var canvas = document.BeginPage((float)width, (float)height);
            plot.Render(canvas, (int)width, (int)height);
            document.EndPage();
            document.Close();
        }
        return output.ToArray();
    }

    /// <summary>The plot at a width in points (PDF) or pixels (SVG): text sized to be read on paper and at 360 px.</summary>
    /// <summary>
    /// Skia numbers its clip paths with a process-wide counter: named after the chart instead, the same summary gives
    /// the same page, and two charts on one page never share an id.
    /// </summary>
    [GeneratedRegex("cl_[0-9a-f]+")]
    private static partial Regex ClipIds();

    private Plot Plot(double width)
    {
        ChartFonts.Install();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        draw(plot, width);
        plot.Axes.Title.Label.Text = Title;
        plot.Axes.Title.Label.FontSize = 11;
        plot.Axes.Title.Label.Bold = true;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = 9;
            axis.Label.FontSize = 9;
            axis.Label.Bold = false;
        }
        plot.Legend.FontSize = 9;
        return plot;
    }
}
