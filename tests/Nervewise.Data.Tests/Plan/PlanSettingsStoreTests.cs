using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;
using Nervewise.Testing;

namespace Nervewise.Data.Tests.Plan;

public sealed class PlanSettingsStoreTestsOnSqlite() : PlanSettingsStoreTests(DatabaseProvider.Sqlite);

public sealed class PlanSettingsStoreTestsOnPostgres() : PlanSettingsStoreTests(DatabaseProvider.Postgres);

public abstract class PlanSettingsStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = _database.OpenServices();
        await _services.InitializeDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string> PersonAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
        var user = new NervewiseUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, "long enough phrase")).Succeeded);
        return user.Id;
    }

    private PlanSettingsStore Store() => new(_database.OpenContext(), _clock);

    [Fact]
    public async Task Someone_without_settings_follows_the_diary_and_the_defaults()
    {
        var ada = await PersonAsync("ada@example.com");

        Assert.Equal(PlanSettings.None, await Store().GetAsync(ada));
        Assert.Empty(await Store().HistoryAsync(ada));
    }

    [Fact]
    public async Task A_change_is_kept_and_each_field_logged_with_who_made_it()
    {
        var ada = await PersonAsync("ada@example.com");
        var physio = await PersonAsync("physio@example.com");

        await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Stage = Stage.Sliders });
        _clock.Advance(TimeSpan.FromDays(3));
        var (settings, errors) = await Store().ChangeAsync(ada, PlanActor.Clinician(physio), s => s with
        {
            AgreedPainLevel = 4,
            Doses = new Dictionary<string, DoseOverride> { ["slump-slider"] = new(Reps: 8, PerWeek: 3) },
        });

        Assert.Empty(errors);
        var stored = await Store().GetAsync(ada);
        Assert.Equal((Stage.Sliders, 4), (stored.Stage, stored.AgreedPainLevel));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), stored.StageSince);
        Assert.Equal(new DoseOverride(Reps: 8, PerWeek: 3), stored.DoseOverrides["slump-slider"]);
        Assert.Equal(settings.DoseOverrides["slump-slider"], stored.DoseOverrides["slump-slider"]);
        var history = await Store().HistoryAsync(ada);
        Assert.Equal(
            [("doses.slump-slider", "clinician", null, "reps 8, perWeek 3"), ("agreedPainLevel", "clinician", null, "4"), ("stage", "self", null, "sliders")],
            history.Select(h => (h.Field, h.ChangedByRole, h.OldValue, h.NewValue)).OrderBy(h => h.Field == "stage").ThenByDescending(h => h.Field));
        Assert.All(history.Where(h => h.ChangedByRole == "clinician"), h => Assert.Equal(physio, h.ChangedById));
    }

    [Fact]
    public async Task A_new_stage_starts_now_and_the_same_stage_again_changes_nothing()
    {
        var ada = await PersonAsync("ada@example.com");
        await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Stage = Stage.Sliders });
        _clock.Advance(TimeSpan.FromDays(14));

        await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Stage = Stage.Sliders });
        var same = await Store().GetAsync(ada);
        await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Stage = Stage.Tensioners });
        var moved = await Store().GetAsync(ada);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), same.StageSince);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero), moved.StageSince);
        Assert.Equal(2, (await Store().HistoryAsync(ada)).Count);
    }

    [Fact]
    public async Task A_refused_change_saves_nothing_and_names_each_field()
    {
        var ada = await PersonAsync("ada@example.com");

        var (_, errors) = await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with
        {
            AgreedPainLevel = 8,
            Doses = new Dictionary<string, DoseOverride> { ["slump-slider"] = new(Minutes: 500) },
        });

        Assert.Equal(["agreedPainLevel", "doses.slump-slider.minutes"], errors.Select(e => e.Column));
        Assert.Equal(PlanSettings.None, await Store().GetAsync(ada));
        Assert.Empty(await Store().HistoryAsync(ada));
    }

    [Fact]
    public async Task One_persons_settings_never_touch_anothers()
    {
        var ada = await PersonAsync("ada@example.com");
        var eve = await PersonAsync("eve@example.com");

        await Store().ChangeAsync(eve, PlanActor.Self(eve), s => s with { AgreedPainLevel = 1 });

        Assert.Equal(PlanSettings.None, await Store().GetAsync(ada));
        Assert.Empty(await Store().HistoryAsync(ada));
        Assert.Single(await Store().HistoryAsync(eve));
    }

    [Fact]
    public async Task Two_first_changes_at_once_both_land()
    {
        var ada = await PersonAsync("ada@example.com");

        await Task.WhenAll(
            Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { AgreedPainLevel = 2 }),
            Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { SafetyCheckedAt = _clock.GetUtcNow() }));

        var stored = await Store().GetAsync(ada);
        Assert.Equal(2, stored.AgreedPainLevel);
        Assert.Equal(_clock.GetUtcNow(), stored.SafetyCheckedAt);
    }

    [Fact]
    public async Task A_person_and_their_clinician_saving_at_once_lose_neither_change()
    {
        var ada = await PersonAsync("ada@example.com");
        var physio = await PersonAsync("physio@example.com");
        await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Stage = Stage.Sliders });
        using var clinicianRead = new ManualResetEventSlim();
        using var personSaved = new ManualResetEventSlim();

        // The clinician's save reads the settings, then waits while the person's save lands, then writes.
        var clinician = Task.Run(() => Store().ChangeAsync(ada, PlanActor.Clinician(physio), s =>
        {
            clinicianRead.Set();
            personSaved.Wait(TimeSpan.FromSeconds(30));
            return s with { Doses = new Dictionary<string, DoseOverride>(s.DoseOverrides) { ["slr-slider"] = new(Reps: 6) } };
        }));
        clinicianRead.Wait(TimeSpan.FromSeconds(30));
        await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Doses = new Dictionary<string, DoseOverride> { ["slump-slider"] = new(Minutes: 8) } });
        personSaved.Set();
        await clinician;

        var stored = await Store().GetAsync(ada);
        Assert.Equal(["slr-slider", "slump-slider"], stored.DoseOverrides.Keys.Order());
        Assert.Equal(Stage.Sliders, stored.Stage);
        Assert.Equal(3, (await Store().HistoryAsync(ada)).Count);
    }

    [Fact]
    public async Task A_pathway_is_kept_with_its_stage_and_a_change_of_pathway_is_logged()
    {
        var ada = await PersonAsync("ada@example.com");
        var physio = await PersonAsync("physio@example.com");

        await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Pathway = Pathway.Tendon, Stage = Stage.Isometric });
        _clock.Advance(TimeSpan.FromDays(10));
        var (_, errors) = await Store().ChangeAsync(ada, PlanActor.Clinician(physio), s => s with { Pathway = Pathway.Muscle, Stage = Stage.Protect });

        Assert.Empty(errors);
        var stored = await Store().GetAsync(ada);
        Assert.Equal((Pathway.Muscle, Stage.Protect), (stored.Pathway, stored.Stage));
        Assert.Equal(_clock.GetUtcNow(), stored.StageSince);
        var history = (await Store().HistoryAsync(ada)).Select(h => (h.Field, h.ChangedByRole, h.OldValue, h.NewValue)).ToList();
        Assert.Equal(4, history.Count);
        Assert.Contains(("pathway", "clinician", "tendon", "muscle"), history);
        Assert.Contains(("stage", "clinician", "isometric", "protect"), history);
        Assert.Contains(("pathway", "self", null, "tendon"), history);
        Assert.Contains(("stage", "self", null, "isometric"), history);
    }

    [Fact]
    public async Task Full_training_of_another_pathway_is_a_change_of_pathway_that_starts_the_stage_again()
    {
        var ada = await PersonAsync("ada@example.com");
        await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Pathway = Pathway.Nerve, Stage = Stage.FullTraining });
        _clock.Advance(TimeSpan.FromDays(5));

        await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Pathway = Pathway.Tendon });

        var stored = await Store().GetAsync(ada);
        Assert.Equal((Pathway.Tendon, Stage.FullTraining), (stored.Pathway, stored.Stage));
        Assert.Equal(_clock.GetUtcNow(), stored.StageSince);
        var latest = (await Store().HistoryAsync(ada))[0];
        Assert.Equal(("pathway", "nerve", "tendon"), (latest.Field, latest.OldValue, latest.NewValue));
    }

    [Fact]
    public async Task A_stage_of_another_pathway_is_refused_naming_the_valid_stages_and_nothing_is_saved()
    {
        var ada = await PersonAsync("ada@example.com");

        var (_, errors) = await Store().ChangeAsync(ada, PlanActor.Self(ada), s => s with { Pathway = Pathway.Tendon, Stage = Stage.Sliders });

        var error = Assert.Single(errors);
        Assert.Equal("stage", error.Column);
        Assert.Contains("isometric, slow-heavy, energy-storage, full-training", error.Message, StringComparison.Ordinal);
        Assert.Equal(PlanSettings.None, await Store().GetAsync(ada));
        Assert.Empty(await Store().HistoryAsync(ada));
    }

    [Fact]
    public async Task Settings_saved_before_pathways_read_as_the_nerve_ladder_and_naming_it_is_no_change()
    {
        // A database at the migration before pathways, with a row that names only a stage, as older versions wrote it.
        await using var database = await TestDatabase.CreateAsync(provider);
        if (database.Settings.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        await using (var db = database.OpenContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("CareTeam");
            Assert.Contains(db.GetService<IMigrationsAssembly>().Migrations.Keys, id => id.EndsWith("_PlanPathway", StringComparison.Ordinal));
            Assert.DoesNotContain(await db.Database.GetAppliedMigrationsAsync(), id => id.EndsWith("_PlanPathway", StringComparison.Ordinal));
        }
        // The account as that version stored it: today's model has columns (a time zone, ...) the old table lacks.
        var ada = Guid.NewGuid().ToString();
        await using (var db = database.OpenContext())
        {
            var created = provider == DatabaseProvider.Sqlite ? (object)0L : _clock.GetUtcNow();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                    "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "MustChangePassword", "CreatedAt")
                VALUES ({ada}, 'ada@example.com', 'ADA@EXAMPLE.COM', 'ada@example.com', 'ADA@EXAMPLE.COM', {true},
                    {false}, {false}, {true}, 0, {false}, {created})
                """);
        }
        await using var services = database.OpenServices();
        await using (var db = database.OpenContext())
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "PlanSettings" ("UserId", "Stage", "AgreedPainLevel", "DosesJson", "UpdatedAt", "UpdatedById", "Version")
                    VALUES ({ada}, 'sliders', 4, {"{}"}, 0, {ada}, {Guid.NewGuid().ToString().ToUpperInvariant()})
                    """);
            }
            else
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "PlanSettings" ("UserId", "Stage", "AgreedPainLevel", "DosesJson", "UpdatedAt", "UpdatedById", "Version")
                    VALUES ({ada}, 'sliders', 4, {"{}"}, {_clock.GetUtcNow()}, {ada}, {Guid.NewGuid()})
                    """);
            }
        }

        await services.InitializeDatabaseAsync();
        var store = new PlanSettingsStore(database.OpenContext(), _clock);
        var before = await store.GetAsync(ada);
        await store.ChangeAsync(ada, PlanActor.Self(ada), s => s with { Pathway = Pathway.Nerve, AgreedPainLevel = 3 });
        var after = await new PlanSettingsStore(database.OpenContext(), _clock).GetAsync(ada);

        Assert.Equal((null, Stage.Sliders, Pathway.Nerve, 4), (before.Pathway, before.Stage, before.ChosenPathway, before.AgreedPainLevel));
        Assert.Equal((Pathway.Nerve, Stage.Sliders, 3), (after.Pathway, after.Stage, after.AgreedPainLevel));
        // The ladder was the nerve ladder all along: writing its name down is not logged as a move.
        Assert.Equal(["agreedPainLevel"], (await store.HistoryAsync(ada)).Select(h => h.Field));
    }
}
