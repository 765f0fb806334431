using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;
using Xunit.Abstractions;

namespace Nervewise.Browser.Tests.Accessibility;

/// <summary>
/// axe-core over every page of the app (src/Nervewise.Web/Pages), at 360 px and 1280 px, with real data in it,
/// and over the states a person reaches by tapping: the open menu, forms with errors, saved notices, alerts.
/// Not audited: /plan/calendar.ics, the CSV, FHIR and PDF downloads (not HTML).
/// </summary>
public sealed class AccessibilityTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium)
{
    private const string Password = "slow steady progress";

    private readonly AccessibilityAudit _audit = new(output);

    /// <summary>Every page's route, as its @page line has it, that the tests below visit.</summary>
    internal static readonly string[] Audited =
    [
        "/", "/Error", "/status/{code:int}", "/first-aid", "/lessons", "/lessons/{slug}",
        "/account/sign-in", "/account/register", "/account/sign-out", "/account/denied", "/account", "/account/change-password",
        "/account/data/{handler?}", "/account/delete", "/account/deleted",
        "/welcome", "/welcome/first-week", "/today", "/assessment", "/assessment/questions", "/assessment/{id:guid}", "/checkin",
        "/diary", "/diary/pain", "/diary/activity", "/diary/session", "/diary/sleep", "/diary/{id:guid}/edit",
        "/diary/import/{handler?}", "/diary/timeline", "/diary/triggers",
        "/plan", "/plan/exercise/{id}", "/plan/training", "/plan/settings", "/plan/news", "/report", "/sharing",
        "/clinic", "/clinic/patients/{id}", "/clinic/patients/{id}/report", "/clinic/patients/{id}/diary", "/clinic/patients/{id}/assessments/{n:int}", "/safety/check",
        "/account/two-factor", "/account/two-factor/setup", "/account/sign-in/code",
        "/account/forgot-password", "/account/check-email", "/account/confirm-email", "/account/reset-password",
        // Audited in Smart/FhirClientLaunchTests: it opens only for a registered app's authorize request.
        "/connect/authorize",
    ];

    /// <summary>Not HTML, so not audited: a calendar file.</summary>
    internal static readonly string[] NotPages = ["/plan/calendar.ics"];

    [Fact]
    public async Task Pages_open_to_everyone_have_no_serious_accessibility_problems()
    {
        var page = await OpenAsync(Phone);
        await VisitAsync(page, "/", "home");
        await MenuOpenAsync(page, "home");

        await VisitAsync(page, "/lessons", "lessons");
        var lessons = await HrefsAsync(page, ".lesson-list a");
        Assert.NotEmpty(lessons);
        foreach (var lesson in lessons)
        {
            await VisitAsync(page, lesson, lesson);
        }

        await FirstAidAsync(page);

        await VisitAsync(page, "/account/deleted", "account deleted");
        await VisitAsync(page, "/account/sign-in", "sign in");
        await new SignInPage(page).SignInAsync("nobody@example.com", "not the right one");
        await Assertions.Expect(new SignInPage(page).Error).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "sign in, refused");

        // Register is being rebuilt elsewhere: audited here, its findings reported rather than fixed in this change.
        await VisitAsync(page, "/account/register", "register");
        await page.GetByLabel("Email").FillAsync("not an email");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error:not(:empty)").First).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "register, with errors");

