using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nervewise.Domain.Diary;

/// <summary>
/// Reads and writes the diary interchange file of shared/spec/diary-csv.md: RFC 4180, a header row,
/// then one entry a row. Reading is all or nothing; writing gives the one canonical form that
/// <see cref="StableId"/> hashes.
/// </summary>
public static class DiaryCsv
{
    public const string Header = "time,type,item,value,duration_minutes,note";
    public static readonly IReadOnlyList<string> Columns = ["time", "type", "item", "value", "duration_minutes", "note"];

    /// <summary>Longer fields are refused; the longest real one is a note of <see cref="DiaryEntry.MaxNoteLength"/>.</summary>
    public const int MaxFieldLength = 10_000;

    /// <summary>
    /// About 27 years of ten entries a day; more is not one person's diary. Imports read it row by row and store it in
    /// batches of 1,000 in one transaction, so memory stays flat (ImportLimitTests prints rows a second and the peak).
    /// Measured 2026-11-28 in a full test run on 2 busy cores: SQLite 100,000 rows (3 MB) in 12.9 s (7,740 rows/s),
    /// PostgreSQL in 22.7 s (4,405 rows/s); the same file again 2.9 s and 3.7 s; the working set grew 23 MB and 54 MB.
    /// The limit was 1,000,000 until 2026-11-28: measured then at about 2,600 rows/s under load, such a file held
    /// SQLite's single writer for over six minutes, so everyone else's saves on that server timed out meanwhile.
    /// </summary>
    public const int MaxRows = 100_000;

    /// <summary>Enough to see the pattern of what went wrong without flooding the page.</summary>
    public const int MaxErrors = 100;

    private const string LineEnd = "\r\n";

    private static readonly string[] TimeFormatsWithoutOffset =
    [
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
    ];

    /// <summary>
    /// UTF-8 as the spec requires. Bytes that are not UTF-8 become U+FFFF (a noncharacter no diary holds), which the
    /// reader refuses with its line and column, rather than the silent U+FFFD of <see cref="Encoding.UTF8"/>.
    /// Open files with <see cref="OpenReader"/>.
    /// </summary>
    public static readonly Encoding Encoding = Encoding.GetEncoding(
        Encoding.UTF8.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(CsvRecordReader.NotUtf8.ToString()));

    /// <summary>
    /// A reader over a diary file in <see cref="Encoding"/>. Byte order marks are not followed: StreamReader would
    /// switch to a UTF-8 that replaces bad bytes silently, and a UTF-16 file is not what the spec allows. A UTF-8 BOM
    /// is skipped by the reader itself.
    /// </summary>
    public static StreamReader OpenReader(Stream stream) => new(stream, Encoding, detectEncodingFromByteOrderMarks: false);

    /// <summary>
    /// Reads a whole file and returns its entries sorted by instant (stable for equal instants).
    /// Throws <see cref="DiaryCsvException"/> listing every problem found (up to <see cref="MaxErrors"/>)
    /// if any row is bad; then nothing is returned.
    /// </summary>
    public static IReadOnlyList<DiaryEntry> Read(TextReader reader) => Read(reader, MaxRows, MaxErrors);

    /// <summary>Read with smaller limits, so tests can reach them without a million rows.</summary>
    internal static IReadOnlyList<DiaryEntry> Read(TextReader reader, int maxRows, int maxErrors) =>
        SortByInstant(ReadEach(reader, maxRows, maxErrors));

    /// <summary>
    /// Reads a file row by row, in file order, holding one row at a time, so a million rows can be stored in
    /// batches. Rows come out only while every row so far is good; after the first bad one the rest is checked
    /// and <see cref="DiaryCsvException"/> is thrown at the end, so a caller that writes inside a transaction
    /// rolls it back and nothing is half-written.
    /// </summary>
    public static IEnumerable<DiaryEntry> ReadEach(TextReader reader) => ReadEach(reader, MaxRows, MaxErrors);

    internal static IEnumerable<DiaryEntry> ReadEach(TextReader reader, int maxRows, int maxErrors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Iterate(reader, maxRows, maxErrors);
    }

