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

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();

        // Most starts find the schema current: one read of the history instead of EF Core's migration work (its lock,
        // and a check of the model against the migrations that builds the whole model again).
        if (!await SchemaIsCurrentAsync(db, cancellationToken))
        {
            await MigrateAsync(db, settings, cancellationToken);
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer writes; the setting is kept in the file (so this is cheap),
            // but a start killed just after migrating may not have set it yet.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
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
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (await CountRolesAsync(scope.ServiceProvider.GetRequiredService<NervewiseDbContext>(), roles, cancellationToken) == Roles.All.Count)
        {
            // Both there, as on every start but the first: one query.
            return;
        }
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
    /// Whether the database has every migration of this build, read from EF Core's history table. A migration and its
    /// history row commit together, so a start killed while migrating leaves a row missing and the next start migrates.
    /// </summary>
    internal static async Task<bool> SchemaIsCurrentAsync(NervewiseDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        try
        {
            // Plain ADO.NET: on a new database the table (or on PostgreSQL the database) is missing, and EF Core would
            // log that expected failure as an error. Migrating makes both.
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            return db.Database.GetMigrations().All(applied.Contains);
        }
        catch (DbException)
        {
            return false;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    // Plain ADO.NET too: the first LINQ query of a process costs far more CPU than this whole check.
    private static async Task<long> CountRolesAsync(NervewiseDbContext db, RoleManager<IdentityRole> roles, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            var names = Roles.All.Select((role, i) => command.AddParameter("@p" + i, roles.NormalizeKey(role))).ToList();
            command.CommandText = $"SELECT COUNT(*) FROM \"AspNetRoles\" WHERE \"NormalizedName\" IN ({string.Join(", ", names)})";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Releases pooled SQLite handles so a test can delete its file.</summary>
    public static void ReleaseSqliteFiles() => SqliteConnection.ClearAllPools();

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
