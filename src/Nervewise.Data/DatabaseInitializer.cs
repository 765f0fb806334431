using System.Data.Common;
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

        // Most starts find the schema current: one plain read of the history, before EF Core is even set up (ADR 34),
        // instead of EF Core's migration work (its lock, and a check of the model against the migrations).
        if (!await SchemaIsCurrentAsync(settings, cancellationToken))
        {
            await using var scope = services.CreateAsyncScope();
            await MigrateAsync(scope.ServiceProvider.GetRequiredService<NervewiseDbContext>(), settings, cancellationToken);
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer writes; the setting is kept in the file (so this is cheap),
            // but a start killed just after migrating may not have set it yet.
            await using var connection = PlainConnection.Create(settings);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await services.EnsureRolesAsync(cancellationToken);
    }

    private static async Task MigrateAsync(NervewiseDbContext db, DatabaseSettings settings, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>Makes the two roles if they are missing; safe to run from several instances at once.</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = services.CreateAsyncScope();
        if (await CountRolesAsync(scope.ServiceProvider, cancellationToken) == Roles.All.Count)
        {
            // Both there, as on every start but the first: one plain query, and EF Core not yet needed.
            return;
        }
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

    /// <summary>
    /// Whether the database has every migration of this build: the newest one in EF Core's history table
    /// (<see cref="LatestMigration"/>). A migration and its history row commit together, so a start killed while
    /// migrating leaves a row missing and the next start migrates.
    /// </summary>
    internal static async Task<bool> SchemaIsCurrentAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            // On a new database the table (or on PostgreSQL the database) is missing; migrating makes both.
            await using var connection = PlainConnection.Create(settings);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            var latest = command.AddParameter("@latest", LatestMigration.For(settings.Provider));
            command.CommandText = $"SELECT COUNT(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {latest}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 1;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static async Task<long> CountRolesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Role names are stored as Identity's normalizer writes them (RoleManager.NormalizeKey uses the same one).
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        await using var connection = PlainConnection.Create(services.GetRequiredService<DatabaseSettings>());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = Roles.All.Select((role, i) => command.AddParameter("@p" + i, normalizer.NormalizeName(role))).ToList();
        command.CommandText = $"SELECT COUNT(*) FROM \"AspNetRoles\" WHERE \"NormalizedName\" IN ({string.Join(", ", names)})";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Releases pooled SQLite handles so a test can delete its file.</summary>
    public static void ReleaseSqliteFiles() => SqliteConnection.ClearAllPools();

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
