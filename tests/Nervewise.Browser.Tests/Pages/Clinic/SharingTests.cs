using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Clinic;

public sealed class SharingTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_person_shares_and_the_clinician_finds_them_in_the_caseload_and_opens_the_record()
    {
        var person = await OpenAsync(Phone);
        await person.GotoAsync("/account/register");
        await new RegisterPage(person).RegisterAsync("runner@example.com", "slow steady progress", "Robin Runner");
        await person.GotoAsync("/diary/pain");
        await person.GetByRole(AriaRole.Link, new() { Name = "Calf, left", Exact = true }).ClickAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "5", Exact = true }).ClickAsync();

        await new SiteHeader(person).GoToAsync("Sharing");
        await person.GetByRole(AriaRole.Button, new() { Name = "Make an invite code" }).ClickAsync();
        var code = (await person.Locator("[data-invite-code]").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        await ScreenshotAsync(person, "sharing-code-360");

        var clinician = await OpenAsync(Desktop);
        await clinician.GotoAsync("/account/register");
        await new RegisterPage(clinician).RegisterAsync("physio@example.com", "careful clinical notes", "Alex Kim");
        await MakeClinicianAsync(clinician, "physio@example.com", "careful clinical notes");
        await new SiteHeader(clinician).GoToAsync("Caseload");
        await clinician.GetByRole(AriaRole.Textbox, new() { Name = "Invite code" }).FillAsync(code.ToLowerInvariant());
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add to my caseload" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Status)).ToContainTextAsync("now in your caseload");
        await ScreenshotAsync(clinician, "caseload-1280");

        await clinician.GetByRole(AriaRole.Link, new() { Name = "Robin Runner", Exact = true }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Robin Runner");
        await clinician.GetByLabel("Add a note for").FillAsync("Keep the slider sessions short this week.");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await ScreenshotAsync(clinician, "clinic-record-1280");

        // The clinician moves the person on to nerve sliders (from a list grouped by pathway) and agrees a pain level of 4.
        var plan = clinician.Locator("#plan");
        await plan.GetByLabel("Pathway and stage").SelectOptionAsync(new SelectOptionValue { Label = "Nerve pain: Nerve sliders" });
        await plan.GetByText("4", new() { Exact = true }).ClickAsync();
        await plan.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await Assertions.Expect(clinician.GetByText("Plan saved.")).ToBeVisibleAsync();
        await Assertions.Expect(plan.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Plan: Nerve pain pathway, nerve sliders");
        await Assertions.Expect(plan.Locator(".plan-history")).ToContainTextAsync("Moved to the nerve pain pathway, nerve sliders. Agreed pain level set to 4/10.");
        await ScreenshotAsync(clinician, "clinic-record-plan-1280");

        await new SiteHeader(person).GoToAsync("Plan");
        await Assertions.Expect(person.GetByRole(AriaRole.Main)).ToContainTextAsync("Nerve sliders");
        await ScreenshotAsync(person, "plan-after-clinician-360");

        // The person sees the clinician by name, and the log as one visit that opens onto every read (issue 17).
        await new SiteHeader(person).GoToAsync("Sharing");
        await Assertions.Expect(person.GetByText("Keep the slider sessions short this week.")).ToBeVisibleAsync();
        await Assertions.Expect(person.Locator("[data-access-visit]")).ToHaveCountAsync(1);
        await Assertions.Expect(person.Locator("[data-access-visit]")).ToContainTextAsync("Alex Kim");
        await person.Locator("[data-access-visit] summary").ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Table)).ToContainTextAsync("Alex Kim");
        await ScreenshotAsync(person, "sharing-log-360");

        await person.GetByRole(AriaRole.Button, new() { Name = "Stop sharing with Alex Kim" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Status)).ToContainTextAsync("Sharing stopped");
        await clinician.ReloadAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToContainTextAsync("Robin Runner");
    }
}