        // Registration by email (ADR 17): check your email, the confirmation page, a forgotten password, its reset page.
        await VisitAsync(page, "/account/register", "register, again");
        await new RegisterPage(page).SubmitAsync("audit@example.com", Password);
        await _audit.BothWidthsAsync(page, "check your email");
        var confirm = Nervewise.Testing.Mailbox.Link(await Mailbox.NewestToAsync("audit@example.com"));
        await VisitAsync(page, confirm.PathAndQuery, "confirm your email");
        await VisitAsync(page, "/account/confirm-email", "confirm your email, no link");
        await VisitAsync(page, "/account/forgot-password", "forgot password");
        await page.GetByLabel("Email").FillAsync("audit@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await _audit.BothWidthsAsync(page, "forgot password, sent");
        var reset = Nervewise.Testing.Mailbox.Link(await Mailbox.NewestToAsync("audit@example.com", 2));
        await VisitAsync(page, reset.PathAndQuery, "reset password");
        await VisitAsync(page, "/account/reset-password", "reset password, no link");

        await VisitAsync(page, "/status/404", "status 404");
        await VisitAsync(page, "/status/400", "status 400");
        await VisitAsync(page, "/Error", "error");

        // The service worker's own page, for a page it cannot show offline.
        await ServiceWorkerInChargeAsync(page);
        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/lessons");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are offline");
        await _audit.BothWidthsAsync(page, "offline");
        await page.Context.SetOfflineAsync(false);

        // The audit itself sees a fault: a field with no label, added to a page that has none.
        await page.GotoAsync("/status/404");
        await page.EvaluateAsync("() => document.querySelector('main').append(document.createElement('input'))");
        Assert.Contains(await Axe.CheckAsync(page), f => f.Rule == "label" && f.Impact == "critical");

        _audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task A_persons_pages_with_eight_weeks_of_data_have_no_serious_accessibility_problems()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync("runner@example.com", Password);
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await AuditData.SeedAsync(page);
        output.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s.");

        await VisitAsync(page, "/welcome", "welcome");
        await VisitAsync(page, "/welcome/first-week", "first week");
        await VisitAsync(page, "/today", "today");
        await MenuOpenAsync(page, "today");

        await VisitAsync(page, "/assessment", "assessment");
        await Assertions.Expect(page.Locator("figure.chart svg[role=img]")).ToBeVisibleAsync();
        await QuestionsAsync(page);

        await VisitAsync(page, "/diary", "diary");
        await VisitAsync(page, "/diary?page=2", "diary, page 2");
        await VisitAsync(page, $"/diary?day={DateTimeOffset.UtcNow.AddDays(-3):yyyy-MM-dd}", "diary, one day");
        await VisitAsync(page, "/diary/pain", "log pain");
        await VisitAsync(page, "/diary/pain?region=calf#score", "log pain, calf chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "4", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved");
        await _audit.HereAsync(page, "log pain, saved @360");
        await VisitAsync(page, "/diary/activity", "log activity");
        await VisitAsync(page, "/diary/session", "log session");
        await VisitAsync(page, "/diary/sleep", "log sleep");

        var entry = await AuditData.NewestEntryAsync(page);
        await VisitAsync(page, $"/diary/{entry}/edit", "edit entry");
        await page.GetByLabel("When").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("When: enter the date and time");
        await _audit.BothWidthsAsync(page, "edit entry, with errors");

