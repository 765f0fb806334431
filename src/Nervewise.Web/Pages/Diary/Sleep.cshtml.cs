using Nervewise.Data.Diary;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Pages.Diary;

/// <summary>Last night's sleep in hours. Poor sleep makes nerves more sensitive.</summary>
public class SleepModel(DiaryStore store, UserManager<NervewiseUser> users, TimeProvider clock) : QuickEntryPage(store, users, clock)
{
    public static readonly decimal[] Hours = [4, 5, 6, 7, 8, 9, 10];

    [BindProperty] public decimal? Slept { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The night began roughly this many hours before now.
        var start = Slept is { } hours and >= 0 and <= 24 ? LocalNow.AddHours(-(double)hours) : LocalNow;
        return await SaveAsync(start, EntryType.Sleep, "night", Slept, null, null, $"Saved: {Slept} hours of sleep.")
            ? Redirect("/diary/sleep")
            : Page();
    }

    protected override string Expected(string field) =>
        field == "Slept" ? "Hours slept must be a number such as 7 or 7.5" : base.Expected(field);

    protected override string FieldName(string column) => column == "value" ? "Hours slept" : base.FieldName(column);
}
