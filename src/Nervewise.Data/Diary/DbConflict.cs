using Microsoft.Data.Sqlite;
using Npgsql;

namespace Nervewise.Data.Diary;

/// <summary>Database errors that mean "someone else wrote this at the same moment", told apart on both engines.</summary>
internal static class DbConflict
{
    /// <summary>A primary key or unique index already holds the value (SQLite 1555/2067, PostgreSQL 23505).</summary>
    public static bool IsDuplicateKey(Exception? e) => e switch
    {
        null => false,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => IsDuplicateKey(e.InnerException),
    };

    /// <summary>SQLite's one writer was busy past busy_timeout (another import holds it); PostgreSQL reports none of these.</summary>
    public static bool IsBusy(Exception? e) => e switch
    {
        null => false,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => IsBusy(e.InnerException),
    };
}

/// <summary>The same entries were being imported at the same moment by another request; nothing of this one was kept.</summary>
public sealed class ImportConflictException(Exception inner)
    : Exception("The same entries were being imported at the same time; nothing of this import was kept.", inner);
