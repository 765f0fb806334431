using Nervewise.Data.Diary;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Pages.Diary;

/// <summary>A rehab session: which exercise, how long, and the highest pain during it.</summary>
public class SessionModel(DiaryStore store, UserManager<NervewiseUser> users, TimeProvider clock) : QuickEntryPage(store, users, clock)
{
    public static readonly int[] Durations = [5, 10, 15, 20, 30];

    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty] public int? Minutes { get; set; }
    [BindProperty] public int? Pain { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Only a duration the diary takes moves the start back (int.MaxValue minutes is before year 1).
        // Logged now, it has just ended; an earlier time chosen on the form is when it began.
        var now = Minutes is { } m and >= 0 and <= DiaryEntry.MaxDurationMinutes ? LocalNow.AddMinutes(-m) : LocalNow;
        var label = Item is null ? "" : DiaryVocabulary.Words(Item);
        return ChosenTime(now) is { } start
            && await SaveAsync(start, EntryType.Exercise, Item ?? "", Pain, Minutes, null, $"Saved: {label}, {Minutes} minutes, pain during {Pain}/10{WhenSaid(start)}.")
            ? Redirect("/diary/session")
            : Page();
    }

    protected override string Expected(string field) => field switch
    {
        "Minutes" => $"Minutes must be whole minutes from 0 to {DiaryEntry.MaxDurationMinutes}",
        "Pain" => "Pain during it must be a whole number from 0 to 10",
        _ => base.Expected(field),
    };

    protected override string FieldName(string column) => column == "value" ? "Pain during it" : base.FieldName(column);
}
