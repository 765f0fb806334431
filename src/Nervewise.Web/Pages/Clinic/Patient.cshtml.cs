using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Assessment;
using Nervewise.Web.Clinic;
using Nervewise.Web.Export;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Diary;
using Nervewise.Web.Plan;
using Nervewise.Web.Safety;
using Nervewise.Domain.Safety;

using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>One person's record for their clinician. Without a share it is a 404, and opening it is logged.</summary>
public class PatientModel(
    ClinicReader reader, CareTeamStore careTeam, PlanSettingsStore planSettings, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    public const int Weeks = 12;

    [BindProperty, Required(ErrorMessage = "Note: write something first."), StringLength(4000, ErrorMessage = "Note: at most 4,000 characters.")]
    public string? Note { get; set; }

    [TempData] public string? Message { get; set; }

    public ClinicReader.PatientRecord Record { get; private set; } = null!;
    public IReadOnlyList<Timeline.Day> Days { get; private set; } = [];
    public Timeline.ReachTrend Trend { get; private set; } = new(Timeline.Direction.NotEnoughData, null, null);
    public IReadOnlyList<TrendChart.Point> AssessmentTrend { get; private set; } = [];
    public Dictionary<string, List<double>> Checkins { get; private set; } = [];
    public PlanSettings Settings { get; private set; } = PlanSettings.None;
    public PlanResult Plan { get; private set; } = null!;

    /// <summary>This week's plan, for the personal exercise list with this person's doses (cut when the plan says so).</summary>
    public WeekPlan Week { get; private set; } = null!;

    /// <summary>Who changed the plan and how, newest first, in plain words.</summary>
    public IReadOnlyList<PlanHistory.Line> History { get; private set; } = [];
    public (int Logged, int Planned) ThisWeek { get; private set; }
    public (int Logged, int Planned) LastWeek { get; private set; }
    public TriggerView Triggers { get; private set; } = null!;

    [BindProperty] public string? Stage { get; set; }
    [BindProperty] public string? Level { get; set; }

    /// <summary>The clinician's one confirmation that the warning signs shown have been checked.</summary>
    [BindProperty] public bool Confirm { get; set; }

    /// <summary>Which warning signs the page showed when the check was confirmed (<see cref="Clearing"/>).</summary>
    [BindProperty] public string? Clears { get; set; }

    public string? CheckProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The person's record as FHIR, logged as its own access.</summary>
    public async Task<IActionResult> OnGetFhirAsync(string id, [FromServices] FhirDownload fhir) =>
        await careTeam.OpenRecordAsync(users.GetUserId(User)!, id, "FHIR export", HttpContext.RequestAborted)
            ? await fhir.ForAsync(id, HttpContext.RequestAborted)
            : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(string id)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }
        if (!await careTeam.AddNoteAsync(users.GetUserId(User)!, id, Note!, HttpContext.RequestAborted))
        {
            return NotFound();
        }
        Message = "Note added. The person sees it on their Sharing page.";
        return Redirect($"/clinic/patients/{Uri.EscapeDataString(id)}#notes");
    }

    /// <summary>The clinician changes the pathway and stage, the agreed pain level and the repetitions; each change is logged with who made it.</summary>
    public async Task<IActionResult> OnPostPlanAsync(string id)
    {
        ModelState.Remove(nameof(Note)); // the note form is not part of this one
        var me = users.GetUserId(User)!;
        if (!await careTeam.HasShareAsync(me, id, HttpContext.RequestAborted))
        {
            return NotFound();
        }
        var (pathway, stage, level) = PlanForm.Read(Stage, Level, ModelState);
        // Read by hand: a bound dictionary would also pick up the other forms' fields.
        var reps = new Dictionary<string, int?>();
        foreach (var (key, value) in Request.Form.Where(f => f.Key.StartsWith("Reps[", StringComparison.Ordinal) && f.Key.EndsWith(']')))
        {
            var exercise = key["Reps[".Length..^1];
            if (string.IsNullOrWhiteSpace(value))
            {
                reps[exercise] = null;
            }
            else if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
            {
                reps[exercise] = count;
            }
            else
            {
                ModelState.AddModelError(string.Empty, $"Repetitions of {RehabRules.Current.FindExercise(exercise)?.Name.ToLowerInvariant() ?? exercise} must be a whole number.");
            }
        }
        if (ModelState.ErrorCount == 0)
        {
            var (_, errors) = await planSettings.ChangeAsync(id, PlanActor.Clinician(me), s => s with
            {
                Stage = stage,
                Pathway = pathway,
                AgreedPainLevel = level,
                Doses = WithReps(s.DoseOverrides, reps),
            }, HttpContext.RequestAborted);
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, $"{Pages.Plan.SettingsModel.FieldName(error.Column)} {error.Message}.");
            }
            if (errors.Count == 0)
            {
                Message = "Plan saved. The person sees the change in their plan.";
                return Redirect($"/clinic/patients/{Uri.EscapeDataString(id)}#plan");
            }
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    /// <summary>
    /// "A doctor or physiotherapist has checked this", recorded by the clinician: authorised and logged like every
    /// other read of the record, and it clears only the warning signs the page showed. A sign logged since the page
    /// was opened is shown first rather than cleared unseen.
    /// </summary>
    public async Task<IActionResult> OnPostCheckAsync(string id, [FromServices] SafetyService safety)
    {
        ModelState.Remove(nameof(Note)); // the note form is not part of this one
        if (!Confirm)
        {
            CheckProblem = "Tick the box to confirm that a doctor or physiotherapist has checked these signs with the person.";
            return await LoadAsync(id) ? Page() : NotFound();
        }
        var me = await users.GetUserAsync(User);
        if (await reader.OpenAsync(me!.Id, id, "recorded a check of warning signs", HttpContext.RequestAborted) is not { } record)
        {
            return NotFound();
        }
        if (!record.Safety.NeedsHelp)
        {
            Message = "No warning signs were waiting for a check, so nothing was recorded.";
            return Redirect($"/clinic/patients/{Uri.EscapeDataString(id)}#safety");
        }
        if (Clears != Clearing(record.Safety))
        {
            CheckProblem = "The warning signs changed since this page was opened. Look at them below, then confirm again.";
            return await LoadAsync(id) ? Page() : NotFound();
        }
        await safety.RecordCheckAsync(id, $"{me.Email} (clinician)", record.Safety, HttpContext.RequestAborted);
        Message = "Check recorded. The person's plan carries on from where it stopped; a new warning sign raises it again at once.";
        return Redirect($"/clinic/patients/{Uri.EscapeDataString(id)}#safety");
    }

    /// <summary>Names the warning signs in force and when each was seen, so a check clears only what was shown.</summary>
    public static string Clearing(SafetyState state) =>
        string.Join(",", state.Reasons.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Item}@{r.Time.UtcTicks}")));

    /// <summary>Repetitions per exercise: a number sets the person's own dose, an empty box returns to the plan's.</summary>
    private static Dictionary<string, DoseOverride> WithReps(IReadOnlyDictionary<string, DoseOverride> current, Dictionary<string, int?> reps)
    {
        var doses = current.ToDictionary(d => d.Key, d => d.Value);
        foreach (var (exercise, value) in reps)
        {
            var dose = (doses.TryGetValue(exercise, out var existing) ? existing : new DoseOverride()) with { Reps = value };
            if (dose == new DoseOverride())
            {
                doses.Remove(exercise);
            }
            else
            {
                doses[exercise] = dose;
            }
        }
        return doses;
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await reader.OpenAsync(users.GetUserId(User)!, id, "record", HttpContext.RequestAborted) is not { } record)
        {
            return false;
        }
        Record = record;
        // The clinician reads in their own zone: their today, each entry on the date their zone gives it.
        var today = User.Today(clock);
        Days = Timeline.Days(record.Diary, today.AddDays(-(Weeks * 7) + 1), today, User.DateOf);
        Trend = Timeline.Trend(Days);
        AssessmentTrend = [.. record.Assessments.AsEnumerable().Reverse()
            .Select(a => new TrendChart.Point(User.Shown(a.TakenAt), AssessmentStore.Result(a)))];
        var since = clock.GetUtcNow().AddDays(-Weeks * 7);
        Checkins = record.Diary.Where(e => e.Type == EntryType.Checkin && e.Time >= since)
            .GroupBy(e => e.Item)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Time).Select(e => (double)(e.Value ?? 0)).ToList());
        Settings = await planSettings.GetAsync(id, HttpContext.RequestAborted);
        var latest = record.Assessments.Count > 0 ? record.Assessments[0] : null;
        Plan = PlanEngine.Decide(record.Diary, Settings, clock.GetUtcNow(), safety: record.Safety,
            assessment: latest is null ? null : new AssessmentTaken(AssessmentStore.Answers(latest), latest.TakenAt));
        Week = WeeklyPlan.For(Plan, Settings, today, record.Diary, RehabRules.Current);
        ThisWeek = Adherence(Week, record.Diary);
        LastWeek = Adherence(WeeklyPlan.For(Plan, Settings, today.AddDays(-7), record.Diary, RehabRules.Current), record.Diary);
        Triggers = TriggerView.From(record.Diary);
        History = PlanHistory.Lines(await planSettings.HistoryAsync(id, cancellationToken: HttpContext.RequestAborted), RehabRules.Current);
        Stage ??= PlanForm.Value(Settings);
        Level ??= Settings.AgreedPainLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default";
        return true;
    }

    /// <summary>
    /// Sessions of the pathway's own exercises logged in the week against those planned: each exercise counts the
    /// days it was logged, on any day of the week, up to the times it was planned. Last week is counted against the
    /// plan the person is on now, so sessions of a pathway they have left do not count.
    /// </summary>
    public static (int Logged, int Planned) Adherence(WeekPlan week, IEnumerable<DiaryEntry> diary)
    {
        var planned = week.Days.SelectMany(d => d.Sessions).GroupBy(s => s.Exercise.Id).ToDictionary(g => g.Key, g => g.Count());
        var first = week.Monday;
        var last = week.Monday.AddDays(6);
        var logged = diary.Where(e => e.Type == EntryType.Exercise && planned.ContainsKey(e.Item))
            .Select(e => (e.Item, Date: DateOnly.FromDateTime(e.Time.DateTime)))
            .Where(e => e.Date >= first && e.Date <= last)
            .Distinct()
            .GroupBy(e => e.Item)
            .Sum(g => Math.Min(g.Count(), planned[g.Key]));
        return (logged, planned.Values.Sum());
    }
}
