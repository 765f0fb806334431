using Nervewise.Data.Safety;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data.Plan;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;

namespace Nervewise.Data.Export;

/// <summary>Gathers one person's record for the FHIR export; the web app and the CLI share it.</summary>
public static class FhirRecord
{
    public static async Task<FhirExport.Record> LoadAsync(
        NervewiseDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.DateOfBirth }).SingleAsync(cancellationToken);
        var assessments = (await db.Assessments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(a => a.TakenAt)
            .Select(a => new FhirExport.TakenAssessment(a.Id, a.TakenAt, AssessmentInput.Parse(a.AnswersJson)))
            .ToList();
        var diary = (await db.DiaryEntries.AsNoTracking().Where(e => e.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new FhirExport.DiaryRow(e.Id, e.ToEntry()))
            .ToList();
        var settings = await new PlanSettingsStore(db, TimeProvider.System).GetAsync(userId, cancellationToken);
        var entries = diary.Select(d => d.Entry).ToList();
        var latest = assessments.LastOrDefault();
        var taken = latest is null ? null : new AssessmentTaken(latest.Answers, latest.TakenAt);
        var safety = StoredSafety.Of(taken, entries, settings.SafetyCheckedAt, now);
        return new FhirExport.Record(
            userId, person.Email, assessments, diary, Plan(entries, settings, safety, taken, now), safety, person.DisplayName, person.DateOfBirth);
    }

    /// <summary>The current pathway and stage, and the person's own exercises with their doses, as the CarePlan carries them.</summary>
    private static FhirExport.Plan Plan(IReadOnlyList<DiaryEntry> entries, PlanSettings settings, SafetyState safety, AssessmentTaken? taken, DateTimeOffset now)
    {
        var rules = RehabRules.Current;
        var result = PlanEngine.Decide(entries, settings, now, safety: safety, assessment: taken);
        var stage = rules.For(result.Pathway, result.Stage);
        var week = WeeklyPlan.For(result, settings, DateOnly.FromDateTime(now.UtcDateTime), entries, rules);
        var sessions = week.Days.SelectMany(d => d.Sessions).DistinctBy(s => s.Exercise.Id)
            .Select(s => new FhirExport.PlannedSession(s.Exercise.Id, s.Exercise.Name, s.Dose.Describe()))
            .ToList();
        var pathway = rules.For(result.Pathway);
        return new FhirExport.Plan(stage.Id, stage.Name, result.StageSince, sessions, pathway.Id, pathway.Name, result.Personal.Precautions);
    }
}
