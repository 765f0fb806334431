using Microsoft.EntityFrameworkCore;

namespace Nervewise.Data;

/// <summary>
/// Lets one process at a time migrate an SQLite file, with a lock the operating system releases when the
/// process ends, however it ends (EF Core's own lock row is not released when a process is killed).
/// </summary>
internal static class SqliteMigrationLock
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits for the lock file beside the database; disposing the stream releases it.</summary>
    public static async Task<FileStream> AcquireAsync(string databaseFile, CancellationToken cancellationToken)
    {
        var path = databaseFile + ".migrate-lock";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // FileShare.None is an exclusive lock (flock on Unix). The file stays; deleting a lock file races.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException e) when (e is not (DirectoryNotFoundException or PathTooLongException))
            {
                // Another process is migrating: wait for it, as EF Core's lock would.
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>Removes EF Core's lock row, which only a process that died while migrating can have left.</summary>
    public static async Task ClearStaleRowAsync(NervewiseDbContext db, CancellationToken cancellationToken)
    {
        var tables = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(cancellationToken);
        if (tables > 0)
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", cancellationToken);
        }
    }
}
