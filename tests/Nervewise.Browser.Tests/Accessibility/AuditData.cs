using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Nervewise.Browser.Tests.Accessibility;

/// <summary>
/// Eight weeks of a runner's record, sent through the API with the browser's own cookies, so that every chart,
/// list and table of the audited pages has something in it: pain retreating up the leg, flare-ups that follow long
/// sitting, sleep, sessions, weekly check-ins, two assessments and a plan with a session every day.
/// </summary>
internal static class AuditData
{
    public const int Weeks = 8;

    private static readonly string[] Reach = ["foot", "calf", "back-of-knee", "posterior-thigh"];
    private static readonly string[] Areas =
        ["stress", "illness", "routine", "worry", "sleep", "movement", "self-care", "recovery", "belonging", "enjoyment"];

    public static async Task SeedAsync(IPage page)
    {
        var today = DateTimeOffset.UtcNow.Date;
        for (var day = Weeks * 7 - 1; day >= 1; day--)
        {
            var date = today.AddDays(-day);
            var region = Reach[Math.Min(Reach.Length - 1, (Weeks * 7 - 1 - day) * Reach.Length / (Weeks * 7))];
            await DiaryAsync(page, Entry(date, 9, "pain", region, 2 + day % 5));
            if (day % 2 == 0)
            {
                await DiaryAsync(page, Entry(date, 7, "sleep", "night", 5 + day % 4));
            }
            if (day <= 14)
            {
                await DiaryAsync(page, Entry(date, 18, "exercise", "slump-slider", 2, minutes: 5));
            }
            if (day % 5 == 2)
            {
                // Long sitting in the afternoon, a flare-up that evening: the delayed trigger the analysis looks for.
                await DiaryAsync(page, Entry(date, 13, "activity", "sitting", 3, minutes: 150));
                await DiaryAsync(page, Entry(date, 20, "flare", region, 8, minutes: 45));
                await DiaryAsync(page, Entry(date, 21, "relief", "heat", -2, minutes: 20));
            }
            if (day % 10 == 0)
            {
                await DiaryAsync(page, Entry(date, 10, "symptom", "pins-and-needles", 3));
            }
            if (day % 7 == 0)
            {
                for (var a = 0; a < Areas.Length; a++)
                {
                    await DiaryAsync(page, Entry(date, 19, "checkin", Areas[a], (day / 7 + a) % 5));
                }
            }
        }

        await AssessmentAsync(page, """{"sit-bone-pain": true, "local-tender-spot": true, "weeks-since-onset": 2}""");
        await AssessmentAsync(page, """{"pins-and-needles": true, "pain-below-knee": true, "sitting-bending-worst": true, "weeks-since-onset": 8}""");

        // The slump slider every day, so today's plan always has a session to log.
        var settings = await page.APIRequest.PutAsync("/api/v1/plan/settings", new()
        {
            DataObject = new { doses = new Dictionary<string, object> { ["slump-slider"] = new { perWeek = 7 } } },
        });
        Assert.Equal(200, settings.Status);
    }

    /// <summary>Sends an assessment and returns its id.</summary>
    public static async Task<Guid> AssessmentAsync(IPage page, string answers)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/assessments", new()
        {
            Data = answers,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        });
        Assert.True(response.Status == 201, $"{response.Status}: {await response.TextAsync()}");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The id of the newest diary entry.</summary>
    public static async Task<Guid> NewestEntryAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/v1/diary?pageSize=1");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static object Entry(DateTimeOffset date, int hour, string type, string item, decimal value, int? minutes = null) => new
    {
        id = Guid.NewGuid(),
        time = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $"T{hour:00}:00:00+00:00",
        type,
        item,
        value,
        durationMinutes = minutes,
    };

    private static async Task DiaryAsync(IPage page, object entry)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/diary", new() { DataObject = entry });
        Assert.True(response.Status is 200 or 201, $"{response.Status}: {await response.TextAsync()}");
    }
}
