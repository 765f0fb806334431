using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Diary;
using Nervewise.Documents.Time;
using Nervewise.Domain.Diary;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Diary;

public sealed class TimelineQueryTestsOnSqlite() : TimelineQueryTests(DatabaseProvider.Sqlite);

public sealed class TimelineQueryTestsOnPostgres() : TimelineQueryTests(DatabaseProvider.Postgres);

/// <summary>
/// The timeline page reads its own rows and counts them by day as they come (issue 19): for a busy diary, in a zone and
/// without one, its days are exactly the days the Domain makes from every entry.
/// </summary>
public abstract class TimelineQueryTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 11, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_pages_days_are_the_domains_days()
    {
        var client = App.Browser();
        await client.RegisterAsync("busy@example.com");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();
        var userId = db.Users.Single(u => u.Email == "busy@example.com").Id;
        var store = scope.ServiceProvider.GetRequiredService<DiaryStore>();
        await store.AddManyAsync(userId, Diary(7));

        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        foreach (var zone in new[] { null, PersonZone.Find("Pacific/Auckland"), PersonZone.Find("America/New_York") })
        {
            foreach (var weeks in new[] { 2, 12, 104 })
            {
                var from = today.AddDays(-(weeks * 7) + 1);
                var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14);
                Func<DateTimeOffset, DateOnly>? dateOf = zone is null ? null : zone.DateOf;
                var all = await store.AllAsync(userId, since);

                var days = await TimelineQuery.DaysAsync(db, userId, since, from, today, dateOf);

                Assert.Equal(Timeline.Days(all.Select(r => r.ToEntry()), from, today, dateOf), days);
                Assert.Contains(days, d => d.Flares > 0);
                Assert.Contains(days, d => d.WorstPain is null);
            }
        }
    }

    private static List<(Guid, DiaryEntry)> Diary(int seed)
    {
        var random = new Random(seed);
        string[] regions = ["low-back", "buttock", "sit-bone", "posterior-thigh", "back-of-knee", "calf", "shin", "foot"];
        TimeSpan[] offsets = [TimeSpan.FromHours(13), TimeSpan.FromHours(-5), TimeSpan.Zero, TimeSpan.FromHours(1)];
        var list = new List<(Guid, DiaryEntry)>();
        for (var d = 760; d >= -1; d--)
        {
            if (random.Next(7) == 0)
            {
                continue; // a day with nothing logged
            }
            for (var k = random.Next(1, 5); k > 0; k--)
            {
                var time = Now.AddDays(-d).AddMinutes(random.Next(-720, 720)).ToOffset(offsets[random.Next(offsets.Length)]);
                var entry = random.Next(20) switch
                {
                    < 12 => DiaryEntry.Create(time, EntryType.Pain, regions[random.Next(regions.Length)],
                        random.Next(3) == 0 ? random.Next(0, 10001) / 1000m : random.Next(0, 11), null, ""),
                    < 14 => DiaryEntry.Create(time, EntryType.Flare, regions[random.Next(regions.Length)], random.Next(5, 11), random.Next(10, 200), ""),
                    < 17 => DiaryEntry.Create(time, EntryType.Activity, "sitting", null, 60, "desk"),
                    < 18 => DiaryEntry.Create(time, EntryType.Symptom, DiaryVocabulary.Symptoms[random.Next(5)], random.Next(0, 11), null, ""),
                    _ => DiaryEntry.Create(time, EntryType.Pain, "posterior-thigh", 0, null, ""),
                };
                list.Add((Guid.NewGuid(), entry));
            }
        }
        return list;
    }
}
