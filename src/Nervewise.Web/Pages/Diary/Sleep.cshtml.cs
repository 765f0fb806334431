using System.Globalization;
using Nervewise.Data.Diary;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Pages.Diary;

/// <summary>
/// A night's sleep in half hours, filed on the evening the night began: poor sleep makes nerves more sensitive, and a
/// night logged after midnight or the next morning belongs to the evening before.
/// </summary>
public class SleepModel(DiaryStore store, UserManager<NervewiseUser> users, TimeProvider clock) : QuickEntryPage(store, users, clock)
{
    [BindProperty] public decimal? Slept { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (FormFields.RefuseUnreadable(ModelState, Expected))
        {
            return Page();
        }
        if (Slept is not { } hours)
        {
            ModelState.AddModelError(string.Empty, $"Hours slept: choose how long you slept, from 0 to {SleepHours.Max} hours.");
            return Page();
        }
        if (!SleepHours.IsChoice(hours))
        {
            ModelState.AddModelError(string.Empty, $"Hours slept must be from 0 to {SleepHours.Max} in half hours, not {hours.ToString("0.##", CultureInfo.InvariantCulture)}.");
            return Page();
        }
        var (night, problem) = EntryWhen.Night(When, Pick, PersonClock);
        if (night is not { } time)
        {
            ModelState.AddModelError(string.Empty, problem!);
            return Page();
        }
        var evening = time.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
        return await SaveAsync(time, EntryType.Sleep, "night", hours, null, null, $"Saved: {SleepHours.Label(hours)} of sleep, the night that began on {evening}.")
            ? Redirect("/diary/sleep")
            : Page();
    }

    protected override string Expected(string field) =>
        field == "Slept" ? $"Hours slept must be a number from 0 to {SleepHours.Max}, such as 7 or 7.5" : base.Expected(field);

    protected override string FieldName(string column) => column == "value" ? "Hours slept" : base.FieldName(column);
}
