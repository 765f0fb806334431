using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.BadInput;

/// <summary>Sends hostile requests to the app as deployed (Production: no developer pages) and checks each answer.</summary>
internal static class WebFuzz
{
    /// <summary>A client of the app in Production, over https so its secure cookies flow as in a browser.</summary>
    public static HttpClient ProductionClient(NervewiseApp app) =>
        app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public static HttpContent Json(string body) => new StringContent(body, Encoding.UTF8, "application/json");

    public static HttpContent Bytes(byte[] body, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>Never a 5xx; a 4xx is ProblemDetails, and a 400 lists its errors under names the caller accepts.</summary>
    public static async Task<int> AssertClearAsync(HttpResponseMessage response, string sent, Func<string, bool> namesAField)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{status} for {Shorten(sent)}: {Shorten(text)}");
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(text);
            Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
            if (status == 400)
            {
                var errors = problem.RootElement.GetProperty("errors").EnumerateObject().ToList();
                Assert.NotEmpty(errors);
                Assert.All(errors, e => Assert.True(namesAField(e.Name), $"error key '{e.Name}' names no field; sent {Shorten(sent)}"));
            }
        }
        return status;
    }

    /// <summary>Rows a refused request must not change.</summary>
    public static async Task<(int Diary, int Assessments, int Settings, int Changes)> RowsAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        return (await db.DiaryEntries.CountAsync(), await db.Assessments.CountAsync(), await db.PlanSettings.CountAsync(),
            await db.PlanSettingsChanges.CountAsync());
    }

    public static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
