using System.Text;

namespace Nervewise.Domain.Diary;

/// <summary>One record of an RFC 4180 file: where it starts, its fields, and what was wrong with its syntax.</summary>
/// <param name="Line">The 1-based physical line the record starts on; quoted newlines make later records start further down.</param>
/// <param name="Fields">The first fields, at most the reader's keep count, so a line of a million commas stays small.</param>
/// <param name="FieldCount">How many fields the record really had.</param>
/// <param name="Problems">Syntax problems as (field index, message).</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, int FieldCount, IReadOnlyList<(int Field, string Message)> Problems)
{
    public bool IsBlank => FieldCount == 1 && Fields[0].Length == 0 && Problems.Count == 0;
}

/// <summary>
/// A hand-written RFC 4180 reader that counts physical lines. It accepts CRLF, LF and lone CR line ends,
/// keeps line ends inside quoted fields as written, and never holds more than
/// <c>maxFieldLength</c> characters of one field, so a broken quote cannot swallow memory.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, int maxFieldLength, int keepFields)
{
    private const char Quote = '"';

    /// <summary>What <see cref="DiaryCsv.Encoding"/> puts where bytes are not UTF-8.</summary>
    internal const char NotUtf8 = '\uFFFF';

    internal const string NotUtf8Message = "has bytes that are not UTF-8 text; save the file as UTF-8 (in a spreadsheet: CSV UTF-8)";
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;
    private bool _started;
    private bool _notUtf8;

    public bool TryRead(out CsvRecord record)
    {
        if (!_started)
        {
            _started = true;
            // A StringReader or a reader without BOM detection hands the BOM through as a character.
            if (Peek() == '\uFEFF')
            {
                Next();
            }
        }
        if (Peek() == -1)
        {
            record = null!;
            return false;
        }

        var startLine = _line;
        var fields = new List<string>(keepFields);
        var problems = new List<(int, string)>();
        var count = 0;
        while (true)
        {
            var tooLong = ReadField(count, problems);
            if (tooLong)
            {
                problems.Add((count, $"is longer than {maxFieldLength} characters"));
            }
            if (count < keepFields)
            {
                fields.Add(_field.ToString());
            }
            count++;

            var end = Next();
            if (end == ',')
            {
                continue;
            }
            if (end == '\r' && Peek() == '\n')
            {
                Next();
            }
            if (end is '\r' or '\n')
            {
                _line++;
            }
            break;
        }
        record = new CsvRecord(startLine, fields, count, problems);
        return true;
    }

    /// <summary>Reads one field into <see cref="_field"/>, stopping before the comma or line end; true when it was cut short.</summary>
    private bool ReadField(int index, List<(int, string)> problems)
    {
        _field.Clear();
        _notUtf8 = false;
        var tooLong = ReadFieldText(index, problems);
        if (_notUtf8)
        {
            problems.Add((index, NotUtf8Message));
        }
        return tooLong;
    }

    private bool ReadFieldText(int index, List<(int, string)> problems)
    {
        var tooLong = false;
        if (Peek() != Quote)
        {
            var strayQuote = false;
            while (Peek() is not (',' or '\r' or '\n' or -1))
            {
                var c = (char)Next();
                strayQuote |= c == Quote;
                tooLong |= !Append(c);
            }
            if (strayQuote)
            {
                problems.Add((index, "has a quote but does not start with one; enclose the field in quotes and double the quote inside"));
            }
            return tooLong;
        }

        Next();
        while (true)
        {
            var c = Next();
            if (c == -1)
            {
                problems.Add((index, "opens a quote that is never closed"));
                return tooLong;
            }
            if (c == Quote)
            {
                if (Peek() != Quote)
                {
                    break;
                }
                Next();
            }
            else if (c == '\r')
            {
                _line++;
                if (Peek() == '\n')
                {
                    tooLong |= !Append('\r');
                    c = Next();
                }
            }
            else if (c == '\n')
            {
                _line++;
            }
            tooLong |= !Append((char)c);
        }

        if (Peek() is not (',' or '\r' or '\n' or -1))
        {
            problems.Add((index, "has text after its closing quote; double a quote that belongs in the text"));
            while (Peek() is not (',' or '\r' or '\n' or -1))
            {
                Next();
            }
        }
        return tooLong;
    }

    private bool Append(char c)
    {
        _notUtf8 |= c == NotUtf8;
        if (_field.Length >= maxFieldLength)
        {
            return false;
        }
        _field.Append(c);
        return true;
    }

    private int Peek()
    {
        if (_position == _length)
        {
            _length = reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
        }
        return _length == 0 ? -1 : _buffer[_position];
    }

    private int Next()
    {
        var c = Peek();
        if (c != -1)
        {
            _position++;
        }
        return c;
    }
}
