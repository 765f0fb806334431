using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data.Identity;

namespace Nervewise.Data;

/// <summary>Brings a database up to date before use: its folder, its schema, WAL mode and the roles.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();

        if (settings.SqliteFile is { } sqliteFile)
        {
            // EF Core's SQLite migration lock is a row that a killed process leaves behind, and every later start
            // would wait for it forever. A file lock dies with its process: holding it, we are the only one
            // migrating, so a lock row found now is stale.
            await using var migrating = await SqliteMigrationLock.AcquireAsync(sqliteFile, cancellationToken);
            await SqliteMigrationLock.ClearStaleRowAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            // EF Core takes a database-wide lock here (released with the connection), so several instances
            // starting together migrate once.
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer writes; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await services.EnsureRolesAsync(cancellationToken);
    }

    /// <summary>Makes the two roles if they are missing; safe to run from several instances at once.</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                // Another instance may have made it a moment ago; that is fine.
                if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Could not create role '{role}': {Describe(result)}");
                }
            }
        }
    }

    /// <summary>Releases pooled SQLite handles so a test can delete its file.</summary>
    public static void ReleaseSqliteFiles() => SqliteConnection.ClearAllPools();

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
