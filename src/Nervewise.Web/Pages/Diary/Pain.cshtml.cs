using Nervewise.Data.Diary;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Pages.Diary;

/// <summary>Log pain in two taps: where on the body map, then how much.</summary>
public class PainModel(DiaryStore store, UserManager<NervewiseUser> users, TimeProvider clock) : QuickEntryPage(store, users, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>"left" or "right" from the body map; kept at the start of the note (BodySides).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Side { get; set; }

    public BodySide? BodySide => RegionKnown && BodySides.HasSides(Region!) ? BodySides.Parse(Side) : null;

    public bool RegionKnown => Region is not null && DiaryVocabulary.Regions.Contains(Region);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(int? value)
    {
        if (!RegionKnown)
        {
            ModelState.AddModelError(string.Empty, "Choose where you feel it on the body map.");
            return Page();
        }
        // Nothing sent is not a pain of 0.
        if (value is null && ModelState.GetFieldValidationState("value") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(string.Empty, "Pain is needed: tap a number from 0 (none) to 10 (the worst).");
            return Page();
        }
        if (ChosenTime(LocalNow) is not { } time
            || !await SaveAsync(time, EntryType.Pain, Region!, value, null, BodySides.Note(BodySide, null), $"Saved: {BodySides.Place(Region!, BodySide)}, pain {value}/10{WhenSaid(time)}."))
        {
            return Page();
        }
        return Redirect("/diary/pain");
    }

    protected override string Expected(string field) =>
        field == "value" ? "Pain must be a whole number from 0 to 10" : base.Expected(field);

    protected override string FieldName(string column) => column == "value" ? "Pain" : base.FieldName(column);
}