    private static IEnumerable<DiaryEntry> Iterate(TextReader reader, int maxRows, int maxErrors)
    {
        var records = new CsvRecordReader(reader, MaxFieldLength, keepFields: Columns.Count);

        if (!records.TryRead(out var header))
        {
            throw new DiaryCsvException([new CsvError(1, "", $"the file is empty; it must start with the header {Header}")], stoppedEarly: false);
        }
        if (HeaderProblem(header) is { } headerProblem)
        {
            // Without the header the columns mean nothing, so the rows are not checked.
            throw new DiaryCsvException([new CsvError(header.Line, "", headerProblem)], stoppedEarly: false);
        }

        var errors = new List<CsvError>();
        var blankLines = new List<int>();
        var rows = 0;
        var stoppedEarly = false;
        while (records.TryRead(out var record))
        {
            if (record.IsBlank)
            {
                // Blank lines at the end are harmless; only ones followed by a row are reported.
                if (blankLines.Count < maxErrors)
                {
                    blankLines.Add(record.Line);
                }
                continue;
            }
            errors.AddRange(blankLines.Select(line => new CsvError(line, "", "is empty; remove the empty line")));
            blankLines.Clear();
            if (errors.Count >= maxErrors)
            {
                stoppedEarly = true;
                break;
            }

            if (++rows > maxRows)
            {
                errors.Add(new CsvError(record.Line, "", $"is past the limit of {maxRows:N0} rows; split the file"));
                stoppedEarly = true;
                break;
            }
            if (ReadRow(record, errors) is { } entry && errors.Count == 0)
            {
                yield return entry;
            }
            if (errors.Count >= maxErrors)
            {
                stoppedEarly = true;
                break;
            }
        }

        if (errors.Count > 0)
        {
            throw new DiaryCsvException(errors.Count > maxErrors ? errors.GetRange(0, maxErrors) : errors, stoppedEarly);
        }
    }

    /// <summary>Writes the header and the entries sorted by instant, with CRLF line ends as RFC 4180 says.</summary>
    public static void Write(IEnumerable<DiaryEntry> entries, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write(LineEnd);
        foreach (var entry in SortByInstant(entries))
        {
            writer.Write(Row(entry));
            writer.Write(LineEnd);
        }
    }

