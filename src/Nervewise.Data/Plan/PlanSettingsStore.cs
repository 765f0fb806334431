using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;

namespace Nervewise.Data.Plan;

/// <summary>Who is changing a plan: the person themselves, or a clinician acting for them.</summary>
public sealed record PlanActor(string UserId, string Role)
{
    public const string SelfRole = "self";
    public const string ClinicianRole = "clinician";

    public static PlanActor Self(string userId) => new(userId, SelfRole);

    public static PlanActor Clinician(string userId) => new(userId, ClinicianRole);
}

/// <summary>
/// A person's plan settings and their history. Every query is by the owner's id; callers decide who may act for
/// whom (the person for themselves here; a clinician with the person's consent later) and pass the actor in.
/// </summary>
public sealed class PlanSettingsStore(NervewiseDbContext db, TimeProvider clock)
{
    public const int MaxDosesJson = 8000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Read on every plan and Today page: compiled once per engine, so a request skips EF's query cache and checks.
    private static readonly PerEngine<Func<NervewiseDbContext, string, CancellationToken, Task<PlanSettingsRecord?>>> One =
        PerEngine.Compile(() => EF.CompileAsyncQuery((NervewiseDbContext db, string ownerId, CancellationToken _) =>
            db.PlanSettings.AsNoTracking().SingleOrDefault(p => p.UserId == ownerId)));

    public async Task<PlanSettings> GetAsync(string ownerId, CancellationToken cancellationToken = default) =>
        await One.For(db)(db, ownerId, cancellationToken) is { } record
            ? ToSettings(record)
            : PlanSettings.None;

    /// <summary>The settings of many people in one query (a clinician's caseload); those without settings are left out.</summary>
    public async Task<Dictionary<string, PlanSettings>> ManyAsync(IQueryable<string> ownerIds, CancellationToken cancellationToken = default) =>
        (await db.PlanSettings.AsNoTracking().Where(p => ownerIds.Contains(p.UserId)).ToListAsync(cancellationToken))
            .ToDictionary(p => p.UserId, ToSettings);

    /// <summary>The latest changes first.</summary>
    public async Task<List<PlanSettingsChangeRecord>> HistoryAsync(string ownerId, int take = 50, CancellationToken cancellationToken = default) =>
        await db.PlanSettingsChanges.AsNoTracking().Where(c => c.UserId == ownerId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(take).ToListAsync(cancellationToken);

    /// <summary>
    /// Changes the settings, checked by the Domain's rules; each changed field is logged with who changed it. A new
    /// stage starts now unless the change says when. Returns the problems instead when there are any; then nothing is saved.
    /// When another save lands first, <paramref name="change"/> runs again on what it stored, so keep it free of side effects.
    /// </summary>
    public async Task<(PlanSettings Settings, IReadOnlyList<FieldError> Errors)> ChangeAsync(
        string ownerId, PlanActor actor, Func<PlanSettings, PlanSettings> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await db.PlanSettings.SingleOrDefaultAsync(p => p.UserId == ownerId, cancellationToken);
            var before = record is null ? PlanSettings.None : ToSettings(record);
            var after = change(before);
            if ((after.Stage != before.Stage || after.ChosenPathway != before.ChosenPathway) && after.StageSince == before.StageSince)
            {
                after = after with { StageSince = after.Stage is null ? null : clock.GetUtcNow() };
            }
            var errors = after.Check(RehabRules.Current);
            if (errors.Count > 0)
            {
                return (before, errors);
            }
            var doses = DosesJson(after);
            if (doses.Length > MaxDosesJson)
            {
                return (before, [new FieldError("doses", "are too many to keep; change fewer exercises")]);
            }

            var now = clock.GetUtcNow();
            if (record is null)
            {
                record = new PlanSettingsRecord { UserId = ownerId, DosesJson = "{}", UpdatedById = actor.UserId };
                db.PlanSettings.Add(record);
            }
            record.Stage = after.Stage is { } stage ? RehabNames.Of(stage) : null;
            record.Pathway = after.Pathway is { } pathway ? RehabNames.Of(pathway) : null;
            record.StageSince = after.StageSince?.ToUniversalTime();
            record.AgreedPainLevel = after.AgreedPainLevel;
            record.DosesJson = doses;
            record.SafetyCheckedAt = after.SafetyCheckedAt?.ToUniversalTime();
            record.UpdatedAt = now;
            record.Version = Guid.NewGuid();
            record.UpdatedById = actor.UserId;
            foreach (var (field, old, @new) in Differences(before, after))
            {
                db.PlanSettingsChanges.Add(new PlanSettingsChangeRecord
                {
                    Id = Guid.CreateVersion7(now), UserId = ownerId, ChangedAt = now, ChangedById = actor.UserId, ChangedByRole = actor.Role,
                    Field = field, OldValue = old, NewValue = @new,
                });
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (after, []);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another change landed first (two first changes creating the row, or a person and their clinician
                // saving at once): read what it stored and apply this change on top.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static PlanSettings ToSettings(PlanSettingsRecord record) => new(
        RehabNames.TryParseStage(record.Stage, out var stage) ? stage : null,
        record.StageSince,
        record.AgreedPainLevel,
        JsonSerializer.Deserialize<Dictionary<string, DoseOverride>>(record.DosesJson, Json) ?? [],
        record.SafetyCheckedAt,
        RehabNames.TryParsePathway(record.Pathway, out var pathway) ? pathway : null);

    private static string DosesJson(PlanSettings settings) =>
        JsonSerializer.Serialize(new SortedDictionary<string, DoseOverride>(
            settings.DoseOverrides.Where(d => !d.Value.IsEmpty).ToDictionary(d => d.Key, d => d.Value), StringComparer.Ordinal), Json);

    private static IEnumerable<(string Field, string? Old, string? New)> Differences(PlanSettings before, PlanSettings after)
    {
        // Older settings and callers name only a stage: its pathway is implied and the stage line says it; writing
        // that pathway down is no move. Any other change of the pathway the plan is pinned to is logged.
        if (before.ChosenPathway != after.ChosenPathway && (before.Pathway is not null || after.Pathway is not null))
        {
            yield return ("pathway", Name(before.ChosenPathway), Name(after.ChosenPathway));
        }
        if (before.Stage != after.Stage)
        {
            yield return ("stage", Name(before.Stage), Name(after.Stage));
        }
        if (before.AgreedPainLevel != after.AgreedPainLevel)
        {
            yield return ("agreedPainLevel", Number(before.AgreedPainLevel), Number(after.AgreedPainLevel));
        }
        foreach (var id in before.DoseOverrides.Keys.Union(after.DoseOverrides.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.DoseOverrides.GetValueOrDefault(id) is { IsEmpty: false } o ? o : null;
            var @new = after.DoseOverrides.GetValueOrDefault(id) is { IsEmpty: false } n ? n : null;
            if (old != @new)
            {
                yield return ($"doses.{id}", old?.ToString(), @new?.ToString());
            }
        }
        if (before.SafetyCheckedAt != after.SafetyCheckedAt)
        {
            yield return ("safetyCheckedAt", Time(before.SafetyCheckedAt), Time(after.SafetyCheckedAt));
        }
    }

    private static string? Name(Stage? stage) => stage is { } s ? RehabNames.Of(s) : null;

    private static string? Name(Pathway? pathway) => pathway is { } p ? RehabNames.Of(p) : null;

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? time) => time is { } t ? DiaryTime.Format(t.ToUniversalTime()) : null;
}
