using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Nervewise.Data;

/// <summary>
/// A connection made without EF Core, for the checks at start and the health check: setting EF Core up cost about a
/// quarter of a start's CPU, and neither check needs it (ADR 34). Same connection string, so the same pool as EF Core's.
/// </summary>
public static class PlainConnection
{
    public static DbConnection Create(DatabaseSettings settings) =>
        settings.Provider == DatabaseProvider.Postgres ? Postgres(settings.ConnectionString) : Sqlite(settings.ConnectionString);

    // One method per engine, never inlined, so that running on one never loads the other's driver.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static NpgsqlConnection Postgres(string connectionString) => new NpgsqlConnection(connectionString);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SqliteConnection Sqlite(string connectionString) => new SqliteConnection(connectionString);
}
