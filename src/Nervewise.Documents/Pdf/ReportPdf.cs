using Nervewise.Domain.Reports;
using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Nervewise.Documents.Charts;

namespace Nervewise.Documents.Pdf;

/// <summary>
/// The appointment summary as a tagged A4 PDF, two pages for twelve weeks of a busy diary: drawn with PDFsharp and the
/// embedded DejaVu fonts, its charts placed as vector forms (ADR 20), finished by <see cref="PdfFinish"/> so that it
/// passes `qpdf --check` and its XMP metadata escapes markup.
/// </summary>
public static class ReportPdf
{
    private const double Margin = 40;

    private static readonly Lazy<bool> Fonts = new(() =>
    {
        // PDFsharp has one process-wide resolver; set it once, before any font is used.
        GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        return true;
    });

    public static byte[] Write(AppointmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _ = Fonts.Value;
        using var document = new PdfDocument();
        // PDFsharp's own compression leaves streams unterminated: it saves them plain and PdfFinish compresses them.
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        var title = $"Nervewise summary for {report.Who}";
        document.Info.Title = title;
        document.Info.CreationDate = report.Made.UtcDateTime;
        // Tagged (a structure tree, a language): a screen reader reads headings, paragraphs, the table and each
        // chart's description in order; the viewer's window shows the title, not the file name.
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage("en-GB");
        document.ViewerPreferences.DisplayDocTitle = true;
        var writer = new PageWriter(document, ua.StructureBuilder);

        writer.Text(title, 15, bold: true, tag: PdfBlockLevelElementTag.Heading1);
        writer.Text($"Made {report.Made.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, covering {report.PeriodText}. Guidance, not a diagnosis.", 8.5);
        if (report.Warnings is { } warnings)
        {
            // First, in the danger colour of the web card, so it cannot be read past.
            writer.Heading("Warning signs", XBrushes.DarkRed);
            writer.Text(warnings.Headline, 10, bold: true, brush: XBrushes.DarkRed);
            writer.Bullets(warnings.Reasons.Concat(warnings.Unanswered));
            writer.Text(warnings.LastCheck);
        }
        writer.Heading("Assessment");
        writer.Bullets(report.Assessment);

        var charts = SummaryCharts.For(report);
        writer.Heading(report.WeeksTitle);
        if (charts.FirstOrDefault(c => c.Id == "pain") is { } pain)
        {
            writer.Charts([pain], 165);
        }
        writer.Row(["Week of", "Average worst", "Worst", "Flare-ups", "Furthest down"], header: true);
        foreach (var week in report.TableWeeks)
        {
            writer.Row([
                week.Monday.ToString("d MMM", CultureInfo.InvariantCulture),
                week.AverageWorst?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-",
                week.Worst?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-",
                week.Flares.ToString(CultureInfo.InvariantCulture),
                week.Reach.Length == 0 ? "-" : week.Reach,
            ]);
        }
        writer.EndTable();
        var others = charts.Where(c => c.Id != "pain").ToList();
        if (others.Count > 0)
        {
            writer.Heading(others.Count == 2 ? "How far down the leg, and the check-ins" : others[0].Title);
            writer.Charts(others, 175);
        }
        writer.Heading($"Flare-ups: {report.Flares}");
        writer.Bullets(report.RecentFlares);
        writer.Heading($"Check-ins: {report.Checkins}");
        if (report.CheckinAreas.Count > 0)
        {
            writer.Text(string.Join("; ", report.CheckinAreas.Select(a =>
                string.Create(CultureInfo.InvariantCulture, $"{a.Label} {a.Average:0.#} (latest {a.Latest})"))) + ". Scale 0 (no concern) to 4 (a big concern).");
        }
        writer.Heading("What tends to come before flare-ups");
        writer.Bullets(report.Triggers);
        writer.Heading("Rehab stage");
        writer.Text(report.Stage, bold: true);
        writer.Bullets(report.StageNotes);
        writer.Heading("Changes to the plan");
        if (report.PlanChanges.Count == 0)
        {
            writer.Text("No changes in this period.");
        }
        writer.Bullets(report.PlanChanges.Select(Dated));
        if (report.PlanChangesLeftOutText is { } changesLeftOut)
        {
            writer.Text(changesLeftOut, 8);
        }
        writer.Heading("Notes");
        if (report.Notes.Count == 0)
        {
            writer.Text("No notes in this period.");
        }
        writer.Bullets(report.Notes.Select(Dated));
        if (report.NotesLeftOutText is { } notesLeftOut)
        {
            writer.Text(notesLeftOut, 8);
        }
        writer.Dispose();

        using var output = new MemoryStream();
        document.Save(output, false);
        return PdfFinish.Finish(output.ToArray(), PdfFinish.Xmp(title, document.Info.Producer, report.Made));
    }

