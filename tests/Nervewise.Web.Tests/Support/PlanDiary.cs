using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.Support;

/// <summary>
/// The app on a fake clock, and diaries posted through the API by day number from Monday 1 March 2027 (UTC+1).
/// </summary>
public static class PlanDiary
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(1);

    public static DateTimeOffset At(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2027, 3, 1, 0, 0, 0, Offset).AddDays(day).AddHours(hour).AddMinutes(minute);

    public static WebApplicationFactory<Program> OnClock(this NervewiseApp app, TimeProvider clock) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(clock)));

    public static HttpClient Browser(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A fake clock at that local time; it hands out UTC, as the system clock does (PostgreSQL keeps only UTC).</summary>
    public static FakeTimeProvider Clock(int day, int hour) => new(At(day, hour).ToUniversalTime());

    public static void Set(this FakeTimeProvider clock, DateTimeOffset time) => clock.SetUtcNow(time.ToUniversalTime());

    /// <summary>Fetches a page for its antiforgery token, then posts the fields to one of its handlers.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> fields, string postTo)
    {
        var page = await client.GetAsync(url);
        page.EnsureSuccessStatusCode();
        var token = Forms.Token(await page.Content.ReadAsStringAsync());
        return await client.PostAsync(postTo, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    public static async Task PostAsync(this HttpClient client, DateTimeOffset time, string type, string item, decimal? value, int? minutes = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/diary", new
        {
            id = Guid.NewGuid(), time = time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), type, item, value, durationMinutes = minutes,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A week of mornings at 2/10 before day 0, then a slump slider each evening and a morning reading after each.</summary>
    public static async Task SlidersAsync(this HttpClient client, int days)
    {
        for (var day = -7; day <= days; day++)
        {
            await client.PostAsync(At(day, 8), "pain", "posterior-thigh", 2);
            if (day >= 0 && day < days)
            {
                await client.PostAsync(At(day, 18), "exercise", "slump-slider", 2, 5);
            }
        }
    }
}