        await VisitAsync(page, "/diary/import", "import");
        await page.GetByLabel("Diary file (.csv)").SetInputFilesAsync(new FilePayload
        {
            Name = "diary.csv", MimeType = "text/csv", Buffer = "not,a,diary\n1,2,3\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was imported");
        await _audit.BothWidthsAsync(page, "import, refused");

        await VisitAsync(page, "/diary/timeline?weeks=12", "timeline");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Worst pain each day" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "a11y-timeline-360");
        await VisitAsync(page, "/diary/triggers", "triggers");

        // The seeded diary has a check-in this week, so the page shows it as saved; "Check in again" opens the form.
        await VisitAsync(page, "/checkin", "check-in, this week's saved");
        await VisitAsync(page, "/checkin?again=true", "check-in");
        foreach (var group in await page.Locator(".checkin-form fieldset").AllAsync())
        {
            await group.Locator("input[type=radio]").Nth(3).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my check-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ideas to try this week" })).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "check-in, saved");

        await VisitAsync(page, "/plan", "plan");
        await page.Locator(".exercise-card .how summary").First.ClickAsync();
        await _audit.HereAsync(page, "plan, how-to open @360");
        var exercises = await HrefsAsync(page, "a[href^='/plan/exercise/']");
        await VisitAsync(page, "/plan/training", "training");
        exercises = [.. exercises.Concat(await HrefsAsync(page, "a[href^='/plan/exercise/']")).Distinct()];
        Assert.NotEmpty(exercises);
        foreach (var exercise in exercises)
        {
            await VisitAsync(page, exercise, exercise);
        }
        await VisitAsync(page, "/plan/settings", "plan settings");

        await VisitAsync(page, "/report", "report");
        await VisitAsync(page, "/sharing", "sharing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make an invite code" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-invite-code]")).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "sharing, invite made");

        await VisitAsync(page, "/account", "account");
        await VisitAsync(page, "/account/change-password", "change password");
        await page.GetByLabel("Current password").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error:not(:empty), [role=alert]").First).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "change password, with errors");
        await VisitAsync(page, "/account/data", "download your data");
        await VisitAsync(page, "/account/delete", "delete account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and data" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error:not(:empty)").First).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "delete account, with errors");
        await VisitAsync(page, "/account/sign-out", "sign out");
        await page.GotoAsync("/no-such-page");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("We couldn't find that page");
        await _audit.BothWidthsAsync(page, "404");

        await page.GotoAsync("/clinic");
        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This page isn't available to you");
        await _audit.BothWidthsAsync(page, "clinic, denied to a person");

        // Last, as it changes the plan: a warning sign takes over the result page.
        var emergency = await AuditData.AssessmentAsync(page, """{"bladder-bowel-change": true}""");
        await VisitAsync(page, $"/assessment/{emergency}", "assessment result, emergency");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await page.GetByText("The rest of your result, for after you have been seen").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What may be causing your pain" })).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "assessment result, emergency, the rest opened");
        await VisitAsync(page, "/plan", "plan, get checked");
        await VisitAsync(page, "/today", "today, emergency card");
        await VisitAsync(page, "/safety/check", "record a check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Tick the box" })).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "record a check, not confirmed");

