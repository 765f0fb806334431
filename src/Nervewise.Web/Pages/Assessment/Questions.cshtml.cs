using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Data.Identity;
using Nervewise.Domain.Assessment;
using Nervewise.Web.Assessment;

namespace Nervewise.Web.Pages.Assessment;

/// <summary>
/// The questionnaire, one screen at a time. The answers so far travel in the form, so there is nothing to
/// clean up if the person walks away; they are checked by the Domain when read and again when saved.
/// Safety questions start with nothing chosen and must be answered yes, no or not sure before moving on.
/// </summary>
public class QuestionsModel(AssessmentStore store, UserManager<NervewiseUser> users) : PageModel
{
    public const string ChooseOne = "Choose Yes, No or Not sure.";

    public static AssessmentQuestionnaire Questionnaire => AssessmentQuestionnaire.Current;

    /// <summary>One problem to fix: what the field says, and the summary's line naming the question.</summary>
    public sealed record Problem(string LinkId, string Message, string Summary);

    /// <summary>Posted answers, linkId to "yes", "no", "unsure", a number or a code; missing or empty means not answered.</summary>
    [BindProperty(Name = "a")]
    public Dictionary<string, string?> Posted { get; set; } = [];

    [BindProperty]
    public int Step { get; set; }

    /// <summary>Part of the first run (/welcome): the last screen leads on to the first week instead of the result.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Setup { get; set; }

    public AssessmentAnswers Answers { get; private set; } = AssessmentAnswers.Empty;

    /// <summary>Safety questions the person answered "not sure": not answers, but chosen.</summary>
    public IReadOnlySet<string> NotSure { get; private set; } = new HashSet<string>();

    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public Screen Current => Questionnaire.Screens[Step];

    public IEnumerable<QuestionItem> VisibleItems => Current.Items.Where(i => i.IsEnabled(Answers));

    public bool AsksSafety => VisibleItems.Any(i => FormAnswers.IsSafety(i.LinkId));

    /// <summary>Answers not on this screen, carried as hidden fields: linkId and form value.</summary>
    public IEnumerable<KeyValuePair<string, string>> Carried =>
        Answers.All.Where(a => Questionnaire.Items[a.Key].ScreenId != Current.Id)
            .Select(a => KeyValuePair.Create(a.Key, FormAnswers.ToForm(a.Value)))
            .Concat(NotSure.Where(i => Questionnaire.Items[i].ScreenId != Current.Id)
                .Select(i => KeyValuePair.Create(i, FormAnswers.NotSure)));

    public bool IsLast => NextStep(Step) is null;

    public string? Value(string linkId) =>
        Posted.TryGetValue(linkId, out var raw) ? raw
        : Answers.All.TryGetValue(linkId, out var answer) ? FormAnswers.ToForm(answer)
        : NotSure.Contains(linkId) ? FormAnswers.NotSure
        : null;

    public string? ErrorFor(string linkId) => Problems.FirstOrDefault(p => p.LinkId == linkId)?.Message;

    /// <summary>Where the summary's link for a question lands: its first input.</summary>
    public static string FieldId(QuestionItem item) => item.Type switch
    {
        ItemType.Integer => $"q-{item.LinkId}",
        ItemType.Boolean => $"q-{item.LinkId}-{FormAnswers.Yes}",
        _ => $"q-{item.LinkId}-{item.Options[0].Code}",
    };

    public void OnGet() => Step = 0;

    public async Task<IActionResult> OnPostAsync(string command)
    {
        Step = Math.Clamp(Step, 0, Questionnaire.Screens.Count - 1);
        var read = FormAnswers.From(Posted);
        (Answers, NotSure) = (read.Answers, read.NotSure);
        if (read.Errors.Count > 0)
        {
            return Refuse([.. read.Errors.Select(e => (e.Item, char.ToUpperInvariant(e.Message[0]) + e.Message[1..] + "."))], "Check your answer to");
        }

        if (command == "back")
        {
            Step = PreviousStep(Step);
            return Fresh();
        }

        // Red flags win: an emergency answer ends the questionnaire at once, whatever is still open.
        var next = NextStep(Step);
        if (AssessmentEngine.Assess(Answers).Urgency == Urgency.Emergency)
        {
            return await SaveAsync();
        }

        // Every safety question up to this screen needs a choice, so tapping Next can never skip them,
        // even when a post claims a later screen.
        var unchosen = Questionnaire.Screens.Take(Step + 1).SelectMany(s => s.Items)
            .Where(i => FormAnswers.IsSafety(i.LinkId) && i.IsEnabled(Answers) && !read.Chosen(i.LinkId))
            .Select(i => (i.LinkId, ChooseOne))
            .ToList();
        if (unchosen.Count > 0)
        {
            return Refuse(unchosen, "Choose Yes, No or Not sure for");
        }

        if (next is null)
        {
            return await SaveAsync();
        }
        Step = next.Value;
        return Fresh();
    }

    private async Task<IActionResult> SaveAsync()
    {
        var record = await store.SaveAsync(users.GetUserId(User)!, Answers, HttpContext.RequestAborted);
        return Redirect(Setup ? "/welcome/first-week" : $"/assessment/{record.Id}");
    }

    /// <summary>Shows the earliest screen with a problem, each problem named by its question in the summary and at the field.</summary>
    private PageResult Refuse(IReadOnlyList<(string Item, string Message)> problems, string summaryLead)
    {
        Problems = [.. problems.Select(p => new Problem(p.Item, p.Message,
            $"{summaryLead} {(Questionnaire.Items.TryGetValue(p.Item, out var known) ? $"“{known.Text}”" : $"'{p.Item}'")}"))];
        foreach (var problem in Problems)
        {
            ModelState.AddModelError($"a[{problem.LinkId}]", problem.Message);
        }
        // Show the screen with the problem, even if the post claimed another.
        Step = problems.Select(p => Questionnaire.Items.TryGetValue(p.Item, out var i) ? IndexOf(i.ScreenId) : -1)
            .Where(i => i >= 0).DefaultIfEmpty(Step).Min();
        return Page();
    }

    private static int IndexOf(string screenId) => Questionnaire.Screens.ToList().FindIndex(s => s.Id == screenId);

    // Re-render from the checked answers, not the raw post.
    private PageResult Fresh()
    {
        ModelState.Clear();
        Posted = [];
        return Page();
    }

    private int? NextStep(int step)
    {
        for (var s = step + 1; s < Questionnaire.Screens.Count; s++)
        {
            if (Questionnaire.Screens[s].Items.Any(i => i.IsEnabled(Answers)))
            {
                return s;
            }
        }
        return null;
    }

    private int PreviousStep(int step)
    {
        for (var s = step - 1; s > 0; s--)
        {
            if (Questionnaire.Screens[s].Items.Any(i => i.IsEnabled(Answers)))
            {
                return s;
            }
        }
        return 0;
    }
}
