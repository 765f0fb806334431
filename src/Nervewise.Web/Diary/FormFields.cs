using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Nervewise.Web.Diary;

/// <summary>Form values that model binding could not read, told to the person by name with what they typed.</summary>
public static class FormFields
{
    /// <summary>
    /// Replaces each binding error with one plain sentence, "Pain must be a whole number from 0 to 10, not 'abc'.",
    /// as a form-level error; true when there was any. The property behind such a field holds null or its default,
    /// never what was typed, so the caller must not save.
    /// </summary>
    public static bool RefuseUnreadable(ModelStateDictionary state, Func<string, string> expected)
    {
        var unreadable = state.Where(field => field.Key.Length > 0 && field.Value is { Errors.Count: > 0 })
            .Select(field => (field.Key, Typed: field.Value!.AttemptedValue ?? "")).ToList();
        foreach (var (key, typed) in unreadable)
        {
            state[key]!.Errors.Clear();
            state.AddModelError(string.Empty, $"{expected(key)}, not '{Shorten(typed)}'.");
        }
        return unreadable.Count > 0;
    }

    /// <summary>What was posted for a field when there was a post, else the model's value.</summary>
    public static string? Typed(ModelStateDictionary state, string field, object? value) =>
        state.TryGetValue(field, out var entry) && entry.AttemptedValue is { } typed ? typed : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string typed) => typed.Length > 40 ? typed[..40] + "…" : typed;
}
