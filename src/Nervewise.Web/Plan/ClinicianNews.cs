using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
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

    public static async Task<News> ForAsync(NervewiseDbContext db, string personId, CancellationToken cancellationToken)
    {
        var seen = await db.Users.Where(u => u.Id == personId).Select(u => u.ClinicianNewsSeenAt).FirstOrDefaultAsync(cancellationToken)
            ?? DateTimeOffset.MinValue;
        var changes = await db.PlanSettingsChanges.AsNoTracking()
            .Where(c => c.UserId == personId && c.ChangedByRole != "self" && c.ChangedAt > seen)
            .OrderByDescending(c => c.ChangedAt).Take(50).ToListAsync(cancellationToken);
        var notes = await db.ClinicianNotes.AsNoTracking()
            .Where(n => n.PatientId == personId && n.At > seen)
            .OrderByDescending(n => n.At).Take(10).Select(n => new { n.At, n.Text }).ToListAsync(cancellationToken);
        var sentence = changes.Count == 0 ? null : PlanHistory.ToldToPerson(changes, RehabRules.Current);
        var latest = changes.Select(c => c.ChangedAt).Concat(notes.Select(n => n.At)).DefaultIfEmpty(seen).Max();
        return new News(string.IsNullOrEmpty(sentence) ? null : sentence, [.. notes.Select(n => (n.At, n.Text))], latest);
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
