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
using Nervewise.Domain.Clinic;

using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>One person's record for their clinician. Without a share it is a 404, and opening it is logged.</summary>
public class PatientModel(
    ClinicReader reader, RecordReader details, CareTeamStore careTeam, PlanSettingsStore planSettings, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    public const int Weeks = 12;

    [BindProperty, Required(ErrorMessage = "Note: write something first."), StringLength(4000, ErrorMessage = "Note: at most 4,000 characters.")]
    public string? Note { get; set; }

    [TempData] public string? Message { get; set; }

    public ClinicReader.PatientRecord Record { get; private set; } = null!;

    /// <summary>Who the person is: name, birth date, their own zone.</summary>
    public RecordReader.Person Person { get; private set; } = null!;

    /// <summary>The person's age today in their own zone, when they gave a birth date.</summary>
    public int? Age { get; private set; }

    /// <summary>The newest diary entries, for the record's short list (the diary page has them all, with filters).</summary>
    public IReadOnlyList<DiaryEntry> Recent { get; private set; } = [];

    /// <summary>Answers that changed between the assessment before the latest and the latest.</summary>
    public IReadOnlyList<RecordWords.Change> Changes { get; private set; } = [];

    /// <summary>Warning signs seen and checks recorded, newest first.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Says)> SafetyHistory { get; private set; } = [];

    public IReadOnlyList<RecordReader.Note> Notes { get; private set; } = [];

    /// <summary>Who changed the plan, by account id: their shown name.</summary>
    public IReadOnlyDictionary<string, string> ChangedBy { get; private set; } = new Dictionary<string, string>();
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
    /// <summary>Sessions logged this week and last, in the person's own days, against the plan they are on.</summary>
    public WeekSessions ThisWeek { get; private set; } = null!;
    public WeekSessions LastWeek { get; private set; } = null!;
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
        await safety.RecordCheckAsync(id, $"{Nervewise.Domain.People.PersonName.Shown(me.DisplayName, me.Email)} (clinician)", record.Safety, HttpContext.RequestAborted);
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
        var cancel = HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        Person = await details.PersonAsync(id, cancel);
        // Charts and dates are read in the clinician's own zone; adherence counts the person's own days and weeks.
        var today = User.Today(clock);
        var personToday = Person.DateOf(now);
        Age = Person.AgeOn(personToday);
        Days = Timeline.Days(record.Diary, today.AddDays(-(Weeks * 7) + 1), today, User.DateOf);
        Trend = Timeline.Trend(Days);
        AssessmentTrend = [.. record.Assessments.AsEnumerable().Reverse()
            .Select(a => new TrendChart.Point(User.Shown(a.TakenAt), AssessmentStore.Result(a)))];
        if (record.Assessments.Count > 1)
        {
            Changes = RecordWords.Changes(AssessmentStore.Answers(record.Assessments[1]), AssessmentStore.Answers(record.Assessments[0]));
        }
        var since = now.AddDays(-Weeks * 7);
        Checkins = record.Diary.Where(e => e.Type == EntryType.Checkin && e.Time >= since)
            .GroupBy(e => e.Item)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Time).Select(e => (double)(e.Value ?? 0)).ToList());
        Settings = await planSettings.GetAsync(id, cancel);
        var latest = record.Assessments.Count > 0 ? record.Assessments[0] : null;
        Plan = PlanEngine.Decide(record.Diary, Settings, now, safety: record.Safety,
            assessment: latest is null ? null : new AssessmentTaken(AssessmentStore.Answers(latest), latest.TakenAt));
        Week = WeeklyPlan.For(Plan, Settings, personToday, record.Diary, RehabRules.Current);
        ThisWeek = Adherence.Of(Week, record.Diary, Person.DateOf);
        LastWeek = Adherence.Of(WeeklyPlan.For(Plan, Settings, personToday.AddDays(-7), record.Diary, RehabRules.Current), record.Diary, Person.DateOf);
        Triggers = TriggerView.From(record.Diary);
        var changes = await planSettings.HistoryAsync(id, cancellationToken: cancel);
        History = PlanHistory.Lines(changes, RehabRules.Current);
        ChangedBy = await details.NamesAsync(changes.Select(c => c.ChangedById), cancel);
        Notes = await details.NotesAsync(id, cancel);
        Recent = [.. record.Diary.Where(e => e.Type != EntryType.Checked).TakeLast(8).Reverse()];
        SafetyHistory = SafetyLog(record, Person.Name);
        Stage ??= PlanForm.Value(Settings);
        Level ??= Settings.AgreedPainLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default";
        return true;
    }

    /// <summary>
    /// Every warning sign the record holds, from the diary and from each assessment, and every check recorded, newest
    /// first: the state above says what is in force; this says how it came to be.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset At, string Says)> SafetyLog(ClinicReader.PatientRecord record, string person)
    {
        var lines = new List<(DateTimeOffset, string)>();
        foreach (var e in record.Diary)
        {
            if (e.Type == EntryType.Checked)
            {
                lines.Add((e.Time, SafetyLines.By(e.Note, person) is { } by ? $"Check recorded by {by}" : "Check recorded"));
            }
            else if (e.Type == EntryType.Symptom && e.Value > 0 && Domain.Assessment.AssessmentRules.Current.RedFlags.Find(e.Item) is { } flag)
            {
                lines.Add((e.Time, $"Logged in the diary: {WarningSigns.Says(flag.Item)}"));
            }
        }
        foreach (var assessment in record.Assessments)
        {
            var flags = AssessmentStore.Result(assessment).RedFlags;
            if (flags.Count > 0)
            {
                lines.Add((assessment.TakenAt, "Answered yes in an assessment: " + string.Join("; ", flags.Select(f => WarningSigns.Says(f.Item)))));
            }
        }
        return [.. lines.OrderByDescending(l => l.Item1)];
    }
}
