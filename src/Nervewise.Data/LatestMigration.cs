namespace Nervewise.Data;

/// <summary>
/// The newest migration of each engine, so that a start can see a current schema with one plain read, before EF Core
/// is set up (ADR 34). Migrations run in order and each commits with its history row, so the newest one being
/// recorded means all are. <c>LatestMigrationTests</c> keeps these equal to EF Core's own list.
/// </summary>
public static class LatestMigration
{
    public const string Sqlite = "20261129054209_DiaryIndexCoversTimeline";
    public const string Postgres = "20261129054225_DiaryIndexCoversTimeline";

    public static string For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres : Sqlite;
}
