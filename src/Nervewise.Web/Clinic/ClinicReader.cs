using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.CareTeam;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Clinic;
using Nervewise.Domain.Diary;
using Nervewise.Domain.People;
using Nervewise.Domain.Rehab;
using Nervewise.Data.Plan;
using Nervewise.Data.Safety;
using Nervewise.Domain.Safety;
using Nervewise.Web.Assessment;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Clinic;

/// <summary>
/// What a clinician reads. Every query starts from <see cref="CareTeamStore.PatientIdsOf"/>, so a person who has not
/// shared (or has stopped sharing) is never in the result, whatever id is asked for.
/// </summary>
public sealed class ClinicReader(NervewiseDbContext db, CareTeamStore careTeam, PlanSettingsStore planSettings, TimeProvider clock)
{
    /// <summary>Enough diary to judge "no improvement" (8 weeks plus a 2-week span) with room to spare.</summary>
    /// <remarks>From the reviewed rules, so a change to "no improvement in 8 weeks" there changes what is read here.</remarks>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(
        7 * (double)Caseload.Current.NoImprovementWeeks.Value + (double)Caseload.Current.ComparisonDays.Value + 2);

    /// <summary>
    /// One person of the caseload, by the name they are shown by; <see cref="Stage"/> names the pathway and its stage in
    /// words, <see cref="Pathway"/> as the contract spells it.
    /// </summary>
    public sealed record Row(string PatientId, string Name, Caseload.Standing Standing, string Stage, string Pathway, CaseloadFlags Flags);

    /// <summary>
    /// Everyone who shares with the clinician, by need. A fixed set of queries, however many people share: each reads
    /// every person at once (ids as a subquery), and the rules run in memory.
    /// </summary>
    public async Task<List<Row>> CaseloadAsync(string clinicianId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var ids = careTeam.PatientIdsOf(clinicianId);
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        var since = now - Lookback;
        var entries = (await db.DiaryEntries.AsNoTracking()
                .Where(e => ids.Contains(e.UserId) && e.OccurredAt >= since)
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.UserId, e => e.ToEntry());
        var lastEntries = await db.DiaryEntries.AsNoTracking().Where(e => ids.Contains(e.UserId))
            .GroupBy(e => e.UserId).Select(g => new { UserId = g.Key, Last = g.Max(e => e.OccurredAt) })
            .ToDictionaryAsync(x => x.UserId, x => x.Last, cancellationToken);
        var latest = (await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.UserId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.UserId)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.TakenAt)!);
        // Warning signs never expire, so they are read from the whole diary, not the lookback.
        var safetyRows = (await db.DiaryEntries.AsNoTracking()
                .Where(e => ids.Contains(e.UserId) && StoredSafety.EntryTypes.Contains(e.Type))
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.UserId, e => e.ToEntry());
        var settings = await planSettings.ManyAsync(ids, cancellationToken);
        // The clinician's own visits, for "not seen": any opening of the record, its summary or a download counts.
        // Reads by their systems (the FHIR API, a bulk export) do not: a nightly pull is nobody looking.
        var opened = await db.RecordAccessLog.AsNoTracking()
            .Where(a => a.ClinicianId == clinicianId && ids.Contains(a.PatientId)
                && a.What != Fhir.FhirReader.AccessLogWhat && a.What != Fhir.Bulk.BulkExportRunner.AccessLogWhat)
            .GroupBy(a => a.PatientId).Select(g => new { PatientId = g.Key, Last = g.Max(a => a.At) })
            .ToDictionaryAsync(x => x.PatientId, x => x.Last, cancellationToken);

        var rows = new List<Row>(people.Count);
        foreach (var p in people)
        {
            var diary = entries[p.Id].ToList();
            var plan = settings.GetValueOrDefault(p.Id) ?? PlanSettings.None;
            var safety = SafetyService.Of(latest.GetValueOrDefault(p.Id), safetyRows[p.Id], plan.SafetyCheckedAt, now);
            var standing = Caseload.Assess(diary, safety, now);
            // The newest entry may be older than the lookback.
            standing = standing with { LastEntry = lastEntries.TryGetValue(p.Id, out var last) ? last : null };
            var assessed = latest.GetValueOrDefault(p.Id) is { } record ? new AssessmentTaken(AssessmentStore.Answers(record), record.TakenAt) : null;
            var decided = PlanEngine.Decide(diary, plan, now, safety: safety, assessment: assessed);
            rows.Add(new Row(p.Id, PersonName.Shown(p.DisplayName, p.Email), standing,
                $"{RehabRules.Current.For(decided.Pathway).Name} pathway, {RehabRules.Current.For(decided.Pathway, decided.Stage).Name.ToLowerInvariant()}",
                RehabNames.Of(decided.Pathway),
                CaseloadFlags.Of(diary, standing, opened.TryGetValue(p.Id, out var seen) ? seen : null, now)));
        }
        return Sorted(rows, CaseloadSort.Need);
    }

    /// <summary>
    /// The caseload in the chosen order. Names compare as people read them (ignoring case and accents); ties fall back
    /// to need, then the id, so the order never shifts between loads.
    /// </summary>
    public static List<Row> Sorted(IEnumerable<Row> rows, CaseloadSort sort)
    {
        var byName = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace);
        var ordered = sort switch
        {
            CaseloadSort.Name => rows.OrderBy(r => r.Name, byName).ThenBy(r => r.Standing, Caseload.ByNeed),
            CaseloadSort.LastEntry => rows.OrderByDescending(r => r.Standing.LastEntry?.UtcDateTime).ThenBy(r => r.Standing, Caseload.ByNeed),
            _ => rows.OrderBy(r => r.Standing, Caseload.ByNeed).ThenBy(r => r.Name, byName),
        };
        return [.. ordered.ThenBy(r => r.PatientId, StringComparer.Ordinal)];
    }

    public static Urgency? ParseUrgency(string? stored) =>
        Enum.TryParse<Urgency>(stored, ignoreCase: true, out var urgency) ? urgency : null;

    public sealed record PatientRecord(
        string PatientId,
        string Email,
        Caseload.Standing Standing,
        SafetyState Safety,
        IReadOnlyList<Data.Assessments.AssessmentRecord> Assessments,
        IReadOnlyList<DiaryEntry> Diary,
        IReadOnlyList<CareTeamStore.NoteView> Notes);

    /// <summary>One person's record for a clinician who has a share, logging the access; null (and no log) otherwise.</summary>
    public async Task<PatientRecord?> OpenAsync(string clinicianId, string patientId, string what, CancellationToken cancellationToken = default)
    {
        if (!await careTeam.OpenRecordAsync(clinicianId, patientId, what, cancellationToken))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var email = await db.Users.AsNoTracking().Where(u => u.Id == patientId).Select(u => u.Email).SingleAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.UserId == patientId)
            .OrderByDescending(a => a.TakenAt).ToListAsync(cancellationToken);
        var diary = (await db.DiaryEntries.AsNoTracking().Where(e => e.UserId == patientId)
                .OrderBy(e => e.OccurredAt).ToListAsync(cancellationToken))
            .Select(e => e.ToEntry()).ToList();
        var legacyCheck = (await planSettings.GetAsync(patientId, cancellationToken)).SafetyCheckedAt;
        var safety = SafetyService.Of(assessments.Count == 0 ? null : assessments[0], diary, legacyCheck, now);
        var standing = Caseload.Assess(diary, safety, now);
        var notes = await careTeam.NotesForAsync(patientId, cancellationToken);
        return new PatientRecord(patientId, email ?? "", standing, safety, assessments, diary, notes);
    }
}
