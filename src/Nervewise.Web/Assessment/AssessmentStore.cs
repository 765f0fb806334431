using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.Assessments;
using Nervewise.Data.Plan;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Rehab;

namespace Nervewise.Web.Assessment;

/// <summary>Saves and reads a person's assessments. Every read is filtered by the owner's id.</summary>
public sealed class AssessmentStore(NervewiseDbContext db, PlanSettingsStore planSettings, TimeProvider clock)
{
    /// <summary>
    /// Saves the answers. When they point mainly to another source than the pathway the person's settings pin, the
    /// settings move to the first stage of that source's pathway, changed by the person, so the plan history keeps
    /// it (issue 14). With nothing pinned the plan follows the latest assessment by itself.
    /// </summary>
    public async Task<AssessmentRecord> SaveAsync(string userId, AssessmentAnswers answers, CancellationToken cancellationToken = default)
    {
        var assessed = AssessmentEngine.Assess(answers);
        var document = AssessmentDocument.From(assessed);
        var record = new AssessmentRecord
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            TakenAt = clock.GetUtcNow(),
            AnswersJson = JsonSerializer.Serialize(answers.ToPlain()),
            ResultJson = document.ToJson(),
            PrimarySource = document.PrimarySource,
            Urgency = document.Urgency,
            QuestionnaireVersion = document.QuestionnaireVersion,
        };
        db.Assessments.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await FollowAsync(userId, assessed.PrimarySource, cancellationToken);
        return record;
    }

    private async Task FollowAsync(string userId, Source? primary, CancellationToken cancellationToken)
    {
        if (primary is not { } source)
        {
            return;
        }
        var pathway = PathwayChoice.Of(source);
        var settings = await planSettings.GetAsync(userId, cancellationToken);
        if (settings.ChosenPathway is not { } pinned || pinned == pathway)
        {
            return;
        }
        // Checked again inside the change: it may run again on what another save stored.
        await planSettings.ChangeAsync(userId, PlanActor.Self(userId),
            s => s.ChosenPathway is { } chosen && chosen != pathway ? s with { Pathway = pathway, Stage = RehabNames.First(pathway) } : s,
            cancellationToken);
    }

    public Task<List<AssessmentRecord>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderByDescending(a => a.TakenAt)
            .ToListAsync(cancellationToken);

    /// <summary>The newest assessment, or null before the first.</summary>
    public Task<AssessmentRecord?> LatestAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderByDescending(a => a.TakenAt)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<AssessmentRecord?> FindAsync(string userId, Guid id, CancellationToken cancellationToken = default) =>
        db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);

    public static AssessmentDocument Result(AssessmentRecord record) =>
        JsonSerializer.Deserialize<AssessmentDocument>(record.ResultJson, AssessmentDocument.JsonOptions)!;

    public static AssessmentAnswers Answers(AssessmentRecord record) => AssessmentInput.Parse(record.AnswersJson);

    /// <summary>The result as the API returns it: the contract's fields, plus the record's id and time.</summary>
    public static JsonObject ToApi(AssessmentRecord record)
    {
        var json = JsonNode.Parse(record.ResultJson)!.AsObject();
        json.Insert(0, "id", record.Id);
        json.Insert(1, "takenAt", record.TakenAt.ToUniversalTime());
        json["answers"] = JsonNode.Parse(record.AnswersJson);
        return json;
    }
}
