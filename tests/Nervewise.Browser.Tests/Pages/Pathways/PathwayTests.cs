using System.Text.Json;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Rehab;

namespace Nervewise.Browser.Tests.Pages.Pathways;

/// <summary>
/// On a 360 px phone, a person whose assessment points to the sit-bone tendon or a hamstring strain sees that
/// pathway's first week, sessions, lessons and flare-up steps, offline too (issue 14).
/// </summary>
public sealed class PathwayTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private const string Password = "slow steady progress";

    public sealed record Person(
        string Name, Dictionary<string, bool> Yes, string FirstStage, string Exercise, string Steps, string Lesson, string LessonTitle, string FlareTitle);

    private static Dictionary<string, bool> Answers(string[] yes, string[] no)
    {
        var answers = AssessmentRules.Current.RedFlags.Items.Where(r => r.Item != "progressive-weakness").ToDictionary(r => r.Item, _ => false);
        foreach (var item in yes)
        {
            answers[item] = true;
        }
        foreach (var item in no)
        {
            answers[item] = false;
        }
        return answers;
    }

    public static TheoryData<string> People => ["tendon", "muscle"];

    private static Person For(string name) => name == "tendon"
        ? new("tendon", Answers(["sit-bone-pain", "pain-sitting-on-sit-bone", "gradual-onset-load-change", "pain-loaded-hip-bend"],
                ["pins-and-needles", "numbness", "pain-below-knee", "sudden-onset-in-activity"]),
            "Holds", "Bridge hold on a step", "Step 1 of 4: Holds.", "sit-bone-tendon", "Pain at the sit bone", "Steps for a sore sit-bone tendon")
        : new("muscle", Answers(["sudden-onset-in-activity", "bruising", "local-tender-spot"], ["pins-and-needles", "numbness", "pain-below-knee"]),
            "Protect", "Heel-dig holds", "Step 1 of 5: Protect.", "hamstring-strain", "A strained hamstring", "Steps for a strained hamstring");

    private static async Task FitsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Phone.Width, $"{page.Url} is {width} px wide on a {Phone.Width} px phone.");
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task A_person_sees_their_pathways_first_week_sessions_lessons_and_flare_up_steps_on_a_phone(string name)
    {
        var person = For(name);
        var rules = RehabRules.Current;
        Assert.True(RehabNames.TryParsePathway(name, out var pathway));
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync($"{name}@example.com", Password);
        var response = await page.APIRequest.PostAsync("/api/v1/assessments", new()
        {
            Data = JsonSerializer.Serialize(person.Yes),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        });
        Assert.True(response.Status == 201, $"{response.Status}: {await response.TextAsync()}");

        // The first week: the pathway's first stage, its exercise and its ladder.
        await page.GotoAsync("/welcome/first-week");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Start with: {person.FirstStage}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(person.Exercise);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Your {rules.For(pathway).Name.ToLowerInvariant()} plan, step by step" })).ToBeVisibleAsync();
        await FitsAsync(page);
        await ScreenshotAsync(page, $"pathway-{name}-1-first-week-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start my first week" }).ClickAsync();

        // Today: the stage line, the pathway's session, and its lesson.
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/today").ToString());
        await Assertions.Expect(page.GetByText(person.Steps)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".session-list")).ToContainTextAsync(person.Exercise);
        await Assertions.Expect(page.Locator(".home-lesson").GetByRole(AriaRole.Link, new() { Name = person.LessonTitle })).ToBeVisibleAsync();
        await FitsAsync(page);
        await ScreenshotAsync(page, $"pathway-{name}-2-today-360");

        // The plan: the pathway's name and ladder, the session card with its drawing.
        await page.GotoAsync("/plan");
        await Assertions.Expect(page.Locator("p.lead")).ToContainTextAsync($"{rules.For(pathway).Name} pathway, step 1 of {RehabNames.StagesOf(pathway).Count}");
        var card = page.Locator("article.exercise-card").First;
        await Assertions.Expect(card.GetByRole(AriaRole.Heading)).ToHaveTextAsync(person.Exercise);
        Assert.True(await card.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The drawing loads.");
        await Assertions.Expect(page.Locator("ol.ladder > li")).ToHaveCountAsync(RehabNames.StagesOf(pathway).Count);
        await FitsAsync(page);
        await ScreenshotAsync(page, $"pathway-{name}-3-plan-360");

        // Lessons: the person's own source first, and a nerve-only lesson points to theirs.
        await page.GotoAsync("/lessons");
        await Assertions.Expect(page.Locator("main h2").First).ToContainTextAsync("your plan");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = person.LessonTitle })).ToBeVisibleAsync();
        await FitsAsync(page);
        await ScreenshotAsync(page, $"pathway-{name}-4-lessons-360");
        await page.GotoAsync("/lessons/graded-exposure");
        var note = page.GetByRole(AriaRole.Note).Filter(new() { HasText = "fits you better" });
        await Assertions.Expect(note).ToBeVisibleAsync();
        await note.GetByRole(AriaRole.Link, new() { Name = person.LessonTitle }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(person.LessonTitle);
        await FitsAsync(page);
        await ScreenshotAsync(page, $"pathway-{name}-5-lesson-360");

        // Flare-up help: the warning signs first, then this pathway's steps, and no nerve "pull back up the leg"; offline too.
        await page.GotoAsync("/first-aid");
        await ServiceWorkerInChargeAsync(page);
        await page.GotoAsync("/first-aid");
        await page.Context.SetOfflineAsync(true);
        var reload = await page.ReloadAsync();
        Assert.True(reload!.FromServiceWorker, "Offline, the page should come from the service worker's cache.");
        var step = page.GetByRole(AriaRole.Heading, new() { Level = 2 });
        await Assertions.Expect(step).ToHaveTextAsync("First, a quick safety check");
        await page.GetByRole(AriaRole.Button, new() { Name = "None of these", Exact = true }).ClickAsync();
        await Assertions.Expect(step).ToHaveTextAsync(person.FlareTitle);
        foreach (var line in rules.For(pathway).FlareUp)
        {
            await Assertions.Expect(page.GetByText(line, new() { Exact = true })).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.GetByText("back up your leg", new() { Exact = false })).ToHaveCountAsync(0);
        await FitsAsync(page);
        await ScreenshotAsync(page, $"pathway-{name}-6-flare-up-offline-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Assertions.Expect(step).ToHaveTextAsync("At its worst");
        await page.Context.SetOfflineAsync(false);
    }

    [Fact]
    public async Task Nerve_pain_with_a_possible_tendon_shows_the_tendons_precautions_and_the_library_groups_exercises_by_plan()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync("mixed@example.com", Password);
        var answers = Answers(["sit-bone-pain", "pain-sitting-on-sit-bone", "gradual-onset-load-change", "pain-loaded-hip-bend",
            "pins-and-needles", "pain-below-knee", "numbness", "sitting-bending-worst"], ["sudden-onset-in-activity"]);
        var assessed = await page.APIRequest.PostAsync("/api/v1/assessments", new()
        {
            Data = JsonSerializer.Serialize(answers),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        });
        Assert.Equal(201, assessed.Status);
        var settings = await page.APIRequest.PutAsync("/api/v1/plan/settings", new() { DataObject = new { stage = "tensioners" } });
        Assert.Equal(200, settings.Status);

        await page.GotoAsync("/plan");
        var personal = page.GetByRole(AriaRole.Region, new() { Name = "Made for you" });
        await Assertions.Expect(personal).ToContainTextAsync(RehabRules.Current.For(Pathway.Tendon).Precautions);
        await Assertions.Expect(page.Locator("#ex-slump-tensioner")).ToHaveCountAsync(0);
        await FitsAsync(page);
        await ScreenshotAsync(page, "pathway-mixed-plan-360");

        await page.GotoAsync("/plan/training");
        var library = page.GetByRole(AriaRole.Region, new() { Name = "Every exercise, by plan" });
        await Assertions.Expect(library.Locator("details").First).ToHaveAttributeAsync("id", "library-nerve");
        await library.Locator("#library-tendon summary").ClickAsync();
        await Assertions.Expect(library.GetByRole(AriaRole.Link, new() { Name = "Slow heavy curl" })).ToBeVisibleAsync();
        await FitsAsync(page);
        await ScreenshotAsync(page, "pathway-mixed-training-library-360");
    }
}
