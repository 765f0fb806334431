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
/// </summary>
public class QuestionsModel(AssessmentStore store, UserManager<NervewiseUser> users) : PageModel
{
    public static AssessmentQuestionnaire Questionnaire => AssessmentQuestionnaire.Current;

    /// <summary>Posted answers, linkId to "yes", "no", a number or a code; missing or empty means not sure.</summary>
    [BindProperty(Name = "a")]
    public Dictionary<string, string?> Posted { get; set; } = [];

    [BindProperty]
    public int Step { get; set; }

    /// <summary>Part of the first run (/welcome): the last screen leads on to the first week instead of the result.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Setup { get; set; }

    public AssessmentAnswers Answers { get; private set; } = AssessmentAnswers.Empty;

    public Screen Current => Questionnaire.Screens[Step];

    public IEnumerable<QuestionItem> VisibleItems => Current.Items.Where(i => i.IsEnabled(Answers));

    /// <summary>Answers not on this screen, carried as hidden fields.</summary>
    public IEnumerable<KeyValuePair<string, Answer>> Carried =>
        Answers.All.Where(a => Questionnaire.Items[a.Key].ScreenId != Current.Id);

    public bool IsLast => NextStep(Step) is null;

    public string? Value(string linkId) =>
        Posted.TryGetValue(linkId, out var raw) ? raw
        : Answers.All.TryGetValue(linkId, out var answer) ? FormAnswers.ToForm(answer)
        : null;

    public void OnGet() => Step = 0;

    public async Task<IActionResult> OnPostAsync(string command)
    {
        Step = Math.Clamp(Step, 0, Questionnaire.Screens.Count - 1);
        var (answers, errors) = FormAnswers.Read(Posted);
        Answers = answers;
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                var question = Questionnaire.Items.TryGetValue(error.Item, out var item) ? $"“{item.Text}”" : $"'{error.Item}'";
                ModelState.AddModelError(string.Empty, $"Check your answer to {question}");
                ModelState.AddModelError($"a[{error.Item}]", char.ToUpperInvariant(error.Message[0]) + error.Message[1..] + ".");
            }
            // Show the screen with the problem, even if the post claimed another.
            Step = errors.Select(e => Questionnaire.Items.TryGetValue(e.Item, out var i) ? Questionnaire.Screens.ToList().FindIndex(s => s.Id == i.ScreenId) : -1)
                .Where(i => i >= 0).DefaultIfEmpty(Step).Min();
            return Page();
        }

        if (command == "back")
        {
            Step = PreviousStep(Step);
            return Fresh();
        }

        // Red flags win: an emergency answer ends the questionnaire at once.
        var next = NextStep(Step);
        if (next is null || AssessmentEngine.Assess(answers).Urgency == Urgency.Emergency)
        {
            var record = await store.SaveAsync(users.GetUserId(User)!, answers, HttpContext.RequestAborted);
            return Redirect(Setup ? "/welcome/first-week" : $"/assessment/{record.Id}");
        }
        Step = next.Value;
        return Fresh();
    }

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
