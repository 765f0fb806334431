using System.Diagnostics;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;

namespace Nervewise.Browser.Tests.Pages.Clinic;

/// <summary>
/// A clinician's working day at 1280 px: a caseload of a dozen people by name, one record, its summary page and the
/// summary's PDF rendered to images. The pages are found by their links, as a clinician would.
/// </summary>
public sealed class WorkspaceTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private static readonly string[] Names =
    [
        "Alex Kim", "Bea Novak", "Chidi Okafor", "Dana Ruiz", "Eli Brandt", "Fatima Haddad",
        "Gus Lindqvist", "Hana Sato", "Ivo Petrov", "Jess O'Neill", "Kofi Mensah", "Lena Vogel",
    ];

    [Fact]
    public async Task A_clinician_reads_a_caseload_by_name_opens_a_record_and_downloads_its_summary()
    {
        var page = await OpenAsync(Desktop);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync("physio@example.com", "careful clinical notes");
        await MakeClinicianAsync(page, "physio@example.com", "careful clinical notes");
        await SeedAsync("physio@example.com");

        // The caseload: a dozen names, warning signs first, and the clinic's own header on one line.
        await page.GotoAsync("/clinic");
        var rows = page.Locator("table.caseload tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(Names.Length);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("See a doctor today");
        await Assertions.Expect(page.Locator("table.caseload")).Not.ToContainTextAsync("@example.com");
        var header = page.Locator("header.clinic-header");
        await Assertions.Expect(header).ToContainTextAsync("Clinic");
        var items = header.Locator("nav li");
        var tops = await items.EvaluateAllAsync<double[]>("items => items.map(i => i.getBoundingClientRect().top)");
        Assert.True(tops.Distinct().Count() == 1, $"The header wraps: its items start at {string.Join(", ", tops)} px.");
        Assert.True((await header.BoundingBoxAsync())!.Height < 80, "The header is taller than one line of links.");
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Diary" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-filter=warning-signs] .count")).ToHaveTextAsync("2");
        await ScreenshotAsync(page, "clinic-workspace-caseload-1280");

        await page.Locator("[data-filter=warning-signs]").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await page.Locator("[data-filter=all]").ClickAsync();

        // One record, by its link; the header names the person and leads back to the record.
        var name = "Hana Sato";
        await rows.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/clinic/patients/[^/]+$"));
        var record = page.Url;
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name);
        var viewed = page.Locator("[data-viewed-person]");
        await Assertions.Expect(viewed).ToHaveTextAsync($"Record of {name}");
        await ScreenshotAsync(page, "clinic-workspace-record-1280");

        // The summary page, by its address under the record; the header still names the person.
        await page.GotoAsync(record + "/report");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(viewed).ToHaveTextAsync($"Record of {name}");
        await ScreenshotAsync(page, "clinic-workspace-summary-1280");

        // Its PDF: a PDF with at least one page, rendered to PNG to be looked at.
        var pdf = await page.APIRequest.GetAsync(record + "/report?handler=Pdf");
        Assert.Equal(200, pdf.Status);
        var bytes = await pdf.BodyAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var pngs = await RenderAsync(bytes, "clinic-workspace-summary-pdf");
        Assert.InRange(pngs.Length, 1, 2);

        // Back to the record from the header; a person's page by its address leads to the caseload, which says why.
        await viewed.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(record);
        await page.GotoAsync("/diary");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/clinic?from=person-page").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("That page belongs to a person's own record");
    }

    /// <summary>Renders each page of the PDF with pdftoppm at 60 dpi next to the screenshots; returns the images.</summary>
    private static async Task<string[]> RenderAsync(byte[] pdf, string name)
    {
        var folder = Environment.GetEnvironmentVariable("NERVEWISE_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", file, Path.Combine(folder, name)])
        {
            RedirectStandardError = true,
        })!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return Directory.GetFiles(folder, name + "-*.png");
    }

    /// <summary>A dozen people who share with the clinician, straight into the database: four weeks of pain, some flare-ups, two warning signs.</summary>
    private async Task SeedAsync(string clinicianEmail)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = Database.OpenContext();
        var clinicianId = db.Users.Single(u => u.Email == clinicianEmail).Id;
        for (var p = 0; p < Names.Length; p++)
        {
            var id = Guid.NewGuid().ToString();
            var email = $"person{p}@example.com";
            db.Users.Add(new NervewiseUser
            {
                Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(), DisplayName = Names[p],
            });
            db.Shares.Add(new ShareRecord { Id = Guid.NewGuid(), PatientId = id, ClinicianId = clinicianId, CreatedAt = now.AddDays(-40) });
            for (var day = 1; day < 30; day++)
            {
                db.DiaryEntries.Add(Row(id, now.AddDays(-day), "pain", day % 3 == 0 ? "calf" : "posterior-thigh", 2 + ((p + day) % 5)));
                if (day % 3 == 0)
                {
                    db.DiaryEntries.Add(Row(id, now.AddDays(-day).AddHours(-3), "exercise", "slump-slider", 2, 5));
                }
            }
            if (p % 4 == 1)
            {
                db.DiaryEntries.Add(Row(id, now.AddDays(-(p % 6) - 1), "flare", "calf", 7));
            }
            if (p is 3 or 7)
            {
                db.DiaryEntries.Add(Row(id, now.AddDays(-2), "symptom", p == 3 ? "foot-drop" : "weakness", 1));
            }
        }
        await db.SaveChangesAsync();
    }

    private static DiaryEntryRecord Row(string userId, DateTimeOffset at, string type, string item, decimal value, int? minutes = null) => new()
    {
        Id = Guid.NewGuid(), UserId = userId, OccurredAt = at, OffsetMinutes = 0, Type = type, Item = item, Value = value, DurationMinutes = minutes, Note = "",
        CreatedAt = at, UpdatedAt = at,
    };
}
