using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Diary;

/// <summary>
/// Change or delete one entry, with the same plain choices as the quick forms: the body map for a region, buttons for
/// pain, the activity list with "something else". The type stays. The time shows in the reader's zone; left as it was,
/// the entry keeps the offset it was written with.
/// </summary>
public class EditModel(DiaryStore store, UserManager<NervewiseUser> users, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    public DiaryEntryRecord Entry { get; private set; } = null!;
    public EntryType Type { get; private set; }

    // Nullable, so an empty field reaches the checks below with their own words, not as a binding error.
    [BindProperty] public string? Time { get; set; } = "";
    [BindProperty] public string? Item { get; set; } = "";
    /// <summary>"Something else" for an activity or an exercise, typed freely and made into a slug.</summary>
    [BindProperty] public string? Other { get; set; }
    [BindProperty] public decimal? Value { get; set; }
    /// <summary>A duration chosen from the pills; <see cref="Duration"/>, typed, wins.</summary>
    [BindProperty] public int? Minutes { get; set; }
    [BindProperty] public int? Duration { get; set; }
    [BindProperty] public string? Note { get; set; }
    /// <summary>"left" or "right" for a pain or flare row; kept at the start of the note (BodySides), shown apart from it.</summary>
    [BindProperty] public string? Side { get; set; }

    public static readonly int[] ActivityDurations = ActivityModel.Durations;
    public static readonly int[] SessionDurations = SessionModel.Durations;

    public async Task<IActionResult> OnGetAsync(Guid id, string? region = null, string? side = null)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }
        Time = ShownTime;
        (Item, Value, Duration, Note) = (Entry.Item, Entry.Value, Entry.DurationMinutes, Entry.Note);
        if (HasRegion)
        {
            var (storedSide, text) = BodySides.Read(Note);
            (Side, Note) = (storedSide is { } known ? BodySides.Name(known) : null, text);
        }
        // The body map without script reloads the page with the region (and side) tapped.
        if (region is not null && DiaryVocabulary.Regions.Contains(region) && HasRegion)
        {
            (Item, Side) = (region, side);
        }
        // A value the pills offer is shown as a pill; anything else (a typed duration, an item of one's own) in its box.
        if (Duration is { } d && DurationChoices.Contains(d))
        {
            (Minutes, Duration) = (d, null);
        }
        if (FreeItem && !ItemChoices.Any(c => c.Value == Item))
        {
            (Other, Item) = (DiaryVocabulary.Words(Item), null);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }
        // A value that did not bind would be null here and clear the stored one: refuse it by name instead.
        if (FormFields.RefuseUnreadable(ModelState, field => field switch
        {
            "Value" => "Value must be a number such as 7 or 3.5",
            "Duration" or "Minutes" => $"Duration must be whole minutes from 0 to {DiaryEntry.MaxDurationMinutes}",
            _ => $"{field} could not be read",
        }))
        {
            return Page();
        }
        if (!DateTime.TryParseExact(Time, EntryWhen.PickFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            ModelState.AddModelError(string.Empty, "When: enter the date and time.");
            return Page();
        }
        // Checked before the offset is applied: 0001-01-01 at +01:00 is before DateTimeOffset's first instant.
        if (local.Year is < 1900 or >= 2200)
        {
            ModelState.AddModelError(string.Empty, $"Time {DiaryTime.OutOfRange}.");
            return Page();
        }
        var time = Time == ShownTime ? Entry.LocalTime : PickedTime(local);
        var item = !string.IsNullOrWhiteSpace(Other) && FreeItem ? Slugs.From(Other) : Item ?? "";
        if (!string.IsNullOrWhiteSpace(Other) && FreeItem && item.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Something else: write what it was in letters or numbers, such as \"gardening\".");
            return Page();
        }
        var duration = Duration ?? Minutes;
        var note = HasRegion ? BodySides.Note(BodySides.HasSides(item) ? BodySides.Parse(Side) : null, Note) : Note;
        var problems = DiaryEntry.Check(Type, item, Value, duration, note).ToList();
        if (DiaryEntry.CheckTime(time) is { } outOfRange)
        {
            problems.Insert(0, outOfRange);
        }
        foreach (var problem in problems)
        {
            ModelState.AddModelError(string.Empty, $"{FieldName(problem.Column)} {problem.Message}.");
        }
        if (problems.Count > 0)
        {
            return Page();
        }
        await store.UpdateAsync(users.GetUserId(User)!, id, DiaryEntry.Create(time, Type, item, Value, duration, note), HttpContext.RequestAborted);
        return Redirect($"/diary?day={time:yyyy-MM-dd}");
    }

    /// <summary>Deletes at once, and offers "Undo" on the diary for a short while (<see cref="UndoDelete.Window"/>).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var owner = users.GetUserId(User)!;
        var entry = await store.FindAsync(owner, id, HttpContext.RequestAborted);
        if (entry is not null && await store.DeleteAsync(owner, id, HttpContext.RequestAborted))
        {
            TempData[DiaryIndexModel.UndoKey] = new UndoDelete(protection, clock).Seal(owner, entry);
            TempData[DiaryIndexModel.DeletedKey] = $"Deleted: {EntryText.Describe(entry)}.";
        }
        return Redirect("/diary");
    }

    /// <summary>What was typed in a field, so a refused value is shown again rather than lost.</summary>
    public string? Typed(string field, object? value) => FormFields.Typed(ModelState, field, value);

    /// <summary>Pain and flare-ups name a body region, chosen on the body map.</summary>
    public bool HasRegion => Type is EntryType.Pain or EntryType.Flare;

    /// <summary>Activities and exercises take any slug: a list to tap, and "something else" to type.</summary>
    public bool FreeItem => Type is EntryType.Activity or EntryType.Exercise;

    /// <summary>The items offered as pills, in words.</summary>
    public IReadOnlyList<(string Value, string Label)> ItemChoices => Type switch
    {
        EntryType.Activity => [.. DiaryVocabulary.CommonActivities.Select(a => (a, Cap(DiaryVocabulary.Words(a))))],
        EntryType.Exercise => [.. DiaryVocabulary.CommonExercises.Select(e => (e, Domain.Rehab.RehabRules.Current.FindExercise(e)?.Name ?? Cap(DiaryVocabulary.Words(e))))],
        EntryType.Symptom => [.. DiaryVocabulary.Symptoms.Concat(DiaryVocabulary.RedFlagSymptoms).Select(s => (s, Cap(DiaryVocabulary.Words(s))))],
        EntryType.Relief => [.. DiaryVocabulary.Reliefs.Select(r => (r, Cap(DiaryVocabulary.Words(r))))],
        _ => [],
    };

    public IReadOnlyList<int> DurationChoices => Type switch
    {
        EntryType.Activity => ActivityDurations,
        EntryType.Exercise => SessionDurations,
        _ => [],
    };

    /// <summary>Values offered as buttons: 0–10 for pain-like scores, 0–4 for a check-in, half hours for sleep.</summary>
    public IReadOnlyList<decimal> ValueChoices
    {
        get
        {
            IEnumerable<decimal> choices = Type switch
            {
                EntryType.Pain or EntryType.Flare or EntryType.Exercise or EntryType.Symptom => Enumerable.Range(0, 11).Select(v => (decimal)v),
                EntryType.Checkin => Enumerable.Range(0, 5).Select(v => (decimal)v),
                EntryType.Sleep => SleepHours.Choices,
                _ => [],
            };
            // A stored value between the buttons (7.25 h from an import) stays choosable, so saving a note keeps it.
            return Entry.Value is { } stored && choices.Any() && !choices.Contains(stored) ? [.. choices.Append(stored).Order()] : [.. choices];
        }
    }

    public string ValueLegend => Type switch
    {
        EntryType.Pain => "How strong? 0 is none, 10 the worst.",
        EntryType.Flare => "Peak pain, 0 to 10",
        EntryType.Exercise => "Highest pain during it (0 none, 10 worst)",
        EntryType.Symptom => "How strong? 0 to 10",
        EntryType.Checkin => "How much of a concern? 0 none, 4 a big concern",
        EntryType.Sleep => "How many hours did you sleep?",
        EntryType.Activity => "How hard was it? (optional, 0 to 10)",
        EntryType.Relief => "Pain afterwards: how much lower (negative) or higher, -10 to 10",
        _ => "Value",
    };

    public static string ValueLabel(EntryType type, decimal value) =>
        type == EntryType.Sleep ? SleepHours.Short(value) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private string ShownTime => ReaderTime(Entry.OccurredAt).ToString(EntryWhen.PickFormat, CultureInfo.InvariantCulture);

    // The reader's own zone; an account without one sees the entry's own offset, as before.
    private DateTimeOffset ReaderTime(DateTimeOffset instant) => User.ZoneMissing() ? Entry.LocalTime : User.Zone().Local(instant);

    private DateTimeOffset PickedTime(DateTime local) => User.ZoneMissing()
        ? new DateTimeOffset(local, TimeSpan.FromMinutes(Entry.OffsetMinutes))
        : User.Zone().At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));

    private string FieldName(string column) => (Type, column) switch
    {
        (_, "duration_minutes") => "Duration",
        (EntryType.Pain or EntryType.Exercise, "value") => "Pain",
        (EntryType.Activity, "value") => "Effort",
        (EntryType.Sleep, "value") => "Hours slept",
        (EntryType.Pain or EntryType.Flare, "item") => "Where",
        (_, "item") => "What",
        _ => Cap(column.Replace('_', ' ')),
    };

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var entry = await store.FindAsync(users.GetUserId(User)!, id, HttpContext.RequestAborted);
        if (entry is null)
        {
            return NotFound();
        }
        Entry = entry;
        Type = DiaryVocabulary.TryParse(entry.Type, out var type) ? type : default;
        return null;
    }
}
