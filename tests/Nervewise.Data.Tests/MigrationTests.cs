using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Testing;

namespace Nervewise.Data.Tests;

public sealed class MigrationTestsOnSqlite() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class MigrationTestsOnPostgres() : MigrationTests(DatabaseProvider.Postgres);

public abstract class MigrationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_migrations_describe_the_whole_model()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.OpenContext();

        // A model change without a migration for this provider fails here.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Initializing_twice_migrates_once_and_keeps_both_roles()
    {
        // From nothing, as a new install starts (other tests copy an already migrated database).
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var services = database.OpenServices();

        await services.InitializeDatabaseAsync();
        await services.InitializeDatabaseAsync();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var roles = await db.Roles.Select(r => r.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(["clinician", "patient"], roles);
    }

    [Fact]
    public async Task A_user_saved_through_identity_reads_back()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.OpenServices();
        await services.InitializeDatabaseAsync();
        var created = new DateTimeOffset(2026, 3, 1, 20, 30, 0, TimeSpan.Zero);

        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
            var user = new NervewiseUser { UserName = "ada@example.com", Email = "ada@example.com", CreatedAt = created, MustChangePassword = true };
            Assert.True((await users.CreateAsync(user, "long enough phrase")).Succeeded);
        }

        await using var db = database.OpenContext();
        var saved = await db.Users.SingleAsync();
        Assert.Equal("ada@example.com", saved.Email);
        Assert.Equal(created, saved.CreatedAt);
        Assert.True(saved.MustChangePassword);
    }
}

public class SqliteFileTests
{
    [Fact]
    public async Task A_new_SQLite_file_is_made_with_its_folder_and_runs_in_WAL_mode()
    {
        await using var database = new SqliteTestDatabase();
        await using var services = database.OpenServices();

        await services.InitializeDatabaseAsync();

        Assert.True(File.Exists(database.Settings.SqliteFile));
        await using var db = database.OpenContext();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", mode.Single());
    }

    [Fact]
    public async Task Every_SQLite_connection_commits_without_waiting_for_the_disk_and_waits_for_another_writer()
    {
        await using var database = new SqliteTestDatabase();
        await using var services = database.OpenServices();
        await services.InitializeDatabaseAsync();

        // Twice, so that a connection taken again from the pool is checked too.
        for (var i = 0; i < 2; i++)
        {
            await using var db = database.OpenContext();
            Assert.Equal([1], await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync()); // 1 = NORMAL
            Assert.Equal([5000], await db.Database.SqlQueryRaw<int>("PRAGMA busy_timeout").ToListAsync());
        }
    }
}
