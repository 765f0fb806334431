using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Nervewise.Testing;

namespace Nervewise.Data.Tests;

/// <summary>
/// Each SQLite migration is all-or-nothing with its history row (a start killed while migrating once left a migration's
/// first tables without its history row, and no later start could finish), and the table rebuilds inside them run with
/// foreign keys off, as they must.
/// </summary>
public sealed class SqliteAtomicMigrationTests
{
    [Fact]
    public async Task A_migration_that_stops_part_way_leaves_none_of_itself_and_the_next_start_finishes_it()
    {
        await using var database = new SqliteTestDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.Settings.SqliteFile)!);

        // Stops at AuditTrailKept's history row, its last command: by then it has added columns, filled them and
        // rebuilt two tables (the rebuilds are what EF Core ran in pieces, committing the columns before them).
        await using (var db = Context(database, new StopAt("'20261128062200_AuditTrailKept'")))
        {
            var stopped = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.MigrateAsync());
            Assert.Equal(StopAt.Message, stopped.Message);
        }

        // EF Core commits each migration with its history row: the file stands where the one before it ended.
        await using (var db = database.OpenContext())
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.EndsWith("_PlanPathway", applied[^1], StringComparison.Ordinal);
        }
        Assert.DoesNotContain("ClinicianEmail", await ColumnsAsync(database, "RecordAccessLog"));

        await using (var services = database.OpenServices())
        {
            await services.InitializeDatabaseAsync();
        }
        await using var after = database.OpenContext();
        Assert.Empty(await after.Database.GetPendingMigrationsAsync());
        Assert.Contains("ClinicianEmail", await ColumnsAsync(database, "RecordAccessLog"));
    }

    [Fact]
    public async Task Rebuilding_the_users_table_keeps_the_rows_that_point_at_it_and_leaves_foreign_keys_on()
    {
        await using var database = new SqliteTestDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.Settings.SqliteFile)!);
        await using (var db = database.OpenContext())
        {
            // Before Assessments, which rebuilds AspNetUsers: dropping the old table with foreign keys on would delete
            // each user's roles, claims and logins through their ON DELETE CASCADE.
            await db.GetService<IMigrator>().MigrateAsync("Initial");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                    "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "CreatedAt", "MustChangePassword")
                VALUES ('user-1', 'pat@example.com', 'PAT@EXAMPLE.COM', 'pat@example.com', 'PAT@EXAMPLE.COM', 1, 0, 0, 1, 0,
                    '2026-03-01 20:30:00+00:00', 0);
                INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName") VALUES ('role-1', 'patient', 'PATIENT');
                INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('user-1', 'role-1');
                INSERT INTO "AspNetUserClaims" ("UserId", "ClaimType", "ClaimValue") VALUES ('user-1', 'kind', 'kept');
                """);
        }

        await using (var services = database.OpenServices())
        {
            await services.InitializeDatabaseAsync();
        }

        await using var connection = new SqliteConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM \"AspNetUserRoles\" WHERE \"UserId\" = 'user-1'"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM \"AspNetUserClaims\" WHERE \"UserId\" = 'user-1'"));
        Assert.Null(await ScalarAsync(connection, "PRAGMA foreign_key_check"));

        // The connection that migrated went back to the pool with foreign keys on again.
        await using var db2 = database.OpenContext();
        Assert.Equal([1], await db2.Database.SqlQueryRaw<int>("PRAGMA foreign_keys").ToListAsync());
    }

    [Fact]
    public async Task No_SQLite_migration_runs_a_command_outside_its_transaction()
    {
        await using var database = new SqliteTestDatabase();
        await using var db = database.OpenContext();
        var script = db.GetService<IMigrator>().GenerateScript();

        // The only foreign-key pragmas are the two around the whole script, for someone running it by hand.
        var lines = script.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [0, lines.Length - 1],
            lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("PRAGMA foreign_keys", StringComparison.Ordinal)).Select(l => l.i));
        Assert.Contains("ef_temp_AspNetUsers", script, StringComparison.Ordinal);
    }

    private static SqliteNervewiseDbContext Context(TestDatabase database, IInterceptor interceptor) =>
        new((DbContextOptions<SqliteNervewiseDbContext>)DataServices
            .Configure(database.Settings, new DbContextOptionsBuilder<SqliteNervewiseDbContext>())
            .AddInterceptors(interceptor).Options);

    private static async Task<List<string>> ColumnsAsync(TestDatabase database, string table)
    {
        await using var connection = new SqliteConnection(database.Settings.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Fails the first command that contains a piece of text, as a kill would stop the process there.</summary>
    private sealed class StopAt(string text) : DbCommandInterceptor
    {
        public const string Message = "Stopped here on purpose.";

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            command.CommandText.Contains(text, StringComparison.Ordinal) ? throw new InvalidOperationException(Message) : result;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            new(NonQueryExecuting(command, eventData, result));
    }
}