    private static string Dated(AppointmentReport.Dated line) =>
        $"{line.At.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, {line.Who}: {line.Text}";

    /// <summary>Writes top to bottom, tagging as it goes, starting a new A4 page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document, StructureBuilder tags) : IDisposable
    {
        private static readonly double[] Columns = [0.16, 0.2, 0.12, 0.14, 0.38];
        private XGraphics? _graphics;
        private double _y;
        private double _width;
        private bool _inTable;

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
            EndTable();
            _y += 5;
            Text(text, 11, bold: true, brush, PdfBlockLevelElementTag.Heading2, keepWith: 60);
        }

        public void Bullets(IEnumerable<string> lines)
        {
            foreach (var line in lines)
            {
                Text("• " + line, tag: PdfBlockLevelElementTag.Paragraph);
            }
        }

        public void Text(string text, double size = 9, bool bold = false, XBrush? brush = null,
            PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph, double keepWith = 0)
        {
            EndTable();
            var font = new XFont(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var lines = Wrap(text, font);
            var height = lines * font.GetHeight() + 2;
            Room(height + keepWith);
            tags.BeginElement(tag);
            new XTextFormatter(Graphics).DrawString(text, font, brush ?? XBrushes.Black, new XRect(Margin, _y, _width, height), XStringFormats.TopLeft);
            tags.End();
            _y += height;
        }

        /// <summary>Charts side by side across the width, each a vector form with its description as alternative text.</summary>
        public void Charts(List<Chart> charts, double height)
        {
            EndTable();
            Room(height + 4);
            var gap = 10.0;
            var width = (_width - (gap * (charts.Count - 1))) / charts.Count;
            var x = Margin;
            foreach (var chart in charts)
            {
                var box = new XRect(x, _y, width, height);
                using var form = XPdfForm.FromStream(new MemoryStream(chart.Pdf(width, height)));
                tags.BeginElement(PdfIllustrationElementTag.Figure, chart.Description, box);
                Graphics.DrawImage(form, box);
                tags.End();
                x += width + gap;
            }
            _y += height + 4;
        }

        public void Row(IReadOnlyList<string> cells, bool header = false)
        {
            var font = new XFont(EmbeddedFonts.Family, 8, header ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var height = font.GetHeight() + 2.5;
            if (!_inTable || _y + height > document.Pages[^1].Height.Point - Margin)
            {
                EndTable();
                Room(height * 2);
                tags.BeginElement(PdfBlockLevelElementTag.Table);
                _inTable = true;
            }
            tags.BeginElement(PdfBlockLevelElementTag.TableRow);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                tags.BeginElement(header ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                Graphics.DrawString(cells[i], font, XBrushes.Black, new XRect(x, _y, _width * Columns[i], height), XStringFormats.TopLeft);
                tags.End();
                x += _width * Columns[i];
            }
            tags.End();
            // The rule between rows is decoration: an artifact, which screen readers skip.
            tags.BeginArtifact();
            Graphics.DrawLine(XPens.LightGray, Margin, _y + height - 1, Margin + _width, _y + height - 1);
            tags.End();
            _y += height;
        }

        public void EndTable()
        {
            if (_inTable)
            {
                tags.End();
                _inTable = false;
                _y += 3;
            }
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

        public void Dispose()
        {
            EndTable();
            _graphics?.Dispose();
        }
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
