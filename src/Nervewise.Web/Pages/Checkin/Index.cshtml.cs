using Nervewise.Data.Diary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.CheckIns;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Pages.Checkin;

/// <summary>The vulnerability check-in: ten quick ratings, what to try for the highest, and each area's trend.</summary>
public class CheckinModel(DiaryStore store, UserManager<NervewiseUser> users, TimeProvider clock) : PageModel
{
    public static CheckinContent Areas => CheckinContent.Current;

    [BindProperty] public Guid FormId { get; set; } = Guid.NewGuid();
    [BindProperty(Name = "tz")] public int OffsetMinutes { get; set; }
    [BindProperty(Name = "s")] public Dictionary<string, int?> Scores { get; set; } = [];

    /// <summary>Per area, oldest first, the scores of the last 12 weeks.</summary>
    public Dictionary<string, List<double>> Trends { get; private set; } = [];

    public IReadOnlyList<CheckinContent.Area> Priorities { get; private set; } = [];
    public DateTimeOffset? LastDone { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
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

        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromMinutes(Math.Clamp(OffsetMinutes, -840, 840)));
        // One id per area, derived from the form's id: sending the form twice stores one check-in.
        var entries = answered.Select(a => (AreaId(FormId, a.Key), DiaryEntry.Create(now, EntryType.Checkin, a.Key, a.Value, null, null))).ToList();
        await store.AddManyAsync(users.GetUserId(User)!, entries, HttpContext.RequestAborted);
        return Redirect("/checkin#ideas");
    }

    private static Guid AreaId(Guid form, string area) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{form:N}/{area}")).AsSpan(0, 16));

    private async Task LoadAsync()
    {
        var since = clock.GetUtcNow().AddDays(-84);
        var rows = (await store.AllAsync(users.GetUserId(User)!, since, cancellationToken: HttpContext.RequestAborted))
            .Where(r => r.Type == "checkin").ToList();
        Trends = DiaryVocabulary.CheckinAreas.ToDictionary(
            a => a, a => rows.Where(r => r.Item == a).Select(r => (double)(r.Value ?? 0)).ToList());
        if (rows.Count > 0)
        {
            var latest = rows.Max(r => r.OccurredAt);
            LastDone = latest;
            var scores = rows.Where(r => r.OccurredAt == latest).ToDictionary(r => r.Item, r => (int)(r.Value ?? 0));
            Priorities = Areas.Priorities(scores);
        }
    }
}
