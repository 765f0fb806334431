using System.Text.Json;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Input;

namespace Nervewise.Web.Diary;

/// <summary>
/// A diary entry as the API takes it: {"id", "time", "type", "item", "value", "durationMinutes", "note"}.
/// Read by hand so that each refusal names its field.
/// </summary>
public static class DiaryRequest
{
    public const int MaxBytes = 16 * 1024;

    public sealed record Parsed(Guid? Id, DiaryEntry? Entry, IReadOnlyDictionary<string, string[]> Errors);

    public static Parsed Read(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (body.ValueKind != JsonValueKind.Object)
        {
            Fail("$", "expected a JSON object");
            return new(null, null, errors);
        }
        // Reading an escaped lone surrogate ("\ud800") as a string throws, so such a body is refused first.
        if (JsonText.FirstUnreadable(body) is { } broken)
        {
            Fail(broken, StoredText.BrokenCharacter);
            return new(null, null, errors);
        }

        Guid? id = null;
        if (body.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
        {
            if (idElement.ValueKind == JsonValueKind.String && Guid.TryParse(idElement.GetString(), out var parsedId) && parsedId != Guid.Empty)
            {
                id = parsedId;
            }
            else
            {
                Fail("id", "must be a GUID made by the client, such as 3f2c8a4e-7d1b-4c3e-9a57-1b2c3d4e5f60");
            }
        }

        var time = default(DateTimeOffset);
        if (!body.TryGetProperty("time", out var timeElement) || timeElement.ValueKind != JsonValueKind.String
            || !DiaryTime.TryParse(timeElement.GetString(), out time))
        {
            Fail("time", DiaryTime.Expected);
        }
        else if (DiaryEntry.CheckTime(time) is { } outOfRange)
        {
            Fail("time", outOfRange.Message);
        }

        var type = default(EntryType);
        if (!body.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || !DiaryVocabulary.TryParse(typeElement.GetString(), out type))
        {
            Fail("type", $"must be one of {string.Join(", ", Enum.GetValues<EntryType>().Select(DiaryVocabulary.Name))}");
        }

        var item = body.TryGetProperty("item", out var itemElement) && itemElement.ValueKind == JsonValueKind.String
            ? itemElement.GetString()!
            : "";
        var value = Number(body, "value", errors, element => element.GetDecimal());
        var duration = Number(body, "durationMinutes", errors, element => element.TryGetInt32(out var minutes) ? minutes : throw new FormatException());
        string? note = null;
        if (body.TryGetProperty("note", out var noteElement) && noteElement.ValueKind != JsonValueKind.Null)
        {
            if (noteElement.ValueKind == JsonValueKind.String)
            {
                note = noteElement.GetString();
            }
            else
            {
                Fail("note", "must be text");
            }
        }

        if (errors.ContainsKey("type"))
        {
            return new(id, null, errors);
        }
        foreach (var problem in DiaryEntry.Check(type, item, value, duration, note))
        {
            var field = problem.Column == "duration_minutes" ? "durationMinutes" : problem.Column;
            errors.TryAdd(field, [problem.Message]);
        }
        return errors.Count > 0
            ? new(id, null, errors)
            : new(id, DiaryEntry.Create(time, type, item, value, duration, note), errors);
    }

    private static T? Number<T>(JsonElement body, string field, Dictionary<string, string[]> errors, Func<JsonElement, T> read)
        where T : struct
    {
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        try
        {
            return element.ValueKind == JsonValueKind.Number ? read(element) : throw new FormatException();
        }
        catch (FormatException)
        {
            errors[field] = [field == "value" ? "must be a number" : "must be whole minutes"];
            return null;
        }
    }
}
