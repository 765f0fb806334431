using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Assessments;
using Nervewise.Data.Diary;
using Nervewise.Data.Plan;
using Nervewise.Data.Safety;
using Nervewise.Domain.Diary;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Safety;

public sealed class SafetyReadTestsOnSqlite() : SafetyReadTests(DatabaseProvider.Sqlite);

public sealed class SafetyReadTestsOnPostgres() : SafetyReadTests(DatabaseProvider.Postgres);

/// <summary>
/// The layout's one safety read (plain SQL, round 6 of issue 19) gives what EF Core's queries of the same rows give:
/// the latest of several assessments, every symptom and check row (values, offsets and zones kept) and no other row or
/// person, and a check kept in the plan settings; and nothing for a person with none of these.
/// </summary>
public abstract class SafetyReadTests(DatabaseProvider provider) : AppTest(provider)
{
    [Fact]
    public async Task The_read_gives_what_the_stored_rows_hold()
    {
        await App.Browser().RegisterAsync("ada@example.com");
        await App.Browser().RegisterAsync("bea@example.com");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();
        var ada = db.Users.Single(u => u.Email == "ada@example.com").Id;
        var bea = db.Users.Single(u => u.Email == "bea@example.com").Id;

        var empty = await SafetyRead.ReadAsync(db, ada);
        Assert.Equal(new SafetyRead.Stored(null, null, [], null), empty with { Entries = [] });
        Assert.Empty(empty.Entries);

        var store = scope.ServiceProvider.GetRequiredService<DiaryStore>();
        var at = new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.FromHours(13));
        await store.AddManyAsync(ada,
        [
            (Guid.NewGuid(), DiaryEntry.Create(at, EntryType.Symptom, "saddle-numbness", 1, null, "a note the state does not need")),
            (Guid.NewGuid(), DiaryEntry.Create(at.AddHours(5).ToOffset(TimeSpan.FromHours(-5)), EntryType.Symptom, "pins-and-needles", 3.25m, null, "")),
            (Guid.NewGuid(), DiaryEntry.Create(at.AddDays(1), EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null, "Recorded by a physio.")),
            (Guid.NewGuid(), DiaryEntry.Create(at.AddDays(2), EntryType.Pain, "posterior-thigh", 6, null, "")),
            (Guid.NewGuid(), DiaryEntry.Create(at.AddDays(2), EntryType.Flare, "calf", 8, 30, "")),
        ]);
        await store.AddManyAsync(bea, [(Guid.NewGuid(), DiaryEntry.Create(at, EntryType.Symptom, "bladder-bowel-change", 1, null, ""))]);
        foreach (var (taken, answers) in new[] { (at.AddDays(-3), """{"a":1}"""), (at.AddDays(3), """{"latest":true}"""), (at, """{"b":2}""") })
        {
            db.Assessments.Add(new AssessmentRecord
            {
                Id = Guid.NewGuid(), UserId = ada, TakenAt = taken.ToUniversalTime(), AnswersJson = answers, ResultJson = "{}",
                PrimarySource = "nerve", Urgency = "routine", QuestionnaireVersion = "test",
            });
        }
        db.PlanSettings.Add(new PlanSettingsRecord
        {
            UserId = ada, DosesJson = "{}", SafetyCheckedAt = at.AddDays(4).ToUniversalTime(), UpdatedAt = at.ToUniversalTime(), UpdatedById = ada, Version = Guid.NewGuid(),
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var read = await SafetyRead.ReadAsync(db, ada);

        var latest = await db.Assessments.AsNoTracking().Where(a => a.UserId == ada).OrderByDescending(a => a.TakenAt).FirstAsync();
        Assert.Equal(latest.TakenAt, read.AssessmentTakenAt);
        Assert.Equal("""{"latest":true}""", read.AnswersJson);
        Assert.Equal(at.AddDays(4), read.LegacyCheck);
        var rows = await db.DiaryEntries.AsNoTracking().Where(e => e.UserId == ada && StoredSafety.EntryTypes.Contains(e.Type)).ToListAsync();
        Assert.Equal(3, rows.Count);
        Assert.Equal(
            rows.Select(r => r.ToEntry()).Select(Key).Order(),
            read.Entries.Select(Key).Order());
        // An instant and its own offset, as the page shows it.
        Assert.Contains(read.Entries, e => e.Time == at.AddHours(5) && e.Time.Offset == TimeSpan.FromHours(-5) && e.Value == 3.25m);
    }

    private static string Key(DiaryEntry e) => $"{e.Time:O} {e.Type} {e.Item} {e.Value}";
}
