using Nervewise.Data.Diary;
using Nervewise.Data.Plan;
using Nervewise.Domain.Reports;
using Nervewise.Web.Assessment;
using Nervewise.Web.Infrastructure;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Reports;

/// <summary>Builds the appointment report of one person from what is stored. Callers check who may read it.</summary>
public sealed class ReportBuilder(DiaryStore diary, AssessmentStore assessments, PlanSettingsStore settings, SafetyService safety, TimeProvider clock, IHttpContextAccessor reader)
{
    public async Task<AppointmentReport> ForAsync(string userId, string who, CancellationToken cancellationToken)
    {
        var entries = (await diary.AllAsync(userId, cancellationToken: cancellationToken)).Select(r => r.ToEntry()).ToList();
        var latest = (await assessments.ListAsync(userId, cancellationToken)).FirstOrDefault();
        var plan = await settings.GetAsync(userId, cancellationToken);
        // The person's one safety state, the same the safety card and the plan read.
        var state = await safety.ForAsync(userId, cancellationToken);
        // The latest assessment picks the pathway, as on the plan page.
        var taken = latest is null ? null : new Domain.Safety.AssessmentTaken(AssessmentStore.Answers(latest), latest.TakenAt);
        // Dates in the report ("made on", when assessed) are in the reader's zone: the person's, or the clinician's own.
        var user = reader.HttpContext?.User;
        DateTimeOffset Shown(DateTimeOffset at) => user is null ? at : user.Shown(at);
        return AppointmentReport.Build(
            who, entries, latest is null ? null : AssessmentStore.Result(latest), latest is null ? null : Shown(latest.TakenAt), plan, state,
            Shown(clock.GetUtcNow()), taken);
    }
}
