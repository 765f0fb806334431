using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Clinic;

namespace Nervewise.Web.Plan;

/// <summary>
/// What a clinician changed in the person's plan or wrote to them since the person last opened it, in plain words
/// for Today ("Your clinician moved you from settle to sliders and set your agreed pain level to 4/10"). Opening
/// /plan/news shows it in full and marks it seen, so Today stops telling.
/// </summary>
public static class ClinicianNews
{
    public sealed record News(string? PlanSentence, IReadOnlyList<(DateTimeOffset At, string Text)> Notes, DateTimeOffset Latest)
    {
        public bool Any => PlanSentence is not null || Notes.Count > 0;
    }

    // Today reads these on every visit, and there is usually nothing new: compiled once per engine, so a request skips
    // EF's query cache lookup and translation checks.
    private sealed record Queries(
        Func<NervewiseDbContext, string, CancellationToken, Task<DateTimeOffset?>> Seen,
        Func<NervewiseDbContext, string, DateTimeOffset, IAsyncEnumerable<PlanSettingsChangeRecord>> Changes,
        Func<NervewiseDbContext, string, DateTimeOffset, IAsyncEnumerable<(DateTimeOffset At, string Text)>> Notes);

    private static readonly PerEngine<Queries> Compiled = PerEngine.Compile(() => new Queries(
        EF.CompileAsyncQuery((NervewiseDbContext db, string personId, CancellationToken _) =>
            db.Users.Where(u => u.Id == personId).Select(u => u.ClinicianNewsSeenAt).FirstOrDefault()),
        EF.CompileAsyncQuery((NervewiseDbContext db, string personId, DateTimeOffset seen) =>
            db.PlanSettingsChanges.AsNoTracking()
                .Where(c => c.UserId == personId && c.ChangedByRole != "self" && c.ChangedAt > seen)
                .OrderByDescending(c => c.ChangedAt).Take(50)),
        EF.CompileAsyncQuery((NervewiseDbContext db, string personId, DateTimeOffset seen) =>
            db.ClinicianNotes.AsNoTracking()
                .Where(n => n.PatientId == personId && n.At > seen)
                .OrderByDescending(n => n.At).Take(10).Select(n => ValueTuple.Create(n.At, n.Text)))));

    public static async Task<News> ForAsync(NervewiseDbContext db, string personId, CancellationToken cancellationToken)
    {
        var queries = Compiled.For(db);
        var seen = await queries.Seen(db, personId, cancellationToken) ?? DateTimeOffset.MinValue;
        var changes = new List<PlanSettingsChangeRecord>();
        await foreach (var change in queries.Changes(db, personId, seen).WithCancellation(cancellationToken))
        {
            changes.Add(change);
        }
        var notes = new List<(DateTimeOffset At, string Text)>();
        await foreach (var note in queries.Notes(db, personId, seen).WithCancellation(cancellationToken))
        {
            notes.Add(note);
        }
        var sentence = changes.Count == 0 ? null : PlanHistory.ToldToPerson(changes, RehabRules.Current);
        var latest = changes.Select(c => c.ChangedAt).Concat(notes.Select(n => n.At)).DefaultIfEmpty(seen).Max();
        return new News(string.IsNullOrEmpty(sentence) ? null : sentence, notes, latest);
    }

    /// <summary>The person has opened the news: anything up to <paramref name="upTo"/> is no longer told on Today.</summary>
    public static async Task MarkSeenAsync(NervewiseDbContext db, string personId, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == personId, cancellationToken);
        if (user is not null && (user.ClinicianNewsSeenAt is null || user.ClinicianNewsSeenAt < upTo))
        {
            user.ClinicianNewsSeenAt = upTo;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
