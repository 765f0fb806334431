using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

/// <summary>
/// Everything the app and its libraries log, at every level down to Trace, while a person and a clinician use it and
/// send bad input: no password, no note, no diary text, no answer.
/// </summary>
public sealed class LogPrivacyTests() : AppTest(DatabaseProvider.Sqlite)
{
    private const string Password = "secret pass 8f3a91";
    private const string Note = "note-text-d41c";
    private const string ImportedNote = "imported-note-9e07";
    private const string BadNote = "refused-note-22b6";

    [Fact]
    public async Task Nothing_personal_reaches_the_logs_at_any_level()
    {
        var capture = new Capture();
        var app = App.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddLogging(logging =>
        {
            logging.AddProvider(capture);
            logging.AddFilter<Capture>(null, LogLevel.Trace);
        })));
        var client = app.Browser();

        await client.RegisterAsync("ada@example.com", Password);
        await client.SignOutAsync();
        await client.SignInAsync("ada@example.com", "wrong " + Password);
        await client.SignInAsync("ada@example.com", Password);
        using (var entry = await client.PostAsJsonAsync("/api/v1/diary", new
        {
            id = Guid.NewGuid(), time = "2026-11-20T08:00:00+01:00", type = "pain", item = "posterior-thigh", value = 7, note = Note,
        }))
        {
            entry.EnsureSuccessStatusCode();
        }
        using (await client.PostAsJsonAsync("/api/v1/diary", new { id = "not-a-guid", time = "yesterday", type = "pain", value = 99, note = BadNote }))
        {
        }
        using (await client.PostAsync("/api/v1/diary", new StringContent("{\"note\": \"" + BadNote + "\", ", Encoding.UTF8, "application/json")))
        {
        }
        using (var assessed = await client.PostAsJsonAsync("/api/v1/assessments", new Dictionary<string, object> { ["saddle-numbness"] = true }))
        {
            assessed.EnsureSuccessStatusCode();
        }
        var csv = "time,type,item,value,duration_minutes,note\n2026-11-21T09:00:00+01:00,pain,calf,4,," + ImportedNote + "\n";
        using (var form = new MultipartFormDataContent())
        {
            var page = await client.GetStringAsync("/diary/import");
            form.Add(new StringContent(Forms.Token(page)), "__RequestVerificationToken");
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "diary.csv");
            using (await client.PostAsync("/diary/import", form))
            {
            }
        }
        using (await client.GetAsync("/account/data/download"))
        {
        }
        await client.SubmitAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password, ["Input.NewPassword"] = Password + " new", ["Input.ConfirmPassword"] = Password + " new",
        });

        var logged = capture.Text();
        Assert.True(logged.Length > 1000, "The capture saw almost nothing; the test would prove nothing.");
        Assert.Contains("Microsoft.EntityFrameworkCore", logged, StringComparison.Ordinal); // SQL was logged, values were not
        foreach (var secret in new[] { Password, Note, ImportedNote, BadNote, "saddle-numbness" })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
        }
    }

    private sealed class Capture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> lines = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public string Text() => string.Join('\n', lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                lines.Enqueue($"{category} scope {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
