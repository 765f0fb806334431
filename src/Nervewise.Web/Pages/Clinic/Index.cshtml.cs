using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Domain.Clinic;
using Nervewise.Web.Clinic;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Pages.Clinic;

/// <summary>The clinician's caseload, ordered by need, and where an invite code is entered.</summary>
public partial class IndexModel(
    ClinicReader reader, CareTeamStore careTeam, UserManager<NervewiseUser> users, InviteAttemptLimiter limiter, ILogger<IndexModel> log)
    : PageModel
{
    /// <summary>
    /// One answer for every code that cannot be used, whatever the reason, so that trying codes tells nothing about
    /// which exist. The person who made the invite sees its real state on their Sharing page.
    /// </summary>
    public const string CodeDidNotWork = "Invite code: that code didn't work. Check it letter by letter (it never contains 0, O, 1 or I), or ask the person for a new one.";

    [BindProperty, Required(ErrorMessage = "Invite code: enter the 8-character code the person gave you.")]
    [Display(Name = "Invite code")]
    public string? Code { get; set; }

    [TempData] public string? Message { get; set; }

    /// <summary>The filter as the address spells it (<c>?show=warning-signs</c>); empty shows everyone.</summary>
    [BindProperty(SupportsGet = true, Name = "show")] public string? Show { get; set; }

    /// <summary>The order as the address spells it (<c>?sort=name</c>); empty orders by need.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }

    /// <summary>Set by <see cref="ClinicianPages"/> when it sent a clinician here from a person's page.</summary>
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }

    public bool Moved => From == ClinicianPages.FromPersonPage;

    /// <summary>Everyone who shares, in the chosen order, before the filter.</summary>
    public List<ClinicReader.Row> Everyone { get; private set; } = [];

    /// <summary>The rows shown: <see cref="Everyone"/> narrowed by the filter.</summary>
    public List<ClinicReader.Row> Rows { get; private set; } = [];

    public CaseloadFilter Filter { get; private set; }

    public CaseloadSort Order { get; private set; }

    /// <summary>Set when the address names a filter or an order that does not exist; the page says so and shows the default.</summary>
    public string? AddressProblem { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public int Count(CaseloadFilter filter) => Everyone.Count(r => r.Flags.Matches(filter));

    /// <summary>The address of the caseload with a filter and an order, leaving out the defaults.</summary>
    public static string Address(CaseloadFilter filter, CaseloadSort sort)
    {
        var query = new List<string>();
        if (filter != CaseloadFilter.All)
        {
            query.Add("show=" + CaseloadWords.Slug(filter));
        }
        if (sort != CaseloadSort.Need)
        {
            query.Add("sort=" + CaseloadWords.Slug(sort));
        }
        return query.Count == 0 ? "/clinic" : "/clinic?" + string.Join('&', query);
    }

    private async Task LoadAsync()
    {
        var filter = CaseloadWords.Filter(Show);
        var sort = CaseloadWords.Sort(Sort);
        AddressProblem = (filter, sort) switch
        {
            (null, _) => $"Show: there is no filter called \"{Show}\", so everyone is shown.",
            (_, null) => $"Sort: there is no order called \"{Sort}\", so the caseload is ordered by need.",
            _ => null,
        };
        Filter = filter ?? CaseloadFilter.All;
        Order = sort ?? CaseloadSort.Need;
        Everyone = ClinicReader.Sorted(await reader.CaseloadAsync(users.GetUserId(User)!, HttpContext.RequestAborted), Order);
        Rows = [.. Everyone.Where(r => r.Flags.Matches(Filter))];
    }

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        if (ModelState.IsValid)
        {
            var me = await users.GetUserAsync(User);
            if (limiter.TryAttempt(me!.Id, HttpContext) is { } wait)
            {
                return InviteAttemptLimiter.TooMany(HttpContext, wait);
            }
            var (outcome, _) = await careTeam.AcceptAsync(me.Id, me.Email ?? "", Code!, HttpContext.RequestAborted);
            if (outcome is CareTeamStore.AcceptOutcome.Accepted or CareTeamStore.AcceptOutcome.AlreadyShared)
            {
                Message = outcome == CareTeamStore.AcceptOutcome.Accepted
                    ? "Done: the person is now in your caseload."
                    : "That person already shares their record with you.";
                return Redirect("/clinic");
            }
            // The real reason goes to the log (without the code), for support; the page gives one answer.
            Refused(log, me.Id, outcome);
            ModelState.AddModelError(nameof(Code), Refusal(outcome));
        }
        await LoadAsync();
        return Page();
    }

    // Only an invite to one's own record is named: that code came from this account, so naming it tells nothing new.
    public static string Refusal(CareTeamStore.AcceptOutcome outcome) => outcome switch
    {
        CareTeamStore.AcceptOutcome.OwnRecord => "Invite code: this is an invite to your own record.",
        _ => CodeDidNotWork,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Invite code refused for account {UserId}: {Outcome}")]
    private static partial void Refused(ILogger logger, string userId, CareTeamStore.AcceptOutcome outcome);
}
