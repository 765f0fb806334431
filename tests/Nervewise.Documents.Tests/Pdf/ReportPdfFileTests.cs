using Nervewise.Documents.Pdf;
using System.Text;
using System.Xml.Linq;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Reports;
using Nervewise.Domain.Safety;
using Nervewise.Testing;
using PdfSharp.Pdf.IO;

namespace Nervewise.Documents.Tests.Pdf;

/// <summary>The PDF file itself: it passes `qpdf --check`, and its XMP metadata holds the title as text, never as markup.</summary>
public sealed class ReportPdfFileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static byte[] Pdf(string who, int flares = 1)
    {
        List<DiaryEntry> diary = [DiaryEntry.Create(Now.AddDays(-9), EntryType.Pain, "posterior-thigh", 4, null, "")];
        diary.AddRange(Enumerable.Range(1, flares).Select(day => DiaryEntry.Create(Now.AddDays(-day), EntryType.Flare, "calf", 7, 30, "")));
        diary.Add(DiaryEntry.Create(Now.AddDays(-3), EntryType.Symptom, "saddle-numbness", 1, null, ""));
        var report = AppointmentReport.Build(who, diary, null, null, PlanSettings.None, SafetyState.Of(null, diary, Now), Now);
        return ReportPdf.Write(report);
    }

    private static string XmpPacket(byte[] pdf)
    {
        var text = Encoding.UTF8.GetString(pdf);
        var start = text.IndexOf("<?xpacket begin", StringComparison.Ordinal);
        var end = text.IndexOf("<?xpacket end", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The PDF has no readable XMP packet.");
        Assert.Equal(start, text.LastIndexOf("<?xpacket begin", StringComparison.Ordinal)); // one packet: PDFsharp's is gone
        return text[start..(text.IndexOf("?>", end, StringComparison.Ordinal) + 2)];
    }

    [Fact]
    public void The_pdf_passes_qpdf_check()
    {
        var pdf = Pdf("pat@example.com", flares: 12);

        var (exitCode, output) = Qpdf.Check(pdf);

        Assert.True(exitCode == 0, $"qpdf --check exited {exitCode}:\n{output}");
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal("Nervewise summary for pat@example.com", document.Info.Title);
    }

    [Theory]
    [InlineData("<svg onload=alert(1)>@x.example", "&lt;svg onload=alert(1)&gt;@x.example")]
    [InlineData("tom&jerry@x.example", "tom&amp;jerry@x.example")]
    [InlineData("]]><x:evil/>@x.example", "]]&gt;&lt;x:evil/&gt;@x.example")]
    public void Markup_in_the_name_is_escaped_in_the_xmp_and_kept_as_text_in_the_title(string who, string escaped)
    {
        var pdf = Pdf(who);

        var packet = XmpPacket(pdf);
        Assert.Contains($"Nervewise summary for {escaped}</rdf:li>", packet, StringComparison.Ordinal);
        Assert.DoesNotContain(who, packet, StringComparison.Ordinal);
        // Well-formed, and read back as the very text it was given.
        var xml = XDocument.Parse(packet);
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Equal($"Nervewise summary for {who}", xml.Descendants(dc + "title").Single().Value.Trim());
        Assert.Single(xml.Root!.Elements()); // rdf:RDF only: nothing was injected beside it
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal($"Nervewise summary for {who}", document.Info.Title);
        var (exitCode, output) = Qpdf.Check(pdf);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void The_pdf_is_an_a4_document_that_opens()
    {
        var bytes = Pdf("pat@example.com");

        using var stream = new MemoryStream(bytes);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        Assert.Equal(595, document.Pages[0].Width.Point, 0);
        Assert.Equal(842, document.Pages[0].Height.Point, 0);
        Assert.Equal("Nervewise summary for pat@example.com", document.Info.Title);
    }

    [Fact]
    public void The_pdf_with_warning_signs_still_opens()
    {
        var bytes = Pdf("pat@example.com", flares: 3);

        using var stream = new MemoryStream(bytes);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        Assert.Equal("Nervewise summary for pat@example.com", document.Info.Title);
    }
}