    /// <summary>Writes the entries to a string; see <see cref="Write(IEnumerable{DiaryEntry}, TextWriter)"/>.</summary>
    public static string Write(IEnumerable<DiaryEntry> entries)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(entries, writer);
        return writer.ToString();
    }

    /// <summary>
    /// A deterministic id for an entry, so that importing the same file twice adds nothing twice.
    /// It is the first 16 bytes of the SHA-256 of the entry's canonical row: the row as
    /// <see cref="Write(IEnumerable{DiaryEntry}, TextWriter)"/> writes it, UTF-8, without the line end, and
    /// without the apostrophe before a formula-like note (added 2026-11-28; ids made before then must not change).
    /// The bytes are read big-endian, so <c>id.ToString("N")</c> is the first 32 hex digits of the hash.
    /// The row holds the time with its offset, so the same instant written with another offset is
    /// another entry; a value of 7.0 and 7 are the same entry; two identical rows are one entry.
    /// </summary>
    public static Guid StableId(DiaryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(Row(entry, entry.Note)), hash);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>One entry's row as the file carries it, without the line end.</summary>
    public static string Row(DiaryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Row(entry, WriteNote(entry.Note));
    }

    private static string Row(DiaryEntry entry, string note) =>
        string.Join(',',
            DiaryTime.Format(entry.Time),
            DiaryVocabulary.Name(entry.Type),
            Quoted(entry.Item),
            entry.Value is { } value ? FormatValue(value) : "",
            entry.DurationMinutes?.ToString(CultureInfo.InvariantCulture) ?? "",
            Quoted(note));

    /// <summary>
    /// A note a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage return, perhaps after
    /// apostrophes) gets one more leading apostrophe, so it shows as text (shared/spec/diary-csv.md, 2026-11-28).
    /// </summary>
    public static string WriteNote(string note) => LooksLikeFormula(note, 0) ? "'" + note : note;

    /// <summary>The reader's half of <see cref="WriteNote"/>: one leading apostrophe is dropped before those characters.</summary>
    public static string ReadNote(string field) =>
        field.StartsWith('\'') && LooksLikeFormula(field, 1) ? field[1..] : field;

    private static bool LooksLikeFormula(string text, int from)
    {
        var i = from;
        while (i < text.Length && text[i] == '\'')
        {
            i++;
        }
        return i < text.Length && text[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

    private static List<DiaryEntry> SortByInstant(IEnumerable<DiaryEntry> entries) =>
        [.. entries.OrderBy(entry => entry.Time.UtcTicks)];

    private static string? HeaderProblem(CsvRecord header)
    {
        if (header.Problems.Count == 0 && header.FieldCount == Columns.Count && header.Fields.SequenceEqual(Columns))
        {
            return null;
        }
        var seen = string.Join(',', header.Fields);
        if (seen.Length > 100)
        {
            seen = seen[..100] + "…";
        }
        var hint = header.FieldCount == 1 && seen.Contains(';') ? " (it looks separated by semicolons; save it as CSV with commas)" : "";
        return $"the header must be exactly {Header}, not '{seen}'{hint}";
    }

    /// <summary>Checks one data row, adding every problem to <paramref name="errors"/>; the entry when the row is good.</summary>
    private static DiaryEntry? ReadRow(CsvRecord record, List<CsvError> errors)
    {
        var line = record.Line;
        if (record.Problems.Count > 0)
        {
            foreach (var (field, message) in record.Problems)
            {
                errors.Add(new CsvError(line, field < Columns.Count ? Columns[field] : "", message));
            }
            return null;
        }
        if (record.FieldCount != Columns.Count)
        {
            errors.Add(new CsvError(line, "", $"has {record.FieldCount} column{(record.FieldCount == 1 ? "" : "s")}, not {Columns.Count}: {Header}"));
            return null;
        }

        var fields = record.Fields;
        var rowErrors = new List<CsvError>();
        var time = ParseTime(fields[0], line, rowErrors);
        EntryType? type = DiaryVocabulary.TryParse(fields[1], out var parsedType) ? parsedType : null;
        if (type is null)
        {
            var names = string.Join(", ", Enum.GetValues<EntryType>().Select(DiaryVocabulary.Name));
            rowErrors.Add(new CsvError(line, "type", $"must be one of {names}, not '{fields[1]}'"));
        }
        var item = fields[2];
        var value = ParseValue(fields[3], line, rowErrors);
        var duration = ParseDuration(fields[4], line, rowErrors);
        var note = ReadNote(fields[5]);

        if (type is { } knownType)
        {
            if (rowErrors.Count == 0 && time is { } good)
            {
                try
                {
                    return DiaryEntry.Create(good, knownType, item, value, duration, note);
                }
                catch (DiaryEntryException e)
                {
                    errors.AddRange(e.Errors.Select(error => new CsvError(line, error.Column, error.Message)));
                    return null;
                }
            }
            // Check the other columns too, but do not repeat a column that already failed to parse.
            var failed = rowErrors.Select(error => error.Column).ToHashSet();
            rowErrors.AddRange(DiaryEntry.Check(knownType, item, value, duration, note)
                .Where(error => !failed.Contains(error.Column))
                .Select(error => new CsvError(line, error.Column, error.Message)));
        }
        errors.AddRange(rowErrors.OrderBy(error => ColumnIndex(error.Column)));
        return null;
    }

    private static int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }
        return -1;
    }

    private static DateTimeOffset? ParseTime(string text, int line, List<CsvError> errors)
    {
        if (DiaryTime.TryParse(text, out var time))
        {
            if (DiaryEntry.CheckTime(time) is { } outOfRange)
            {
                errors.Add(new CsvError(line, "time", outOfRange.Message));
                return null;
            }
            return time;
        }
        var message = DateTime.TryParseExact(text, TimeFormatsWithoutOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"'{text}' has no UTC offset; add one, e.g. {text}+01:00, or Z for UTC"
            : $"must be a time with its UTC offset, e.g. 2026-03-01T21:30:00+01:00, not '{text}'";
        errors.Add(new CsvError(line, "time", message));
        return null;
    }

    private static decimal? ParseValue(string text, int line, List<CsvError> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }
        // A plain number only: no thousands separators, exponents or spaces a spreadsheet might add.
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(new CsvError(line, "value", $"must be a number such as 7 or 3.5 (with a point), or empty, not '{text}'"));
        return null;
    }

    private static int? ParseDuration(string text, int line, List<CsvError> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return minutes;
        }
        errors.Add(new CsvError(line, "duration_minutes", $"must be whole minutes (0 or more), or empty, not '{text}'"));
        return null;
    }


    // Trailing zeros dropped (7.0 → 7) so equal values write the same text and hash the same.
    private static string FormatValue(decimal value) =>
        (value == 0 ? 0m : value).ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

/// <summary>
/// One problem in a diary file. <paramref name="Line"/> is the 1-based physical line where the record starts;
/// <paramref name="Column"/> is the CSV column name, or empty when the whole line is wrong.
/// </summary>
public sealed record CsvError(int Line, string Column, string Message)
{
    public override string ToString() =>
        Column.Length == 0 ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}

/// <summary>A diary file that was refused as a whole; <see cref="Errors"/> lists each problem by line and column.</summary>
public sealed class DiaryCsvException(IReadOnlyList<CsvError> errors, bool stoppedEarly)
    : Exception(Describe(errors, stoppedEarly))
{
    public IReadOnlyList<CsvError> Errors { get; } = errors;

    /// <summary>True when reading stopped at <see cref="DiaryCsv.MaxErrors"/> problems or <see cref="DiaryCsv.MaxRows"/> rows; there may be more.</summary>
    public bool StoppedEarly { get; } = stoppedEarly;

    private static string Describe(IReadOnlyList<CsvError> errors, bool stoppedEarly) =>
        string.Join("\n", errors) + (stoppedEarly ? "\n(stopped here; there may be more problems)" : "");
}
