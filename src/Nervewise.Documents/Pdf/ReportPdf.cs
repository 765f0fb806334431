using Nervewise.Domain.Reports;
using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Nervewise.Documents.Pdf;

/// <summary>
/// The appointment report as an A4 PDF, drawn with PDFsharp and the embedded DejaVu fonts, finished by
/// <see cref="PdfFinish"/> so that it passes `qpdf --check` and its XMP metadata escapes markup.
/// </summary>
public static class ReportPdf
{
    private const double Margin = 50;

    private static readonly Lazy<bool> Fonts = new(() =>
    {
        // PDFsharp has one process-wide resolver; set it once, before any font is used.
        GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        return true;
    });

    public static byte[] Write(AppointmentReport report)
    {
        _ = Fonts.Value;
        using var document = new PdfDocument();
        // PDFsharp's own compression leaves streams unterminated: it saves them plain and PdfFinish compresses them.
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        var title = $"Nervewise summary for {report.Who}";
        document.Info.Title = title;
        document.Info.CreationDate = report.Made.UtcDateTime;
        var writer = new PageWriter(document);

        writer.Text($"Nervewise summary for {report.Who}", 16, bold: true);
        writer.Text($"Made {report.Made.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Guidance, not a diagnosis.", 9);
        if (report.Warnings is { } warnings)
        {
            // First, in the danger colour of the web card, so it cannot be read past.
            writer.Heading("Warning signs", XBrushes.DarkRed);
            writer.Text(warnings.Headline, 11, bold: true, brush: XBrushes.DarkRed);
            warnings.Reasons.Concat(warnings.Unanswered).ToList().ForEach(line => writer.Text("• " + line));
            writer.Text(warnings.LastCheck);
        }
        writer.Heading("Assessment");
        report.Assessment.ToList().ForEach(line => writer.Text("• " + line));
        writer.Heading(report.WeeksTitle);
        writer.Row(["Week of", "Average worst", "Worst", "Flare-ups", "Furthest down"], bold: true);
        foreach (var week in report.Weeks)
        {
            writer.Row([
                week.Monday.ToString("d MMM", CultureInfo.InvariantCulture),
                week.AverageWorst?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-",
                week.Worst?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-",
                week.Flares.ToString(CultureInfo.InvariantCulture),
                week.Reach.Length == 0 ? "-" : week.Reach,
            ]);
        }
        writer.Heading($"Flare-ups: {report.Flares}");
        report.RecentFlares.ToList().ForEach(line => writer.Text("• " + line));
        writer.Heading("What tends to come before flare-ups");
        report.Triggers.ToList().ForEach(line => writer.Text("• " + line));
        writer.Heading("Rehab stage");
        writer.Text(report.Stage, bold: true);
        report.StageNotes.ToList().ForEach(line => writer.Text("• " + line));
        writer.Dispose();

        using var output = new MemoryStream();
        document.Save(output, false);
        return PdfFinish.Finish(output.ToArray(), PdfFinish.Xmp(title, document.Info.Producer, report.Made));
    }

    /// <summary>Writes top to bottom, starting a new A4 page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private XGraphics? _graphics;
        private double _y;
        private double _width;

        private XGraphics Graphics
        {
            get
            {
                if (_graphics is null)
                {
                    var page = document.AddPage();
                    page.Size = PdfSharp.PageSize.A4;
                    _graphics = XGraphics.FromPdfPage(page);
                    _width = page.Width.Point - (2 * Margin);
                    _y = Margin;
                }
                return _graphics;
            }
        }

        public void Heading(string text, XBrush? brush = null)
        {
            _y += 8;
            Text(text, 12, bold: true, brush);
        }

        public void Text(string text, double size = 10, bool bold = false, XBrush? brush = null)
        {
            var font = new XFont(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var lines = Wrap(text, font);
            var height = lines * font.GetHeight() + 3;
            Room(height);
            new XTextFormatter(Graphics).DrawString(text, font, brush ?? XBrushes.Black, new XRect(Margin, _y, _width, height), XStringFormats.TopLeft);
            _y += height;
        }

        public void Row(IReadOnlyList<string> cells, bool bold = false)
        {
            var font = new XFont(EmbeddedFonts.Family, 9, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var height = font.GetHeight() + 4;
            Room(height);
            double[] widths = [0.16, 0.2, 0.12, 0.14, 0.38];
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                Graphics.DrawString(cells[i], font, XBrushes.Black, new XRect(x, _y, _width * widths[i], height), XStringFormats.TopLeft);
                x += _width * widths[i];
            }
            Graphics.DrawLine(XPens.LightGray, Margin, _y + height - 1, Margin + _width, _y + height - 1);
            _y += height;
        }

        private int Wrap(string text, XFont font)
        {
            var lines = 1;
            var current = 0.0;
            var space = Graphics.MeasureString(" ", font).Width;
            foreach (var word in text.Split(' '))
            {
                var width = Graphics.MeasureString(word, font).Width;
                if (current > 0 && current + space + width > _width)
                {
                    lines++;
                    current = width;
                }
                else
                {
                    current += (current > 0 ? space : 0) + width;
                }
            }
            return lines;
        }

        private void Room(double height)
        {
            _ = Graphics;
            if (_y + height > document.Pages[^1].Height.Point - Margin)
            {
                _graphics!.Dispose();
                _graphics = null;
                _ = Graphics;
            }
        }

        public void Dispose() => _graphics?.Dispose();
    }

    private sealed class EmbeddedFonts : IFontResolver
    {
        public const string Family = "DejaVu Sans";

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "fonts/DejaVuSans-Bold.ttf" : "fonts/DejaVuSans.ttf");

        public byte[] GetFont(string faceName)
        {
            using var stream = typeof(ReportPdf).Assembly.GetManifestResourceStream(faceName)
                ?? throw new InvalidOperationException($"The font '{faceName}' is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
