using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Data.Safety;

/// <summary>
/// The one safety state (Domain/Safety/SafetyState.cs) from what is stored, shared by the web app and the CLI's export:
/// which diary rows it needs, and a check recorded before 2026-11-28 (kept in the plan settings) counted as a
/// <c>checked</c> row at its time.
/// </summary>
public static class StoredSafety
{
    /// <summary>The diary row types the state reads: red-flag symptoms and checks.</summary>
    public static readonly string[] EntryTypes = [DiaryVocabulary.Name(EntryType.Symptom), DiaryVocabulary.Name(EntryType.Checked)];

    public static SafetyState Of(AssessmentTaken? latest, IEnumerable<DiaryEntry> entries, DateTimeOffset? legacyCheck, DateTimeOffset now)
    {
        var all = legacyCheck is { } at
            ? entries.Append(DiaryEntry.Create(at, EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null, null))
            : entries;
        return SafetyState.Of(latest, all, now);
    }
}
