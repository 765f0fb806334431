using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Nervewise.Tests.BadInput;
using Nervewise.Web.Diary;
using Nervewise.Web.Plan;
using Xunit.Abstractions;

namespace Nervewise.Web.Tests.BadInput;

/// <summary>
/// The API's hand-written body readers on their own, over thousands of JSON bodies: each returns a result or
/// errors keyed by a field, and never throws.
/// </summary>
public class RequestParserFuzzTests(ITestOutputHelper output)
{
    internal static readonly string[] DiaryFields = ["id", "time", "type", "item", "value", "durationMinutes", "note"];

    private static Gen<string> Field(string good) => Gen.Frequency(
        (4, Gen.Constant(good)), (3, Gen.Elements(Nasty.JsonValues.ToArray())), (2, Nasty.AnyString.Select(RawJson.Quote)), (1, RawJson.AnyValue));

    /// <summary>A diary entry body: each field good, nasty, of the wrong type, or missing; sometimes an unknown field.</summary>
    internal static Gen<string> DiaryBody { get; } =
        from id in Field($"\"{Guid.NewGuid()}\"")
        from time in Gen.Frequency((3, Gen.Elements(Nasty.Times.ToArray()).Select(RawJson.Quote)), (2, Field("\"2026-03-01T21:30:00+01:00\"")))
        from type in Field("\"pain\"")
        from item in Field("\"calf\"")
        from value in Field("6")
        from duration in Field("null")
        from note in Field("\"after a long drive\"")
        from keep in Gen.Choose(0, 127)
        from extra in Gen.Frequency((4, Gen.Constant("")), (1, Nasty.AnyString.Select(k => $"{RawJson.Quote(k)}:1")))
        select "{" + string.Join(",", new[] { ("id", id), ("time", time), ("type", type), ("item", item), ("value", value), ("durationMinutes", duration), ("note", note) }
            .Where((_, i) => (keep & (1 << i)) != 0 || i is 1 or 2)
            .Select(p => $"\"{p.Item1}\":{p.Item2}")
            .Append(extra).Where(p => p.Length > 0)) + "}";

    /// <summary>Entries the API should take, at the edges: times from year 1 to 9999 with any offset, odd Unicode notes, long durations.</summary>
    internal static Gen<string> EdgeDiaryBody { get; } =
        from time in Gen.Frequency((2, Gen.Elements(Nasty.Times.ToArray())),
            (1, Gen.Elements("0001-01-01T00:00:00Z", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59Z", "9999-12-31T00:00:00+14:00", "1900-01-01T00:00:00Z")))
        from kind in Gen.Elements(
            "\"type\":\"pain\",\"item\":\"calf\",\"value\":10", "\"type\":\"activity\",\"item\":\"driving\",\"durationMinutes\":20160",
            "\"type\":\"flare\",\"item\":\"foot\",\"value\":9,\"durationMinutes\":20160", "\"type\":\"sleep\",\"item\":\"night\",\"value\":24",
            "\"type\":\"exercise\",\"item\":\"slump-slider\",\"value\":0,\"durationMinutes\":0", "\"type\":\"checkin\",\"item\":\"stress\",\"value\":4",
            "\"type\":\"relief\",\"item\":\"heat\",\"value\":-10,\"durationMinutes\":5", "\"type\":\"symptom\",\"item\":\"saddle-numbness\",\"value\":0.0000000000000000000000000001")
        from note in Nasty.AnyString.Where(n => n.Length <= 2000)
        select $"{{\"time\":{RawJson.Quote(time)},{kind},\"note\":{RawJson.Quote(note)}}}";

    private static readonly string[] Exercises = ["slump-slider", "slr-slider", "general-movement", "splits-progression"];
    private static readonly string[] DoseFields = ["minutes", "sets", "reps", "holdSeconds", "perWeek"];

    /// <summary>A plan settings body: stage, agreed pain level and doses, each good, nasty or missing, plus unknown fields.</summary>
    internal static Gen<string> PlanBody { get; } =
        from stage in Field("\"calm\"")
        from level in Field("3")
        from doses in Gen.Frequency(
            (3, Gen.Zip(Gen.Frequency((3, Gen.Elements(Exercises)), (1, Nasty.AnyString)),
                    Gen.Zip(Gen.Frequency((3, Gen.Elements(DoseFields)), (1, Nasty.AnyString)), Field("8")).ListOf()
                        .Select(fs => RawJson.Object(fs.Select(f => (f.Item1, f.Item2))))).ListOf()
                .Select(ds => RawJson.Object(ds.Select(d => (d.Item1, d.Item2))))),
            (1, Field("null")))
        from keep in Gen.Choose(0, 7)
        from extra in Gen.Frequency((4, Gen.Constant("")), (1, Nasty.AnyString.Select(k => $"{RawJson.Quote(k)}:1")))
        select "{" + string.Join(",", new[] { ("stage", stage), ("agreedPainLevel", level), ("doses", doses) }
            .Where((_, i) => (keep & (1 << i)) != 0)
            .Select(p => $"\"{p.Item1}\":{p.Item2}")
            .Append(extra).Where(p => p.Length > 0)) + "}";

    /// <summary>"$" for the whole body, a known field, or a path whose first step is a field the body has.</summary>
    internal static bool NamesAField(string key, IEnumerable<string> fields, string json)
    {
        var first = key.Split('.', '[')[0];
        return key == "$" || fields.Contains(first) || json.Contains(RawJson.Quote(first), StringComparison.Ordinal)
            || json.Contains(RawJson.Quote(key), StringComparison.Ordinal);
    }

    private static void WithDocument(string json, Action<JsonElement> read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return; // Refused before the reader; the web tests check that answer.
        }
        using (document)
        {
            read(document.RootElement);
        }
    }

    [Fact]
    public void Diary_bodies_give_an_entry_or_errors_by_field() =>
        Fuzz.Check(output, "diary API body reader", DiaryBody, 3000, json => WithDocument(json, body =>
        {
            var parsed = DiaryRequest.Read(body);
            Assert.True(parsed.Entry is null != (parsed.Errors.Count == 0), "an entry and errors at once, or neither");
            Assert.All(parsed.Errors.Keys, key => Assert.True(NamesAField(key, DiaryFields, json), $"error key '{key}' names no field"));
        }));

    [Fact]
    public void Plan_settings_bodies_give_a_change_or_errors_by_field() =>
        Fuzz.Check(output, "plan settings body reader", PlanBody, 3000, json => WithDocument(json, body =>
        {
            var (change, errors) = PlanSettingsRequest.Read(body);
            Assert.True(change is null != (errors.Count == 0), "a change and errors at once, or neither");
            Assert.All(errors.Values, messages => Assert.NotEmpty(messages));
        }));

    [Fact]
    public void Any_json_value_is_read_or_refused() =>
        Fuzz.Check(output, "API body readers, any JSON", RawJson.AnyValue, 2000, json => WithDocument(json, body =>
        {
            DiaryRequest.Read(body);
            PlanSettingsRequest.Read(body);
        }));
}
