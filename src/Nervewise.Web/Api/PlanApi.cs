using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Plan;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Api;

/// <summary>The signed-in person's rehab plan: GET /api/v1/plan, and their plan settings.</summary>
internal static class PlanApi
{
    public sealed record SessionView(string Exercise, string Name, string Dose, int Minutes, int? Sets, int? Reps, int? HoldSeconds, bool OwnDose, decimal? PainDuring);

    public sealed record DayView(string Date, IReadOnlyList<SessionView> Sessions);

    /// <summary>
    /// The plan, its week and whether exercises are paused. With seek-help the plan holds <c>urgency</c> and
    /// <c>safetyReasons</c>; while exercises are paused (urgent or higher) the week holds no sessions.
    /// </summary>
    public sealed record PlanView(PlanDocument Plan, string WeekOf, IReadOnlyList<DayView> Week, bool ExercisesPaused);

    public sealed record ChangeView(string ChangedAt, string ChangedBy, string Field, string? From, string? To);

    /// <summary>
    /// The person's settings: <c>pathway</c> and <c>stage</c> as chosen (null: the assessment and the diary decide),
    /// and the default agreed pain level of the pathway the plan is on.
    /// </summary>
    public sealed record SettingsView(
        string? Pathway, string? Stage, string? StageSince, int? AgreedPainLevel, int DefaultAgreedPainLevel,
        IReadOnlyDictionary<string, DoseOverride> Doses, string? SafetyCheckedAt, IReadOnlyList<ChangeView> History);

    public static RouteGroupBuilder MapPlanApi(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/plan");
        plan.MapGet("", Get);
        plan.MapGet("/settings", GetSettings);
        plan.MapPut("/settings", PutSettings).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PlanSettingsRequest.MaxBytes));
        return api;
    }

    private static async Task<Results<Ok<PlanView>, ValidationProblem>> Get(
        ClaimsPrincipal principal, UserManager<NervewiseUser> users, PlanService plans, CancellationToken cancellationToken,
        string? stage = null, string? pathway = null)
    {
        Pathway? onPathway = null;
        if (pathway is not null)
        {
            if (!RehabNames.TryParsePathway(pathway, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pathway"] = [RehabNames.PathwayExpected] });
            }
            onPathway = parsed;
        }
        Stage? given = null;
        if (stage is not null)
        {
            if (onPathway is { } of ? !RehabNames.TryParseStage(stage, of, out var parsed) : !RehabNames.TryParseStage(stage, out parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["stage"] = [onPathway is { } named ? RehabNames.StageExpectedOf(named) : StagesExpected],
                });
            }
            given = parsed;
        }
        var view = await plans.ForAsync(users.GetUserId(principal)!, given, onPathway, cancellationToken);
        var week = view.Week.Days.Select(d => new DayView(
            d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [.. d.Sessions.Select(s => new SessionView(s.Exercise.Id, s.Exercise.Name, s.Dose.Describe(), s.Dose.Minutes, s.Dose.Sets, s.Dose.Reps,
                s.Dose.HoldSeconds, s.OwnDose, s.Logged?.Value))])).ToList();
        return TypedResults.Ok(new PlanView(PlanDocument.From(view.Result), week[0].Date, week, view.ExercisesPaused));
    }

    private static async Task<Ok<SettingsView>> GetSettings(
        ClaimsPrincipal principal, UserManager<NervewiseUser> users, PlanSettingsStore store, SafetyService safety, PlanService plans,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await SettingsAsync(users.GetUserId(principal)!, store, safety, plans, cancellationToken));

    private static async Task<IResult> PutSettings(
        HttpRequest request, ClaimsPrincipal principal, UserManager<NervewiseUser> users, PlanSettingsStore store, SafetyService safety,
        PlanService plans, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (change, errors) = PlanSettingsRequest.Read(body);
        if (change is null)
        {
            return Refused(errors);
        }
        var owner = users.GetUserId(principal)!;
        var (_, problems) = await store.ChangeAsync(owner, PlanActor.Self(owner), change, cancellationToken);
        if (problems.Count > 0)
        {
            return Refused(problems.ToDictionary(p => p.Column, p => new[] { p.Message }));
        }
        return TypedResults.Ok(await SettingsAsync(owner, store, safety, plans, cancellationToken));
    }

    private static async Task<SettingsView> SettingsAsync(
        string owner, PlanSettingsStore store, SafetyService safety, PlanService plans, CancellationToken cancellationToken)
    {
        var settings = await store.GetAsync(owner, cancellationToken);
        var onPathway = settings.ChosenPathway ?? (await plans.ForAsync(owner, cancellationToken: cancellationToken)).Result.Pathway;
        // The last check is the safety state's: the latest checked row, or a check recorded in the settings before rows existed.
        var checkedAt = (await safety.ForAsync(owner, cancellationToken)).CheckedAt;
        var history = await store.HistoryAsync(owner, cancellationToken: cancellationToken);
        return new SettingsView(
            settings.ChosenPathway is { } pathway ? RehabNames.Of(pathway) : null,
            settings.Stage is { } stage ? RehabNames.Of(stage) : null,
            settings.StageSince is { } since ? DiaryTime.Format(since) : null,
            settings.AgreedPainLevel,
            RehabRules.Current.DefaultPainLevel(onPathway),
            settings.DoseOverrides,
            checkedAt is { } at ? DiaryTime.Format(at) : null,
            [.. history.Select(c => new ChangeView(DiaryTime.Format(c.ChangedAt), c.ChangedByRole, c.Field, c.OldValue, c.NewValue))]);
    }

    private static string StagesExpected =>
        $"must be a stage of a pathway ({string.Join("; ", RehabNames.Pathways.Select(p => $"{RehabNames.Of(p)}: {string.Join(", ", RehabNames.StageNames(p))}"))})";

    private static ValidationProblem Refused(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The plan settings were refused; nothing was changed.");
}