        _audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task A_clinicians_pages_have_no_serious_accessibility_problems()
    {
        var person = await OpenAsync(Phone);
        await person.GotoAsync("/account/register");
        await new RegisterPage(person).RegisterAsync("runner@example.com", Password, "Robin Runner");
        await AuditData.SeedAsync(person);
        await person.GotoAsync("/sharing");
        await person.GetByRole(AriaRole.Button, new() { Name = "Make an invite code" }).ClickAsync();
        var code = (await person.Locator("[data-invite-code]").InnerTextAsync()).Trim();

        var clinician = await OpenAsync(Desktop);
        await clinician.GotoAsync("/account/register");
        await new RegisterPage(clinician).RegisterAsync("physio@example.com", "careful clinical notes");
        await MakeClinicianAsync(clinician, "physio@example.com", "careful clinical notes");

        await VisitAsync(clinician, "/clinic", "caseload, empty");
        var codeBox = clinician.GetByRole(AriaRole.Textbox, new() { Name = "Invite code" });
        await codeBox.FillAsync("NOPE-NOPE");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add to my caseload" }).ClickAsync();
        await Assertions.Expect(clinician.Locator(".field-error:not(:empty), [role=alert]").First).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(clinician, "caseload, code refused");
        await codeBox.FillAsync(code);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add to my caseload" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Status)).ToContainTextAsync("now in your caseload");
        // A clinician's header has four links and no folded menu: the audit at both widths covers it.
        await _audit.BothWidthsAsync(clinician, "caseload");

        await clinician.GetByRole(AriaRole.Link, new() { Name = "Robin Runner", Exact = true }).ClickAsync();
        // Issue 17: the record is headed with the person's name, not their email.
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Robin Runner");
        await _audit.BothWidthsAsync(clinician, "patient record");
        var recordUrl = clinician.Url;
        await clinician.GetByRole(AriaRole.Link, new() { Name = "The whole diary", Exact = true }).ClickAsync();
        await clinician.GetByLabel("Type").SelectOptionAsync("pain");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Status)).ToContainTextAsync("match");
        await _audit.BothWidthsAsync(clinician, "patient diary, filtered");
        await ScreenshotAsync(clinician, "clinic-record-diary-1280");
        await clinician.GotoAsync(recordUrl);
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Every answer of the latest assessment" }).ClickAsync();
        await _audit.BothWidthsAsync(clinician, "patient assessment answers");
        await ScreenshotAsync(clinician, "clinic-record-assessment-1280");
        await clinician.GotoAsync(recordUrl);
        await clinician.GetByLabel("Add a note for").FillAsync("Keep the slider sessions short this week.");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        var plan = clinician.Locator("#plan");
        await plan.GetByText("4", new() { Exact = true }).ClickAsync();
        await plan.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await Assertions.Expect(clinician.GetByText("Plan saved.")).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(clinician, "patient record, note and plan saved");
        await ScreenshotAsync(clinician, "a11y-clinic-record-1280");

        await clinician.GetByRole(AriaRole.Link, new() { Name = "Summary for an appointment" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Robin Runner");
        await _audit.BothWidthsAsync(clinician, "patient report");
        // A clinician has no Today since issue 17: /today leads to the caseload (WorkspaceTests).

        // What the person sees once a clinician has looked and left a note.
        await VisitAsync(person, "/sharing", "sharing, with a clinician");
        await Assertions.Expect(person.GetByText("Keep the slider sessions short this week.")).ToBeVisibleAsync();
        await VisitAsync(person, "/plan/settings", "plan settings, changed by the clinician");
        await VisitAsync(person, "/today", "today, with news from the clinician");
        await VisitAsync(person, "/plan/news", "what the clinician changed or wrote");

        await TwoFactorPagesAsync(clinician);

        _audit.AssertNoSeriousViolations();
    }

    /// <summary>Two-step sign-in as a clinician has it: on, moved to a new phone, a code refused, on again, signing in.</summary>
    private async Task TwoFactorPagesAsync(IPage clinician)
    {
        await VisitAsync(clinician, "/account/two-factor", "two-step sign-in, on");
        await clinician.GetByLabel("Your password, or a code from your app").FillAsync("careful clinical notes");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Move to a new phone" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "Set up two-step sign-in", Level = 1 })).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(clinician, "two-step sign-in set-up");
        await clinician.GetByLabel("6-number code").FillAsync("12ab56");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(clinician.Locator(".field-error:not(:empty)")).ToContainTextAsync("numbers only");
        await _audit.BothWidthsAsync(clinician, "two-step sign-in set-up, code refused");
        var (key, _) = await new TwoFactorSetupPage(clinician).TurnOnAsync();
        await _audit.BothWidthsAsync(clinician, "two-step sign-in on, recovery codes");

        await new SiteHeader(clinician).SignOutAsync();
        await clinician.GotoAsync("/account/sign-in");
        await new SignInPage(clinician).SignInAsync("physio@example.com", "careful clinical notes");
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "Type the code from your app", Level = 1 })).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(clinician, "sign-in, code from the app");
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "Sign in with a recovery code", Level = 1 })).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(clinician, "sign-in, recovery code");
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Use a code from the app instead" }).ClickAsync();
        await new SignInCodePage(clinician).EnterAsync(Nervewise.Testing.Totp.Code(key));
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "Your caseload", Level = 1 })).ToBeVisibleAsync();
    }

    private async Task VisitAsync(IPage page, string path, string name)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
        await _audit.BothWidthsAsync(page, name);
    }

    /// <summary>The folded menu of a phone, opened.</summary>
    private async Task MenuOpenAsync(IPage page, string name)
    {
        var own = page.ViewportSize!;
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).Locator("summary").ClickAsync();
        await Assertions.Expect(page.Locator("details.menu[open]")).ToHaveCountAsync(1);
        await _audit.HereAsync(page, $"{name}, menu open @{Phone.Width}");
        await page.SetViewportSizeAsync(own.Width, own.Height);
    }

    private static async Task<List<string>> HrefsAsync(IPage page, string selector) =>
        [.. (await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Distinct()];

    /// <summary>Each screen of the questionnaire, one with a number refused, to the result it gives.</summary>
    private async Task QuestionsAsync(IPage page)
    {
        await page.GotoAsync("/assessment/questions");
        var refused = false;
        for (var step = 1; ; step++)
        {
            await _audit.BothWidthsAsync(page, $"questions, step {step}");
            // Safety questions start with nothing chosen: Next without a choice names them, then each is answered.
            var safety = page.Locator(".safety-question");
            if (step == 1)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
                await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
                await _audit.BothWidthsAsync(page, "questions, step 1, safety questions left open");
            }
            foreach (var question in await safety.AllAsync())
            {
                await question.GetByLabel("No", new() { Exact = true }).CheckAsync();
            }
            var number = page.Locator("input[type=number]").First;
            if (!refused && await number.CountAsync() > 0)
            {
                await number.FillAsync("-3");
                await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "See my result" })).ClickAsync();
                await Assertions.Expect(page.Locator(".field-error").First).ToBeVisibleAsync();
                await _audit.BothWidthsAsync(page, $"questions, step {step}, number refused");
                await page.Locator("input[type=number]").First.FillAsync("");
                refused = true;
            }
            var finish = page.GetByRole(AriaRole.Button, new() { Name = "See my result" });
            if (await finish.CountAsync() > 0)
            {
                await finish.ClickAsync();
                break;
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            Assert.True(step < 20, "The questionnaire did not end.");
        }
        Assert.True(refused, "No screen of the questionnaire asked for a number.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your result");
        await _audit.BothWidthsAsync(page, "assessment result");
    }

    /// <summary>Flare-up help, step by step: the safety check, the help screen for a yes, the steps and the saved note.</summary>
    private async Task FirstAidAsync(IPage page)
    {
        await VisitAsync(page, "/first-aid", "first aid, safety check");
        Task Tap(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
        await Tap("Get help for what I ticked");
        await Assertions.Expect(page.GetByText("Tick each sign you have now")).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "first aid, safety check, nothing answered");
        await page.Locator("#sign-saddle-numbness").CheckAsync();
        await Tap("Get help for what I ticked");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "first aid, emergency help");

        await page.GotoAsync("/first-aid");
        await Tap("None of these");
        await _audit.BothWidthsAsync(page, "first aid, pain before the steps");
        await Tap("Next");
        await Tap("I have changed position");
        await _audit.BothWidthsAsync(page, "first aid, movement");
        await Tap("Next");
        await Tap("Start the 20-minute timer");
        await Tap("Pause");
        await _audit.BothWidthsAsync(page, "first aid, warmth, paused");
        await Tap("Next");
        await Tap("Next");
        await Assertions.Expect(page.GetByText("Please tap the picture")).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "first aid, worst, nothing chosen");
        await page.GetByRole(AriaRole.Group, new() { Name = "How far down did it reach at its worst?" })
            .GetByRole(AriaRole.Link, new() { Name = "Back of thigh, left", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "How bad was it at its worst?" }).GetByLabel("6", new() { Exact = true }).CheckAsync();
        await _audit.BothWidthsAsync(page, "first aid, worst, chosen");
        await Tap("Next");
        await page.GetByRole(AriaRole.Group, new() { Name = "How bad is it now?" }).GetByLabel("5", new() { Exact = true }).CheckAsync();
        await _audit.BothWidthsAsync(page, "first aid, now");
        await Tap("Save my note");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Sign in to save it" })).ToBeVisibleAsync();
        await _audit.BothWidthsAsync(page, "first aid, saved");
    }
}
