using Nervewise.Data.Diary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.CheckIns;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;
using Nervewise.Web.Diary;
using Nervewise.Web.Infrastructure;
using Nervewise.Web.Safety;

namespace Nervewise.Web.Pages.Checkin;

/// <summary>
/// The vulnerability check-in: ten quick ratings, what to try for the highest, and each area's trend. While exercises
/// are paused (a warning sign at urgent or higher) no idea suggests movement, training, heat or reassurance.
/// </summary>
public partial class CheckinModel(DiaryStore store, SafetyService safety, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    public static CheckinContent Areas => CheckinContent.Current;

    /// <summary>Said for an area whose every idea waits while exercises are paused.</summary>
    public const string PausedIdea = "Ideas about movement and training wait until a doctor has seen you.";

    /// <summary>The one safety state: the card is the layout's; here it decides which ideas may be offered.</summary>
    public SafetyState Safety { get; private set; } = SafetyState.Clear;

    [BindProperty] public Guid FormId { get; set; } = Guid.NewGuid();
    [BindProperty(Name = "tz")] public int OffsetMinutes { get; set; }
    [BindProperty(Name = "s")] public Dictionary<string, int?> Scores { get; set; } = [];

    /// <summary>Set by "Save without them": the person has seen which areas they left out and saves anyway.</summary>
    [BindProperty(Name = "Partial")] public bool WithoutTheRest { get; set; }

    /// <summary>A check-in counts for a week; within it the page shows what was saved, not an empty form to fill twice.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromDays(7);

    /// <summary>The check-ins of the last 12 weeks, oldest first, each with its answers.</summary>
    public IReadOnlyList<CheckIn> History { get; private set; } = [];

    public IReadOnlyList<CheckinContent.Area> Priorities { get; private set; } = [];
    public CheckIn? Latest => History.Count > 0 ? History[^1] : null;
    public DateTimeOffset? LastDone => Latest?.At;
    public DateTimeOffset Now { get; private set; }

    /// <summary>True just after saving (for the "saved" message).</summary>
    [TempData] public bool JustSaved { get; set; }

    /// <summary>The areas left out of a form sent without "Save without them": named, and the form comes back as filled.</summary>
    public IReadOnlyList<CheckinContent.Area> Missing { get; private set; } = [];

    /// <summary>Show the saved check-in rather than the form: one was made this week, and the person did not ask for another.</summary>
    public bool ShowSaved { get; private set; }

    public async Task OnGetAsync(bool again = false)
    {
        await LoadAsync();
        ShowSaved = !again && Latest is { } latest && Now - latest.At < Fresh;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // "abc" or a number past int's range binds to null, which would quietly drop that answer: name it instead.
        if (FormFields.RefuseUnreadable(ModelState, Expected))
        {
            await LoadAsync();
            return Page();
        }
        var answered = Scores.Where(s => s.Value is not null && DiaryVocabulary.CheckinAreas.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value!.Value);
        var problems = answered.SelectMany(a => DiaryEntry.Check(EntryType.Checkin, a.Key, a.Value, null, null)).ToList();
        if (answered.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Rate at least one area, from 0 (no concern) to 4 (a big concern).");
        }
        problems.ForEach(p => ModelState.AddModelError(string.Empty, $"Check-in {p.Column} {p.Message}."));
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        Missing = [.. Areas.Areas.Where(a => !answered.ContainsKey(a.AreaId))];
        if (Missing.Count > 0 && !WithoutTheRest)
        {
            // Nothing is saved yet: the person sees what they left out and chooses to rate it or save without it.
            await LoadAsync();
            return Page();
        }

        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromMinutes(Math.Clamp(OffsetMinutes, -840, 840)));
        // One id per area, derived from the form's id: sending the form twice stores one check-in.
        var entries = answered.Select(a => (AreaId(FormId, a.Key), DiaryEntry.Create(now, EntryType.Checkin, a.Key, a.Value, null, null))).ToList();
        await store.AddManyAsync(users.GetUserId(User)!, entries, HttpContext.RequestAborted);
        JustSaved = true;
        return Redirect("/checkin#saved");
    }

    private static string Expected(string field) => field switch
    {
        "tz" => "Time zone offset must be whole minutes",
        "FormId" => "The form's id must be the one the page gave",
        _ when field.StartsWith("s[", StringComparison.Ordinal) && field.EndsWith(']') =>
            $"{Areas.Areas.FirstOrDefault(a => a.AreaId == field[2..^1])?.Label ?? "Each area"} must be a whole number from 0 (no concern) to 4 (a big concern)",
        _ => $"{field} could not be read",
    };

    /// <summary>The ideas to show for an area: all of them, or at urgent or higher only those that ask for no exercise work.</summary>
    public IReadOnlyList<string> IdeasFor(CheckinContent.Area area)
    {
        if (!Safety.PausesExercise)
        {
            return area.Ideas;
        }
        List<string> kept = [.. area.Ideas.Where(idea => !AsksForExerciseWork(idea))];
        return kept.Count > 0 ? kept : [PausedIdea];
    }

    /// <summary>
    /// Ideas that suggest movement, training or sport, heat (unsafe on numb skin), or a reassurance ("rarely damage",
    /// "it will settle") that must not sit under a warning sign. checkin-areas.json holds plain sentences, so they are
    /// recognised by these words; a test runs every idea in the file through it.
    /// </summary>
    public static bool AsksForExerciseWork(string idea) => ExerciseWork().IsMatch(idea);

    [GeneratedRegex(@"\b(walk|stroll|mov(e|es|ed|ing|ement)|train|session|exercis|stretch|mobility|run|jog|swim|cycl|class|club|practi[cs]e|sport|gym|strain|heat|damage|settle)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExerciseWork();

    private static Guid AreaId(Guid form, string area) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{form:N}/{area}")).AsSpan(0, 16));

    private async Task LoadAsync()
    {
        Safety = await safety.ForAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        Now = clock.GetUtcNow();
        var rows = (await store.AllAsync(users.GetUserId(User)!, TrendsFrom, cancellationToken: HttpContext.RequestAborted))
            .Where(r => r.Type == "checkin").Select(r => r.ToEntry());
        History = CheckIn.From(rows);
        if (Latest is { } latest)
        {
            Priorities = Areas.Priorities(latest.Scores);
        }
    }

    /// <summary>Where the trends begin: 12 weeks back.</summary>
    public DateTimeOffset TrendsFrom => Now.AddDays(-84);

    /// <summary>Where the charts start: the first check-in of the 12 weeks (no empty weeks before it), at least a week back.</summary>
    public DateTimeOffset ChartFrom => History.Count > 0 && History[0].At < Now.AddDays(-7) ? History[0].At : Now.AddDays(-7);

    /// <summary>One area's scores, oldest first, with when each was given.</summary>
    public IReadOnlyList<(DateTimeOffset At, int Score)> Trend(string area) =>
        [.. History.Where(c => c.Scores.ContainsKey(area)).Select(c => (c.At, c.Scores[area]))];

    /// <summary>A time on this page in the reader's zone: "Saturday 28 November".</summary>
    public string Day(DateTimeOffset at) => User.Zone().Local(at).ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The scale's words for a score: "3, quite a lot".</summary>
    public static string Says(int score) => $"{score}, {Areas.Scale[score].ToLowerInvariant()}";

    /// <summary>Whether an area's radio starts checked: a form that came back keeps the answers given.</summary>
    public bool Chosen(string area, int score) => Scores.TryGetValue(area, out var given) && given == score;
}
