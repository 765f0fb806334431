using Microsoft.EntityFrameworkCore;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Fhir;

namespace Nervewise.Data.Export;

/// <summary>Gathers one person's record for the FHIR export; the web app and the CLI share it.</summary>
public static class FhirRecord
{
    public static async Task<FhirExport.Record> LoadAsync(
        NervewiseDbContext db, string userId, FhirExport.Plan? plan, CancellationToken cancellationToken = default)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        var assessments = (await db.Assessments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(a => a.TakenAt)
            .Select(a => new FhirExport.TakenAssessment(a.Id, a.TakenAt, AssessmentInput.Parse(a.AnswersJson)))
            .ToList();
        var diary = (await db.DiaryEntries.AsNoTracking().Where(e => e.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new FhirExport.DiaryRow(e.Id, e.ToEntry()))
            .ToList();
        return new FhirExport.Record(userId, email, assessments, diary, plan);
    }
}
