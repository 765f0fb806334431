using Nervewise.Data;
using Nervewise.Data.Diary;
using Nervewise.Data.Safety;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;
using Nervewise.Web.Assessment;

namespace Nervewise.Web.Safety;

/// <summary>
/// Reads a person's one safety state (Domain/Safety/SafetyState.cs) for every surface, and records a professional's
/// check. The state is read once per request and owner, so the layout's card and the page agree and cost one read.
/// </summary>
public sealed class SafetyService(NervewiseDbContext db, DiaryStore diary, TimeProvider clock)
{
    private readonly Dictionary<string, (SafetyState State, AssessmentTaken? Latest)> _read = new(StringComparer.Ordinal);

    /// <summary>The person's latest assessment, read once per request with the safety state (the plan's pathway comes from it).</summary>
    public async Task<AssessmentTaken?> LatestAssessmentAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        await ForAsync(ownerId, cancellationToken);
        return _read[ownerId].Latest;
    }

    public async Task<SafetyState> ForAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        if (_read.TryGetValue(ownerId, out var known))
        {
            return known.State;
        }
        var stored = await SafetyRead.ReadAsync(db, ownerId, cancellationToken);
        var taken = stored is { AnswersJson: { } answers, AssessmentTakenAt: { } takenAt }
            ? new AssessmentTaken(AssessmentInput.Parse(answers), takenAt)
            : null;
        var state = StoredSafety.Of(taken, stored.Entries, stored.LegacyCheck, clock.GetUtcNow());
        _read[ownerId] = (state, taken);
        return state;
    }

    /// <summary>The state from what a caller has read already (a clinician's record, a report).</summary>
    public static SafetyState Of(Data.Assessments.AssessmentRecord? latest, IEnumerable<DiaryEntry> entries, DateTimeOffset? legacyCheck, DateTimeOffset now)
    {
        var taken = latest is null ? null : new AssessmentTaken(AssessmentStore.Answers(latest), latest.TakenAt);
        return StoredSafety.Of(taken, entries, legacyCheck, now);
    }

    /// <summary>
    /// Writes the <c>checked</c> row: a doctor or physiotherapist has checked the warning signs logged up to now.
    /// Its note says who recorded it and what it cleared, so the diary keeps both.
    /// </summary>
    public async Task RecordCheckAsync(string ownerId, string recordedBy, SafetyState cleared, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var signs = cleared.Reasons.Count == 0 ? "no warning signs were in force" : string.Join("; ", cleared.Reasons.Select(r => r.Says));
        var note = Trim($"Recorded by {recordedBy}. Cleared: {signs}.");
        var entry = DiaryEntry.Create(now, EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null, note);
        await diary.AddAsync(ownerId, Guid.CreateVersion7(), entry, cancellationToken);
        _read.Remove(ownerId);
    }

    private static string Trim(string note) => note.Length <= DiaryEntry.MaxNoteLength ? note : note[..(DiaryEntry.MaxNoteLength - 1)] + "…";
}
