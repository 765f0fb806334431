using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Nervewise.Documents.Pdf;

/// <summary>
/// Finishes a PDF that PDFsharp saved uncompressed: compresses every stream as a whole zlib stream and puts in XMP
/// metadata written with an XML writer, then writes a new cross-reference table.
/// </summary>
/// <remarks>
/// Why not let PDFsharp do both: PDFsharp 6.2.4 writes each Flate stream as a zlib header and a raw deflate stream
/// without the Adler-32 trailer, so strict readers (qpdf --check exits 3) find every compressed stream unterminated;
/// and it builds its XMP packet by pasting the title into the XML as it is, so a title holding markup (an old account's
/// email such as "&lt;svg onload=…&gt;@x.example") became live markup in the packet. PDFsharp always writes its own
/// packet when saving, so the packet is replaced here, after saving. The metadata stream stays uncompressed, as XMP
/// readers expect.
/// </remarks>
internal static partial class PdfFinish
{
    public static byte[] Finish(byte[] pdf, byte[] xmp)
    {
        var xref = StartXref(pdf);
        var offsets = ObjectOffsets(pdf, xref);
        var order = offsets.Where(o => o.Value > 0).OrderBy(o => o.Value).ToList();
        using var output = new MemoryStream(pdf.Length);
        output.Write(pdf, 0, order[0].Value);
        var written = new Dictionary<int, long>();
        for (var i = 0; i < order.Count; i++)
        {
            var start = order[i].Value;
            var end = i + 1 < order.Count ? order[i + 1].Value : xref;
            written[order[i].Key] = output.Position;
            output.Write(Rewrite(pdf.AsSpan(start, end - start), xmp));
        }

        var newXref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count}\n0000000000 65535 f \n");
        for (var number = 1; number < offsets.Count; number++)
        {
            table.Append(written.TryGetValue(number, out var at)
                ? string.Create(CultureInfo.InvariantCulture, $"{at:D10} 00000 n \n")
                : "0000000000 65535 f \n");
        }
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        var trailer = IndexOf(pdf, "trailer"u8, xref);
        var startxref = IndexOf(pdf, "startxref"u8, trailer);
        output.Write(pdf.AsSpan(trailer, startxref - trailer));
        output.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"startxref\n{newXref}\n%%EOF\n")));
        return output.ToArray();
    }

    /// <summary>
    /// The XMP packet for a document: title, producer, creator tool and dates. Every value goes through the XML writer,
    /// so markup in a value is escaped, never written as markup.
    /// </summary>
    public static byte[] Xmp(string title, string producer, DateTimeOffset made)
    {
        XNamespace x = "adobe:ns:meta/";
        XNamespace rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace xmp = "http://ns.adobe.com/xap/1.0/";
        XNamespace pdf = "http://ns.adobe.com/pdf/1.3/";
        var date = made.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var packet = new XDocument(
            new XProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\""),
            new XElement(x + "xmpmeta", new XAttribute(XNamespace.Xmlns + "x", x),
                new XElement(rdf + "RDF", new XAttribute(XNamespace.Xmlns + "rdf", rdf),
                    new XElement(rdf + "Description",
                        new XAttribute(rdf + "about", ""),
                        new XAttribute(XNamespace.Xmlns + "dc", dc),
                        new XAttribute(XNamespace.Xmlns + "xmp", xmp),
                        new XAttribute(XNamespace.Xmlns + "pdf", pdf),
                        new XElement(dc + "title", new XElement(rdf + "Alt",
                            new XElement(rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), title))),
                        new XElement(dc + "format", "application/pdf"),
                        new XElement(pdf + "Producer", producer),
                        new XElement(xmp + "CreatorTool", "Nervewise"),
                        new XElement(xmp + "CreateDate", date),
                        new XElement(xmp + "ModifyDate", date),
                        new XElement(xmp + "MetadataDate", date)))),
            new XProcessingInstruction("xpacket", "end=\"w\""));
        using var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
        }))
        {
            packet.Save(writer);
        }
        return bytes.ToArray();
    }

    /// <summary>One "N 0 obj … endobj" block: its stream compressed, or replaced by the XMP packet.</summary>
    private static byte[] Rewrite(ReadOnlySpan<byte> block, byte[] xmp)
    {
        var streamAt = block.IndexOf(">>\nstream\n"u8);
        if (streamAt < 0)
        {
            return block.ToArray();
        }
        var head = Encoding.Latin1.GetString(block[..(streamAt + 2)]);
        var dataAt = streamAt + ">>\nstream\n".Length;
        var length = LengthEntry().Match(head);
        if (!length.Success)
        {
            throw new InvalidOperationException("A PDF stream without a direct /Length: the finishing step cannot rewrite it.");
        }
        var size = int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
        var tail = block[(dataAt + size)..];
        if (!tail.TrimStart("\r\n"u8).StartsWith("endstream"u8))
        {
            throw new InvalidOperationException("A PDF stream whose /Length does not end at 'endstream'.");
        }
        byte[] data;
        if (head.Contains("/Type/Metadata", StringComparison.Ordinal))
        {
            data = xmp;
        }
        else if (head.Contains("/Filter", StringComparison.Ordinal))
        {
            return block.ToArray(); // already encoded (an image, say): left as PDFsharp wrote it
        }
        else
        {
            data = Compress(block.Slice(dataAt, size));
            head = head.Insert(length.Index, "/Filter/FlateDecode");
            length = LengthEntry().Match(head);
        }
        head = head.Remove(length.Groups[1].Index, length.Groups[1].Length)
            .Insert(length.Groups[1].Index, data.Length.ToString(CultureInfo.InvariantCulture));

        using var output = new MemoryStream(block.Length);
        output.Write(Encoding.Latin1.GetBytes(head));
        output.Write("\nstream\n"u8);
        output.Write(data);
        output.Write(tail);
        return output.ToArray();
    }

    /// <summary>A whole zlib stream (RFC 1950): header, deflate data and the Adler-32 checksum that PDF readers check.</summary>
    private static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }

    private static int StartXref(byte[] pdf)
    {
        var at = LastIndexOf(pdf, "startxref"u8);
        var text = Encoding.ASCII.GetString(pdf, at + "startxref".Length, Math.Min(32, pdf.Length - at - "startxref".Length));
        var number = Number().Match(text);
        var xref = number.Success ? int.Parse(number.Value, CultureInfo.InvariantCulture) : -1;
        if (xref < 0 || xref >= pdf.Length || !pdf.AsSpan(xref).StartsWith("xref"u8))
        {
            throw new InvalidOperationException("The PDF has no classic cross-reference table: the finishing step cannot rewrite it.");
        }
        return xref;
    }

    /// <summary>Object number to byte offset, from a single-section table starting at object 0 (0 for free entries).</summary>
    private static List<KeyValuePair<int, int>> ObjectOffsets(byte[] pdf, int xref)
    {
        var lines = Encoding.ASCII.GetString(pdf, xref, IndexOf(pdf, "trailer"u8, xref) - xref)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var section = lines[1].Split(' ');
        if (section[0] != "0" || int.Parse(section[1], CultureInfo.InvariantCulture) != lines.Length - 2)
        {
            throw new InvalidOperationException("The PDF's cross-reference table has more than one section.");
        }
        return
        [
            .. lines.Skip(2).Select((line, number) => new KeyValuePair<int, int>(
                number, line.EndsWith('n') ? int.Parse(line[..10], CultureInfo.InvariantCulture) : 0)),
        ];
    }

    private static int IndexOf(byte[] pdf, ReadOnlySpan<byte> what, int from)
    {
        var at = pdf.AsSpan(from).IndexOf(what);
        return at < 0 ? throw new InvalidOperationException("The PDF ends too early.") : from + at;
    }

    private static int LastIndexOf(byte[] pdf, ReadOnlySpan<byte> what)
    {
        var at = pdf.AsSpan().LastIndexOf(what);
        return at < 0 ? throw new InvalidOperationException("The PDF has no startxref.") : at;
    }

    [GeneratedRegex(@"/Length (\d+)")]
    private static partial Regex LengthEntry();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
