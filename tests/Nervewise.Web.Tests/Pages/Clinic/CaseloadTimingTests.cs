using System.Diagnostics;
using System.Globalization;
using System.Net;
using Nervewise.Data;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Web.Tests.Support;
using Xunit.Abstractions;

namespace Nervewise.Web.Tests.Pages.Clinic;

public sealed class CaseloadTimingTestsOnSqlite(ITestOutputHelper output) : CaseloadTimingTests(DatabaseProvider.Sqlite, output);

public sealed class CaseloadTimingTestsOnPostgres(ITestOutputHelper output) : CaseloadTimingTests(DatabaseProvider.Postgres, output);

/// <summary>
/// The caseload of a clinician with 200 people, each with eight weeks of diary: the page is timed in process (the
/// server's own time, no network) and the figures written to TestResults/performance for docs/performance.md. A
/// measurement, not a test of speed: it is left out of ./test.sh (Category=Measure) and run on a quiet machine with
/// `dotnet test tests/Nervewise.Web.Tests -c Release --filter Category=Measure`. The query count, which is what keeps
/// the page flat as the caseload grows, is held by <see cref="CaseloadFilterTests"/> in every run.
/// </summary>
[Trait("Category", "Measure")]
public abstract class CaseloadTimingTests(DatabaseProvider provider, ITestOutputHelper output) : AppTest(provider)
{
    private const int People = 200;

    [Fact]
    public async Task A_caseload_of_200_people_loads_and_its_server_time_is_recorded()
    {
        var clinician = await ClinicianAsync("physio@example.com");
        await SeedAsync(await Database.IdOfAsync("physio@example.com"));

        for (var i = 0; i < 2; i++)
        {
            await LoadAsync(clinician); // warm: compiled queries, Razor, the connection pool
        }
        var times = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            var watch = Stopwatch.StartNew();
            var page = await LoadAsync(clinician);
            times.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(People, Caseloads.Order(page).Count);
        }
        times.Sort();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Database.Settings.Provider}: {People} people, {People * 64 + People / 20} diary rows; GET /clinic median {times[times.Count / 2]:0} ms, p90 {times[(int)(times.Count * 0.9)]:0} ms, max {times[^1]:0} ms ({times.Count} requests after 2 warm-ups)");
        output.WriteLine(line);
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "performance");
        Directory.CreateDirectory(folder);
        await File.AppendAllTextAsync(Path.Combine(folder, "caseload-200.txt"), $"{DateTimeOffset.UtcNow:u} {line}\n");
    }

    private static async Task<string> LoadAsync(HttpClient clinician)
    {
        var response = await clinician.GetAsync("/clinic");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>200 people straight into the database: a pain a day for eight weeks, a session most days, some flare-ups, a few warning signs.</summary>
    private async Task SeedAsync(string clinicianId)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = Database.OpenContext();
        for (var p = 0; p < People; p++)
        {
            var id = Guid.NewGuid().ToString();
            var email = $"person{p:000}@example.com";
            db.Users.Add(new NervewiseUser
            {
                Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(), DisplayName = $"Person {p:000}",
            });
            db.Shares.Add(new ShareRecord { Id = Guid.NewGuid(), PatientId = id, ClinicianId = clinicianId, CreatedAt = now.AddDays(-60) });
            for (var day = 0; day < 56; day++)
            {
                db.DiaryEntries.Add(Row(id, now.AddDays(-day).AddHours(-2), "pain", "calf", 2 + ((p + day) % 6)));
                if (day % 8 == 0)
                {
                    db.DiaryEntries.Add(Row(id, now.AddDays(-day).AddHours(-5), "exercise", "slump-slider", 2, 5));
                }
            }
            db.DiaryEntries.Add(Row(id, now.AddDays(-(p % 20)), "flare", "calf", 7));
            if (p % 20 == 0)
            {
                db.DiaryEntries.Add(Row(id, now.AddDays(-(p % 30)), "symptom", "weakness", 1));
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
