using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Nervewise.Data;

/// <summary>
/// Makes SQLite migrations all-or-nothing. EF Core rebuilds a table (to change a column or a foreign key) between
/// <c>PRAGMA foreign_keys</c> commands that SQLite ignores inside a transaction, so it commits what came before,
/// runs them outside, and begins again: a start killed in between left tables without their history rows, and every
/// later start failed ("table already exists"). Here the pragmas go, so each migration runs in one transaction with
/// its history row; <see cref="SqliteForeignKeysOffMigrator"/> turns foreign keys off around the whole run instead,
/// as the rebuild needs (with them on, dropping the old table would cascade deletes).
/// </summary>
internal sealed class SqliteAtomicMigrationsSqlGenerator(
    MigrationsSqlGeneratorDependencies dependencies,
    IRelationalAnnotationProvider annotations) : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations, IModel? model = null, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        var commands = base.Generate(operations, model, options);
        var kept = new List<MigrationCommand>(commands.Count);
        foreach (var command in commands)
        {
            if (!command.TransactionSuppressed)
            {
                kept.Add(command);
            }
            else if (!IsForeignKeysPragma(command.CommandText))
            {
                // Nothing else SQLite must run outside a transaction is used; a new kind should be looked at, not run.
                throw new InvalidOperationException(
                    $"A migration wants to run this outside a transaction, which would make it no longer all-or-nothing: {command.CommandText}");
            }
        }
        return kept;
    }

    private static bool IsForeignKeysPragma(string sql) =>
        sql.Trim().TrimEnd(';').Replace(" ", "", StringComparison.Ordinal)
            is "PRAGMAforeign_keys=0" or "PRAGMAforeign_keys=1";
}

/// <summary>
/// EF Core's migrator with foreign keys off on its connection while it migrates (see
/// <see cref="SqliteAtomicMigrationsSqlGenerator"/>), whoever calls it; the setting is put back before the connection
/// returns to the pool.
/// </summary>
#pragma warning disable EF1001 // Migrator is EF Core's own; it is wrapped, not changed, and EF Core is pinned.
internal sealed class SqliteForeignKeysOffMigrator(IServiceProvider services, IRelationalConnection connection) : IMigrator
{
    private readonly Migrator inner = ActivatorUtilities.CreateInstance<Migrator>(services);

    public void Migrate(string? targetMigration) =>
        MigrateAsync(targetMigration).GetAwaiter().GetResult();

    public async Task MigrateAsync(string? targetMigration, CancellationToken cancellationToken = default)
    {
        await connection.OpenAsync(cancellationToken);
        try
        {
            var wasOn = await ForeignKeysAsync(cancellationToken);
            await SetForeignKeysAsync(false, cancellationToken);
            try
            {
                await inner.MigrateAsync(targetMigration, cancellationToken);
            }
            finally
            {
                await RestoreForeignKeysAsync(wasOn);
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    public string GenerateScript(string? fromMigration = null, string? toMigration = null, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default) =>
        "PRAGMA foreign_keys = 0;" + Environment.NewLine + inner.GenerateScript(fromMigration, toMigration, options) +
        Environment.NewLine + "PRAGMA foreign_keys = 1;" + Environment.NewLine;

    public bool HasPendingModelChanges() => inner.HasPendingModelChanges();

    private async Task<bool> ForeignKeysAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.DbConnection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) != 0;
    }

    private async Task RestoreForeignKeysAsync(bool on)
    {
        try
        {
            await SetForeignKeysAsync(on, CancellationToken.None);
        }
        catch
        {
            // A pooled connection must never go back with foreign keys off.
            SqliteConnection.ClearPool((SqliteConnection)connection.DbConnection);
            throw;
        }
    }

    private async Task SetForeignKeysAsync(bool on, CancellationToken cancellationToken)
    {
        await using var command = connection.DbConnection.CreateCommand();
        command.CommandText = on ? "PRAGMA foreign_keys = 1" : "PRAGMA foreign_keys = 0";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
#pragma warning restore EF1001
