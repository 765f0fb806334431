using Microsoft.EntityFrameworkCore;
using Nervewise.Testing;

namespace Nervewise.Data.Tests;

/// <summary>A start that is killed while migrating must not stop every later start (SQLite; PostgreSQL's lock ends with its connection).</summary>
public sealed class SqliteMigrationLockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_migration_lock_left_by_a_killed_process_does_not_stop_the_next_start()
    {
        // A database not yet migrated: a start finding its schema current does not migrate, so takes no lock.
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await using var services = database.OpenServices();
        Directory.CreateDirectory(Path.GetDirectoryName(database.Settings.SqliteFile)!);
        await using (var db = database.OpenContext())
        {
            // What EF Core leaves when the process dies between taking its lock and releasing it.
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL)");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-03-01 08:00:00+00:00')");
        }

        await services.InitializeDatabaseAsync().WaitAsync(Patience);

        await using var after = database.OpenContext();
        Assert.Equal(0, await after.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync());
    }

    [Fact]
    public async Task A_start_waits_while_another_process_is_migrating()
    {
        // Not yet migrated, as when another process is migrating to this build.
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await using var services = database.OpenServices();
        var file = database.Settings.SqliteFile!;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        Task starting;
        await using (new FileStream(file + ".migrate-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            starting = services.InitializeDatabaseAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(starting.IsCompleted, "A start went on while another process held the migration lock.");
        }

        await starting.WaitAsync(Patience);
    }
}
