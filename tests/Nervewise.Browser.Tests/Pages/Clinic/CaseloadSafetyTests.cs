using System.Globalization;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Clinic;

/// <summary>The clinician's caseload and record read the one safety state: urgency first, then a check recorded on the record.</summary>
public sealed class CaseloadSafetyTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    // Not "slow steady progress": with steady@example.com the strength check (the email's words count against it)
    // refuses it, as it should.
    private const string Password = "lantern over quiet hills";

    private static string Time(double daysAgo) =>
        DateTimeOffset.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task PostAsync(IPage page, object entry)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/diary", new() { DataObject = entry });
        Assert.True(response.Status is 200 or 201, $"{response.Status}: {await response.TextAsync()}");
    }

    /// <summary>A person with a few weeks of pain and, if given, one warning sign; returns their invite code.</summary>
    private async Task<string> PersonAsync(string email, string? sign, double signDaysAgo)
    {
        var page = await OpenAsync(Desktop);
        await page.GotoAsync("/account/register");
        // Named after their state ("urgent@…" is "Urgent"), so the caseload order reads as what it tests.
        await new RegisterPage(page).RegisterAsync(email, Password, char.ToUpperInvariant(email[0]) + email[1..email.IndexOf('@')]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        foreach (var daysAgo in new[] { 24, 19, 15, 11, 8, 5, 3, 1 })
        {
            await PostAsync(page, new { id = Guid.NewGuid(), time = Time(daysAgo), type = "pain", item = "posterior-thigh", value = 3 + (daysAgo % 4) });
        }
        if (sign is not null)
        {
            await PostAsync(page, new { id = Guid.NewGuid(), time = Time(signDaysAgo), type = "symptom", item = sign, value = 1 });
        }
        await page.GotoAsync("/sharing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make an invite code" }).ClickAsync();
        return (await page.Locator("[data-invite-code]").InnerTextAsync()).Trim();
    }

    [Fact]
    public async Task The_caseload_ranks_by_urgency_and_a_check_on_the_record_clears_it()
    {
        List<(string Email, string? Sign, double DaysAgo)> people =
        [
            ("steady@example.com", null, 0),
            ("soon@example.com", "weakness", 1),
            ("urgent@example.com", "unexplained-weight-loss", 2),
            ("today@example.com", "foot-drop", 6),
            ("emergency@example.com", "saddle-numbness", 60),
        ];
        var codes = new List<string>();
        foreach (var (email, sign, daysAgo) in people)
        {
            codes.Add(await PersonAsync(email, sign, daysAgo));
        }

        var clinician = await OpenAsync(Desktop);
        await clinician.GotoAsync("/account/register");
        await new RegisterPage(clinician).RegisterAsync("physio@example.com", "careful clinical notes", "Alex Kim");
        await MakeClinicianAsync(clinician, "physio@example.com", "careful clinical notes");
        foreach (var code in codes)
        {
            await clinician.GotoAsync("/clinic");
            await clinician.GetByRole(AriaRole.Textbox, new() { Name = "Invite code" }).FillAsync(code);
            await clinician.GetByRole(AriaRole.Button, new() { Name = "Add to my caseload" }).ClickAsync();
            await Assertions.Expect(clinician.GetByRole(AriaRole.Status)).ToContainTextAsync("now in your caseload");
        }

        var rows = clinician.Locator("table.caseload tbody tr");
        await Assertions.Expect(rows.Locator("th")).ToHaveTextAsync(
            ["Emergency", "Today", "Urgent", "Soon", "Steady"]);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Emergency");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("See a doctor today");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("See a doctor within days");
        await Assertions.Expect(rows.Nth(3)).ToContainTextAsync("Book a check");
        await Assertions.Expect(rows.Nth(4)).ToContainTextAsync("Steady");
        await ScreenshotAsync(clinician, "clinic-caseload-urgencies-1280");

        await clinician.GetByRole(AriaRole.Link, new() { Name = "Urgent", Exact = true }).ClickAsync();
        var safety = clinician.Locator("#safety");
        await Assertions.Expect(safety.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Warning signs: See a doctor within days");
        await Assertions.Expect(safety).ToContainTextAsync("Weight loss without trying (logged in the diary on");
        await Assertions.Expect(clinician.Locator("#plan")).ToContainTextAsync("Exercises are paused until a doctor has seen the person");
        await ScreenshotAsync(clinician, "clinic-record-urgent-1280");

        // Asked once to confirm; then the check is recorded and the person leaves the warning signs.
        await safety.GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tick the box to confirm");
        await clinician.Locator("#safety").GetByLabel("Yes, a doctor or physiotherapist has checked these signs with the person").CheckAsync();
        await clinician.Locator("#safety").GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();
        await Assertions.Expect(clinician.GetByText("Check recorded.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(clinician.Locator("#safety")).ToContainTextAsync("by Alex Kim (clinician).");
        await ScreenshotAsync(clinician, "clinic-record-checked-1280");

        // Now among the steady, newest entry (the check) first.
        await clinician.GotoAsync("/clinic");
        await Assertions.Expect(rows.Locator("th")).ToHaveTextAsync(
            ["Emergency", "Today", "Soon", "Urgent", "Steady"]);
        await Assertions.Expect(rows.Nth(3)).ToContainTextAsync("Steady");
    }
}
