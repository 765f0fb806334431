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
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.OpenServices();
        await services.InitializeDatabaseAsync();
        await using (var db = database.OpenContext())
        {
            // What EF Core leaves when the process dies between taking its lock and releasing it.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-03-01 08:00:00+00:00')");
        }

        await services.InitializeDatabaseAsync().WaitAsync(Patience);

        await using var after = database.OpenContext();
        Assert.Equal(0, await after.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync());
    }

    [Fact]
    public async Task A_start_waits_while_another_process_is_migrating()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.OpenServices();
        await services.InitializeDatabaseAsync();
        var file = database.Settings.SqliteFile!;

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
