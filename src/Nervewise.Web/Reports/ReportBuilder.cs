using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.Diary;
using Nervewise.Data.Plan;
using Nervewise.Domain.People;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Reports;
using Nervewise.Web.Assessment;
using Nervewise.Web.Clinic;
using Nervewise.Web.Infrastructure;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Reports;

/// <summary>Builds the appointment report of one person from what is stored. Callers check who may read it.</summary>
public sealed class ReportBuilder(
    NervewiseDbContext db, DiaryStore diary, AssessmentStore assessments, PlanSettingsStore settings, SafetyService safety,
    TimeProvider clock, IHttpContextAccessor reader)
{
    /// <summary>The reader's today, in their zone: the end of the default period.</summary>
    public DateOnly Today => reader.HttpContext?.User is { } user ? user.Today(clock) : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The person's summary over <paramref name="period"/> (twelve weeks to today when null), named by
    /// <see cref="PersonName.Shown"/>: the same content for the person and for a clinician they share with.
    /// </summary>
    public async Task<AppointmentReport> ForAsync(string userId, ReportPeriod? period, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Email }).FirstAsync(cancellationToken);
        var who = PersonName.Shown(person.DisplayName, person.Email);
        var entries = await diary.EntriesAsync(userId, cancellationToken);
        var latest = (await assessments.ListAsync(userId, cancellationToken)).FirstOrDefault();
        var plan = await settings.GetAsync(userId, cancellationToken);
        // The person's one safety state, the same the safety card and the plan read.
        var state = await safety.ForAsync(userId, cancellationToken);
        // The latest assessment picks the pathway, as on the plan page.
        var taken = latest is null ? null : new Domain.Safety.AssessmentTaken(AssessmentStore.Answers(latest), latest.TakenAt);
        // Dates in the report ("made on", when assessed, notes, changes) are in the reader's zone: the person's, or the
        // clinician's own.
        var user = reader.HttpContext?.User;
        DateTimeOffset Shown(DateTimeOffset at) => user is null ? at : user.Shown(at);

        var notes = await db.ClinicianNotes.AsNoTracking().Where(n => n.PatientId == userId)
            .OrderByDescending(n => n.At).Take(200)
            .Select(n => new { n.At, n.Text, n.ClinicianEmail, Name = n.Clinician == null ? null : n.Clinician.DisplayName })
            .ToListAsync(cancellationToken);
        var changes = PlanHistory.Lines(await settings.HistoryAsync(userId, cancellationToken: cancellationToken), RehabRules.Current);
        // Who changed the plan, by name as the record says it ("Alex Kim (clinician)").
        var changedBy = changes.Where(c => c.Role != "self" && c.ById.Length > 0).Select(c => c.ById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => changedBy.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => PersonName.Shown(u.DisplayName, u.Email) + " (clinician)", cancellationToken);
        return AppointmentReport.Build(
            who, entries, latest is null ? null : AssessmentStore.Result(latest), latest is null ? null : Shown(latest.TakenAt), plan, state,
            Shown(clock.GetUtcNow()), taken,
            period,
            [.. notes.Select(n => new AppointmentReport.Dated(Shown(n.At), PersonName.Shown(n.Name, n.ClinicianEmail), n.Text))],
            [.. changes.Select(c => new AppointmentReport.Dated(Shown(c.At), c.Role == "self" ? who : names.GetValueOrDefault(c.ById, "Clinician"), c.Says))]);
    }
}
