using Nervewise.Data.Diary;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Pages.Diary;

/// <summary>An activity and how long it lasted: sitting, driving, training. Nerve pain often follows hours later.</summary>
public class ActivityModel(DiaryStore store, UserManager<NervewiseUser> users, TimeProvider clock) : QuickEntryPage(store, users, clock)
{
    public static readonly int[] Durations = [15, 30, 60, 120, 240, 480];

    [BindProperty] public string? Item { get; set; }
    [BindProperty] public string? Other { get; set; }
    [BindProperty] public int? Minutes { get; set; }
    [BindProperty] public int? OtherMinutes { get; set; }
    [BindProperty] public int? Effort { get; set; }
    [BindProperty] public bool Finished { get; set; } = true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var item = string.IsNullOrWhiteSpace(Other) ? Item : Slugs.From(Other);
        var minutes = OtherMinutes ?? Minutes;
        // Logged when it ends, as people usually do; the entry's time is when it began.
        // Only a duration the diary takes moves the start back (int.MaxValue minutes is before year 1).
        // An earlier time chosen on the form is when it began.
        var now = Finished && minutes is { } m and >= 0 and <= DiaryEntry.MaxDurationMinutes ? LocalNow.AddMinutes(-m) : LocalNow;
        if (!string.IsNullOrWhiteSpace(Other) && item is "")
        {
            ModelState.AddModelError(string.Empty, "Something else: write what you did in letters or numbers, such as \"gardening\".");
            return Page();
        }
        var label = item is null ? "" : DiaryVocabulary.Words(item);
        return ChosenTime(now) is { } start
            && await SaveAsync(start, EntryType.Activity, item ?? "", Effort, minutes, null, $"Saved: {label}, {minutes} minutes{WhenSaid(start)}.")
            ? Redirect("/diary/activity")
            : Page();
    }

    protected override string Expected(string field) => field switch
    {
        "Minutes" or "OtherMinutes" => $"Minutes must be whole minutes from 0 to {DiaryEntry.MaxDurationMinutes}",
        "Effort" => "Effort must be a whole number from 0 to 10",
        "Finished" => "\"It has just finished\" must be ticked or not",
        _ => base.Expected(field),
    };

    protected override string FieldName(string column) => column == "value" ? "Effort" : base.FieldName(column);
}

public static class Slugs
{
    /// <summary>"Yoga class!" → "yoga-class": people type freely; the diary keeps slugs.</summary>
    public static string From(string text)
    {
        // "Übung" is "ubung", not "bung": accents come off before anything outside a-z and 0-9 becomes a dash.
        var plain = text.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        var chars = plain.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
