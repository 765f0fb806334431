using Microsoft.EntityFrameworkCore;

namespace Nervewise.Data.Tests;

/// <summary>A start sees a current schema by the newest migration alone (ADR 34): it must be the newest EF Core knows.</summary>
public class LatestMigrationTests
{
    [Fact]
    public void The_newest_sqlite_migration_is_the_one_start_up_looks_for()
    {
        using var db = new SqliteNervewiseDbContext(
            new DbContextOptionsBuilder<SqliteNervewiseDbContext>().UseSqlite("Data Source=unused.db").Options);

        Assert.True(LatestMigration.Sqlite == db.Database.GetMigrations().Last(), Mend("Sqlite", db));
    }

    [Fact]
    public void The_newest_postgres_migration_is_the_one_start_up_looks_for()
    {
        using var db = new PostgresNervewiseDbContext(
            new DbContextOptionsBuilder<PostgresNervewiseDbContext>().UseNpgsql("Host=unused").Options);

        Assert.True(LatestMigration.Postgres == db.Database.GetMigrations().Last(), Mend("Postgres", db));
    }

    private static string Mend(string engine, DbContext db) =>
        $"A migration was added: set LatestMigration.{engine} in src/Nervewise.Data/LatestMigration.cs to \"{db.Database.GetMigrations().Last()}\".";
}
